/**
 * Reads the repository's calendar years (`data/calendar/<year>.json`, PORTAL_CALENDAR to
 * point elsewhere). A file that is unreadable or invalid leaves its year uncovered and is
 * reported, never a crash: deadlines in that year then say 暂无法计算.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarYearSchema, type CalendarYear } from './calendar-year.ts';
import { workingCalendar, type WorkingCalendar } from './working-days.ts';

const calendarDir = () => process.env.PORTAL_CALENDAR ?? 'data/calendar';

export interface CalendarFiles {
  years: CalendarYear[];
  /** Years with a file that is present but not confirmed (a template). */
  unconfirmed: number[];
  /** `file: message` for every file that could not be used. */
  problems: { file: string; message: string }[];
}

export function readCalendarFiles(dir: string = calendarDir()): CalendarFiles {
  const out: CalendarFiles = { years: [], unconfirmed: [], problems: [] };
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      out.problems.push({ file, message: `不是有效的 JSON：${(e as Error).message}` });
      continue;
    }
    const parsed = calendarYearSchema.safeParse(raw);
    if (!parsed.success) {
      out.problems.push(...parsed.error.issues.map((i) => ({ file, message: `${i.path.join('.') || '（整个文件）'}: ${i.message}` })));
      continue;
    }
    if (name !== `${parsed.data.year}.json`) {
      out.problems.push({ file, message: `文件名应为 ${parsed.data.year}.json` });
      continue;
    }
    if (parsed.data.confirmed) out.years.push(parsed.data);
    else out.unconfirmed.push(parsed.data.year);
  }
  return out;
}

let cached: { files: CalendarFiles; calendar: WorkingCalendar; dir: string } | undefined;

/** The build's calendar: chinese-days plus the confirmed repository years, read once per process. */
export function buildCalendar(): { files: CalendarFiles; calendar: WorkingCalendar; dir: string } {
  if (!cached) {
    const dir = calendarDir();
    const files = readCalendarFiles(dir);
    cached = { files, calendar: workingCalendar(files.years), dir };
  }
  return cached;
}
