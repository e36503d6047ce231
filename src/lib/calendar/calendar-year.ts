/**
 * One year of the State Council's holiday schedule (国务院办公厅关于某年部分节假日安排的通知),
 * as the credit office writes it in `data/calendar/<year>.json` for a year that
 * chinese-days does not cover. Only a confirmed file counts: an unconfirmed one is a template.
 */
import { z } from 'zod';
import { isValidCivilDate } from '../dates/civil-date.ts';

/**
 * A notice may also set days of the previous December (国办发明电〔2011〕39号: Saturday
 * 2011-12-31 worked for 2012's 元旦), so a year's file holds its own days and those.
 */
const isOwnDay = (year: number, date: string) => date.startsWith(`${year}-`) || date.startsWith(`${year - 1}-12-`);

const day = z.string().refine(isValidCivilDate, { error: (i) => `不是 YYYY-MM-DD 格式的有效日期：${String(i.input)}` });

export const calendarYearSchema = z
  .object({
    /** 年份, the same as the file name; years before chinese-days (2004) too, which an old record's deadline may need */
    year: z.number().int().min(1990).max(2100),
    /** 是否已按国务院办公厅通知核对; false keeps the year uncovered */
    confirmed: z.boolean(),
    /** 依据: the notice's title and number, required when confirmed */
    source: z.string().optional(),
    /** 放假日期 → 节日名称: every day off, weekends inside a holiday included (days of the previous December too) */
    holidays: z.record(day, z.string().min(1)),
    /** 调休上班日期 → 说明: weekend days that are working days (days of the previous December too) */
    workdays: z.record(day, z.string().min(1)),
  })
  .superRefine((c, ctx) => {
    if (c.confirmed && !c.source) ctx.addIssue({ code: 'custom', path: ['source'], message: 'confirmed 为 true 时必须写明依据的通知（source）' });
    for (const key of ['holidays', 'workdays'] as const) {
      for (const date of Object.keys(c[key])) {
        if (!isOwnDay(c.year, date)) ctx.addIssue({ code: 'custom', path: [key, date], message: `日期 ${date} 不在 ${c.year} 年，也不在 ${c.year - 1} 年 12 月` });
        if (key === 'workdays' && date in c.holidays) ctx.addIssue({ code: 'custom', path: [key, date], message: `日期 ${date} 同时是放假日和调休上班日` });
      }
    }
  });

export type CalendarYear = z.infer<typeof calendarYearSchema>;
