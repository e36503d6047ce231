/** cases/*.md and cases/*.mdx — 诚信典型案例 front matter (export-format.md §5). */
import { z } from 'zod';
import { civilDate, creditCode, isEmpty, requiredText } from './fields.ts';

export const CASE_CATEGORIES = ['诚信建设经验', '守信践诺典型', '失信整改案例', '警示案例'] as const;
const CASE_SLUG = /^[a-z0-9-]+$/;

const slug = z.string().regex(CASE_SLUG, '案例 URL 键只能由小写字母、数字和“-”组成');

export const caseFrontMatter = z
  .object({
    /** title R */
    title: z.string({ error: requiredText }).min(1, '必填项为空'),
    /** date R: publication date */
    date: z.union([z.string(), z.number()], { error: requiredText }).transform(String).pipe(civilDate),
    /** region R: a configured region (checked by the pipeline) */
    region: z.string({ error: requiredText }),
    /** category R */
    category: z.enum(CASE_CATEGORIES, { error: (i) => (isEmpty(i.input) ? '必填项为空' : `不是允许的值：${String(i.input)}（允许：${CASE_CATEGORIES.join(' / ')}）`) }),
    /** summary R: at most 200 characters, for lists, feeds and share cards */
    summary: z.string({ error: requiredText }).min(1, '必填项为空').refine((s) => [...s].length <= 200, { error: (i) => `摘要不得超过200字（现为${[...String(i.input)].length}字）` }),
    /** subjects O: 统一社会信用代码 in subjects.csv */
    subjects: z.array(creditCode).default([]),
    /** source O: where the case was first published */
    source: z.string().optional(),
    /** cover O: an image under attachments/ */
    cover: z.string().optional(),
    /** cover_alt C: required when cover is given */
    cover_alt: z.string().optional(),
    /** redirect_from O: earlier URL keys that must keep working */
    redirect_from: z.array(slug).default([]),
  })
  .superRefine(
    (c, ctx) => {
      if (c.cover && !c.cover_alt) ctx.addIssue({ code: 'custom', path: ['cover_alt'], message: '提供 cover 时必须提供 cover_alt（封面图片的替代文字）' });
    },
    // Runs even when other fields failed, so that a case is rejected with every one of its errors.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type CaseFrontMatter = z.output<typeof caseFrontMatter>;
