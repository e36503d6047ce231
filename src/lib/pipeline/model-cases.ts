/**
 * §5 model cases: each file is one row of `cases` in the report. A case is published
 * when its front matter is valid, it names only published subjects, its cover is an
 * image of the export, its text carries no personal number, invisible character or
 * forbidden markup, and its URL keys belong to it alone.
 */
import { attachmentKey, caseTwinAttachments, checkAttachment } from '../identifiers/attachments.ts';
import { findPersonalNumbers, maskPersonalNumbers, personalNumberMessage } from '../identifiers/personal-numbers.ts';
import { readCaseFiles, type CaseFile } from '../export/cases.ts';
import { caseFrontMatter, type CaseFrontMatter } from '../schemas/case.ts';
import { checkCaseBody } from '../schemas/case-body.ts';
import { findInvisibleCharacter } from '../schemas/invisible-characters.ts';
import { emptyTally, type FileTally, type Problem } from './report.ts';
import type { DecidedSubjects } from './subjects.ts';
import { KIND_LABELS, pageOfOneLinked, pageOfOneUrl, recordUrl, type PageOfOne } from '../site/kinds.ts';

export interface ModelCase extends CaseFrontMatter {
  slug: string;
  format: 'md' | 'mdx';
  body: string;
}

export interface IngestedCases {
  cases: ModelCase[];
  /** Images the published cases show (covers and body images), relative to attachments/. */
  attachments: string[];
  /** Undefined when the export has no case files. */
  tally: FileTally | undefined;
  problems: Problem[];
}

/**
 * A problem of a case file, personal numbers masked in all it names: the file name is the
 * case's URL key, so a report never prints a number in it either.
 */
function caseProblem(file: string, slug: string, line: number, field: string | undefined, message: string): Problem {
  return { file: maskPersonalNumbers(file), line, id: maskPersonalNumbers(slug), ...(field ? { field } : {}), severity: 'error', message: maskPersonalNumbers(message) };
}

/** What a case may link to: the site's origin, and the pages of its records (published or withheld) and subjects; the cases' own are known here. */
export interface LinkedPages {
  siteUrl: string;
  /** Their addresses (pageOfOneUrl). */
  urls: ReadonlySet<string>;
}

