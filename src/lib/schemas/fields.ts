/**
 * Field types shared by every contract file (export-format.md §3). A cell arrives
 * trimmed, with an empty cell as `undefined` ("no value").
 */
import { z } from 'zod';
import { parseCreditCode } from '../identifiers/credit-code.ts';
import { parseCivilDate } from '../dates/civil-date.ts';

/** A value that is no value: absent, null (an empty YAML field) or the empty string. */
export const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '';

/**
 * The message of a required text field that is not text: empty, or (in a case's YAML front
 * matter, where a value may be a list or a mapping) of another type, said as such.
 */
export const requiredText = (issue: { input?: unknown }): string => {
  const v = issue.input;
  if (isEmpty(v)) return '必填项为空';
  return `应为文字，不是${Array.isArray(v) ? '列表' : typeof v === 'object' ? '键值映射' : typeof v === 'number' ? '数字' : typeof v === 'boolean' ? '真假值' : '其他类型'}`;
};

/** A required text cell. */
export const text = z.string({ error: requiredText });

/** An optional text cell. */
export const optionalText = z.string().optional();

/** 信息编号: the record's permanent URL key. */
export const recordId = z
  .string({ error: requiredText })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '信息编号应为1–64位字母、数字、“-”或“_”');

/** 统一社会信用代码 (GB 32100-2015), upper-cased, check digit verified. */
export const creditCode = z.string({ error: requiredText }).transform((raw, ctx) => {
  const parsed = parseCreditCode(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.code;
});

/** A calendar date in any accepted form, normalised to YYYY-MM-DD. */
export const civilDate = z.string({ error: requiredText }).transform((raw, ctx) => {
  const date = parseCivilDate(raw);
  if (date === null) {
    ctx.addIssue({ code: 'custom', message: `不是有效日期：${raw}` });
    return z.NEVER;
  }
  return date;
});

/** An amount in 万元: decimal, non-negative. */
export const amount = z.string().transform((raw, ctx) => {
  if (!/^\d+(\.\d+)?$/.test(raw)) {
    ctx.addIssue({ code: 'custom', message: `金额应为非负的十进制数（单位：万元）：${raw}` });
    return z.NEVER;
  }
  // Pages and open data show the number as written, less leading and trailing zeros; one that a
  // number cannot hold would be published changed: 12345678901234567890 as 12345678901234567000,
  // 400 digits as Infinity, 0.0000001 as 1e-7.
  const n = Number(raw);
  const written = raw.replace(/^0+(?=\d)/, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  if (String(n) !== written) {
    ctx.addIssue({ code: 'custom', message: `金额的位数过多，无法原样公示：${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}` });
    return z.NEVER;
  }
  return n;
});

/** One value of a closed list from the contract. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string({ error: requiredText }).refine((v): v is T[number] => values.includes(v), {
    error: (issue) => `不是允许的值：${String(issue.input)}（允许：${values.join(' / ')}）`,
  }) as unknown as z.ZodType<T[number], string>;
}

/** A multi-valued cell (separated by ；, ; or 、), each value from a closed list. */
export function manyOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string({ error: requiredText }).transform((raw, ctx) => {
    const items = raw.split(/[；;、]/).map((s) => s.trim()).filter(Boolean);
    const unknown = items.filter((v) => !values.includes(v));
    if (items.length === 0 || unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `不是允许的值：${unknown.join('、') || raw}（允许：${values.join(' / ')}）` });
      return z.NEVER;
    }
    return items as T[number][];
  }).describe(MULTI_VALUED);
}

/** The description manyOf gives its type, so that the open-data tables know a list column. */
export const MULTI_VALUED = '多值';