export async function ingestCases(exportDir: string, regions: readonly string[], subjects: DecidedSubjects, pages: LinkedPages): Promise<IngestedCases> {
  const { cases, ignored, unreadable } = await readCaseFiles(exportDir);
  const out: IngestedCases = { cases: [], attachments: [], tally: undefined, problems: [] };
  if (unreadable) out.problems.push({ file: 'cases', severity: 'warning', message: unreadable });
  for (const file of ignored) out.problems.push({ file, severity: 'warning', message: '不是 .md 或 .mdx 案例文件，已忽略' });
  const tally = emptyTally();
  if (cases.length > 0) out.tally = tally;
  const accepted: { modelCase: ModelCase; file: string; redirectLine: number; problems: Problem[]; images: string[]; links: CaseLink[] }[] = [];
  for (const c of cases) {
    tally.rows++;
    const { frontMatter, problems, images, links } = checkCase(c, exportDir, regions, subjects, pages.siteUrl);
    if (frontMatter) accepted.push({ modelCase: { ...frontMatter, slug: c.slug, format: c.format, body: c.body }, file: c.file, redirectLine: c.lineOf('redirect_from'), problems, images, links });
    else {
      tally.rejected++;
      out.problems.push(...problems);
    }
  }
  // A slug or redirect_from key may name one case only: journalists' links must not change meaning.
  const owners = new Map<string, string[]>();
  for (const { modelCase } of accepted) for (const key of [modelCase.slug, ...modelCase.redirect_from]) owners.set(key, [...(owners.get(key) ?? []), modelCase.slug]);
  // x.md and x.mdx: one address, and which one it showed would be an accident of reading order.
  const filesOf = new Map<string, string[]>();
  for (const { modelCase, file } of accepted) filesOf.set(modelCase.slug, [...(filesOf.get(modelCase.slug) ?? []), file]);
  for (const entry of accepted) {
    const { slug } = entry.modelCase;
    const twins = filesOf.get(slug)!;
    if (twins.length > 1) entry.problems.push(caseProblem(entry.file, slug, 1, undefined, `URL 键 ${slug} 同时属于多个案例文件：${twins.join('、')}`));
    const add = (message: string) => entry.problems.push(caseProblem(entry.file, slug, entry.redirectLine, 'redirect_from', message));
    for (const key of entry.modelCase.redirect_from) {
      const claimants = owners.get(key)!;
      if (key === slug) add(`redirect_from 列出了本案例自己的 URL 键 ${key}`);
      else if (claimants.length > 1) add(`URL 键 ${key} 同时属于多个案例：${claimants.join('、')}`);
    }
  }
  // A link to a record's page that the build will not have would fail the build's link check
  // (and with it the day's publication), naming only the built page: named here, at its line.
  // A case page is there when its case is published, so a case whose link fails is taken out and
  // the others are checked again against those left.
  const checkLinks = () => {
    for (let again = true; again; ) {
      again = false;
      const caseUrls = new Set(accepted.filter((e) => e.problems.length === 0).flatMap((e) => [e.modelCase.slug, ...e.modelCase.redirect_from].map((key) => recordUrl('cases', key))));
      for (const entry of accepted) {
        if (entry.problems.length > 0) continue;
        for (const { page, href, line } of entry.links) {
          const url = pageOfOneUrl(page);
          const shown = href.length > 120 ? `${href.slice(0, 120)}…` : href;
          if (!(page.kind === 'cases' ? caseUrls : pages.urls).has(url)) entry.problems.push(caseProblem(entry.file, entry.modelCase.slug, line, undefined, `正文链接指向的页面不存在：${shown}（${missingPage(page)}）`));
          else if (page.unslashed) entry.problems.push(caseProblem(entry.file, entry.modelCase.slug, line, undefined, `正文链接缺少结尾的“/”：${shown}（应写作 ${url}）`));
        }
        again ||= entry.problems.length > 0;
      }
    }
  };
  checkLinks();
  // Images whose names differ only in case are one file on a host that ignores case: every case
  // left to publish that shows either is refused (one refused already shows nothing), and the
  // links to those are checked again.
  const shown = accepted.filter((e) => e.problems.length === 0).flatMap((e) => [e.modelCase.cover ?? [], e.images].flat().map((image) => ({ item: e, key: attachmentKey(image) })));
  for (const twins of caseTwinAttachments(shown)) {
    for (const e of twins.items) e.problems.push(caseProblem(e.file, e.modelCase.slug, 1, undefined, `图片 ${twins.said}，相关案例均不予公示`));
  }
  checkLinks();
  for (const entry of accepted) {
    if (entry.problems.length > 0) {
      tally.rejected++;
      out.problems.push(...entry.problems);
      continue;
    }
    tally.published++;
    out.cases.push(entry.modelCase);
    for (const image of [entry.modelCase.cover ?? [], entry.images].flat()) out.attachments.push(attachmentKey(image));
  }
  return out;
}

/** Every problem of one case file on its own; the front matter when it parsed. */
function checkCase(c: CaseFile, exportDir: string, regions: readonly string[], subjects: DecidedSubjects, siteUrl: string): { frontMatter: CaseFrontMatter | undefined; problems: Problem[]; images: string[]; links: CaseLink[] } {
  const problems: Problem[] = [];
  const add = (field: string | undefined, line: number, message: string) => problems.push(caseProblem(c.file, c.slug, line, field, message));
  if (c.unreadable) {
    add(undefined, 1, c.unreadable);
    return { frontMatter: undefined, problems, images: [], links: [] };
  }
  const bodyLineAt = (index: number) => c.bodyLine + c.body.slice(0, index).split(/\r?\n/).length - 1;
  if (!/^[a-z0-9-]+$/.test(c.slug)) add(undefined, 1, '案例文件名（URL 键）只能由小写字母、数字和“-”组成');
  // The URL keys are in every address of the case: its page, the lists, the feeds, the open data.
  for (const hit of findPersonalNumbers(c.slug)) add(undefined, 1, `案例文件名（URL 键）${personalNumberMessage(hit)}`);
  if (c.yamlError) add(undefined, 1, c.yamlError);
  const data: Record<string, unknown> = typeof c.data === 'object' && c.data !== null ? (c.data as Record<string, unknown>) : {};
  // §3's invisible characters, for the case's fields as for a CSV cell: a case is shown on the same pages.
  for (const [field, value] of Object.entries(data)) {
    for (const text of [value].flat()) {
      const found = typeof text === 'string' ? findInvisibleCharacter(text) : undefined;
      if (found) add(field, c.lineOf(field), found.message);
    }
  }
  const invisibleInBody = findInvisibleCharacter(c.body);
  if (invisibleInBody) add(undefined, bodyLineAt(invisibleInBody.index), `正文${invisibleInBody.message}`);
  const parsed = caseFrontMatter.safeParse(c.data);
  if (!parsed.success) for (const i of parsed.error.issues) add(String(i.path[0] ?? ''), c.lineOf(String(i.path[0] ?? '')), i.message);
  const fm = parsed.success ? parsed.data : undefined;
  // A field as the front matter has it, or, when another field failed, as its own schema reads
  // it: a case with one bad field is still checked in all the others.
  const valid = <K extends keyof typeof caseFrontMatter.shape>(k: K): CaseFrontMatter[K] | undefined => {
    if (fm) return fm[k];
    const own = caseFrontMatter.shape[k].safeParse(data[k]);
    return own.success ? (own.data as CaseFrontMatter[K]) : undefined;
  };
  const region = valid('region');
  if (region !== undefined && !regions.includes(region)) add('region', c.lineOf('region'), `不是本门户配置的区域：${region}`);
  for (const code of valid('subjects') ?? []) {
    const message = subjects.problemOf(code);
    if (message) add('subjects', c.lineOf('subjects'), message);
  }
  const cover = valid('cover');
  if (cover) {
    const message = checkAttachment(exportDir, cover, 'image');
    if (message) add('cover', c.lineOf('cover'), message);
  }
  const body = checkCaseBody(c.body, c.format);
  for (const f of body.problems) add(undefined, c.bodyLine + f.offsetLine, f.message);
  // A body image must be a real image of the export, checked as a cover is.
  for (const image of body.images) {
    const message = checkAttachment(exportDir, image.src, 'image');
    if (message) add(undefined, c.bodyLine + image.offsetLine, message);
  }
  for (const key of valid('redirect_from') ?? []) for (const hit of findPersonalNumbers(key)) add('redirect_from', c.lineOf('redirect_from'), `URL 键${personalNumberMessage(hit)}`);
  // The cover's file name is in its page's <img> and the open data, as the text fields are.
  for (const field of ['title', 'summary', 'source', 'cover', 'cover_alt'] as const) {
    const value = valid(field);
    for (const hit of value ? findPersonalNumbers(value) : []) add(field, c.lineOf(field), personalNumberMessage(hit));
  }
  const inBody = findPersonalNumbers(c.body);
  for (const hit of inBody) add(undefined, bodyLineAt(hit.index), `正文${personalNumberMessage(hit)}`);
  // As a reader sees it: markup or an entity inside a number (370102*1990*01011231) leaves it
  // whole on the page; so does percent-encoding in an image's file name (%31%33…), which its
  // address on the page and the published file show decoded.
  const written = new Set(inBody.map((hit) => hit.masked));
  for (const { text, offsetLine } of [...body.texts, ...body.images.map(({ src, offsetLine }) => ({ text: src, offsetLine }))]) {
    for (const hit of findPersonalNumbers(text)) if (!written.has(hit.masked)) add(undefined, c.bodyLine + offsetLine, `正文${personalNumberMessage(hit)}`);
  }
  const links = body.links.flatMap(({ href, offsetLine }) => {
    const page = pageOfOneLinked(href, recordUrl('cases', c.slug), siteUrl);
    return page ? [{ page, href, line: c.bodyLine + offsetLine }] : [];
  });
  return { frontMatter: fm, problems, images: body.images.map((i) => i.src), links };
}

/** A body's link to the page of one record, subject or case, at its line in the file. */
interface CaseLink {
  page: PageOfOne;
  href: string;
  line: number;
}

/** Why the page a link names is not there. */
const missingPage = ({ kind, id }: PageOfOne): string =>
  kind === 'cases' ? `没有 URL 键为 ${id} 的公示案例` : kind === 'subjects' ? `subjects.csv 中没有统一社会信用代码为 ${id} 的主体` : `导出中没有编号为 ${id} 的${KIND_LABELS[kind]}信息`;
