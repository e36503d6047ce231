/**
 * 工作日 (working days) of mainland China: Monday–Friday, minus the official holidays,
 * plus the make-up working days (调休上班). A year counts only when a source covers it:
 * chinese-days (2004–2026; it silently calls every later weekday a working day, so it is
 * never asked beyond its own data) or a confirmed `data/calendar/<year>.json`, which may also
 * set days of the previous December. A question about a day in any other year is answered
 * with the missing year, never with a guess.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, LAST_DAY, yearOf, type CivilDate } from '../dates/civil-date.ts';
import type { CalendarYear } from './calendar-year.ts';

/** A figure that could be worked out, or the year no calendar covers. */
export type Reckoned<T> = { ok: true; value: T } | { ok: false; missingYear: number };

/**
 * A count of working days, or, when it runs into years no calendar covers, the first of them
 * and what the covered days still tell: at least the covered years' working days, at most
 * those plus every day of the uncovered ones (a day is at most one working day).
 */
export type WorkingDayCount = { ok: true; value: number } | { ok: false; missingYear: number; atLeast: number; atMost: number };

export interface WorkingCalendar {
  /** Years some source covers, ascending. */
  readonly years: readonly number[];
  covers(year: number): boolean;
  isWorkingDay(date: CivilDate): Reckoned<boolean>;
  /** The n-th working day after `date` (the day itself not counted). */
  addWorkingDays(date: CivilDate, n: number): Reckoned<CivilDate>;
  /** Working days d with from < d ≤ to (0 when to ≤ from). */
  workingDaysBetween(from: CivilDate, to: CivilDate): WorkingDayCount;
}

interface YearDays {
  /** working[i]: whether day i of the year (0 = 1 January) is a working day */
  working: boolean[];
  /** before[i]: working days among days 0 … i−1 */
  before: Int32Array;
}

const dayOfYear = (date: CivilDate) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(yearOf(date), 0, 1)) / 86400_000;
// Counted, not walked to the next year: addDays ends at LAST_DAY, which 9999 never leaves.
const daysIn = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86400_000;

function yearDays(year: number, holidays: ReadonlySet<string>, workdays: ReadonlySet<string>): YearDays {
  const working: boolean[] = [];
  const days = daysIn(year);
  for (let i = 0; i < days; i++) {
    const d = addDays(`${year}-01-01`, i);
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    working.push(workdays.has(d) || (weekday !== 0 && weekday !== 6 && !holidays.has(d)));
  }
  const before = new Int32Array(working.length + 1);
  working.forEach((w, i) => (before[i + 1] = before[i]! + (w ? 1 : 0)));
  return { working, before };
}

/** The years chinese-days has data for (derived from its data, so an update of the package extends it). */
function chineseDaysYears(): number[] {
  return [...new Set(Object.keys(chineseDays.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}

/**
 * A calendar from chinese-days and the confirmed repository years (a repository year replaces the
 * package's). Days a year's file sets in the previous December amend that year as its own source
 * has it; they cover no year by themselves (a few days are not a year).
 */
export function workingCalendar(repositoryYears: readonly CalendarYear[] = []): WorkingCalendar {
  const days = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  const of = (dates: Iterable<string>, year: number) => new Set([...dates].filter((d) => yearOf(d) === year));
  for (const year of chineseDaysYears()) days.set(year, { holidays: of(Object.keys(chineseDays.holidays), year), workdays: of(Object.keys(chineseDays.workdays), year) });
  const confirmed = repositoryYears.filter((y) => y.confirmed);
  for (const y of confirmed) days.set(y.year, { holidays: of(Object.keys(y.holidays), y.year), workdays: of(Object.keys(y.workdays), y.year) });
  for (const y of confirmed) {
    const previous = days.get(y.year - 1);
    if (!previous) continue;
    for (const d of of(Object.keys(y.holidays), y.year - 1)) {
      previous.workdays.delete(d);
      previous.holidays.add(d);
    }
    for (const d of of(Object.keys(y.workdays), y.year - 1)) {
      previous.holidays.delete(d);
      previous.workdays.add(d);
    }
  }
  const byYear = new Map([...days].map(([year, d]) => [year, yearDays(year, d.holidays, d.workdays)]));
  const years = [...byYear.keys()].sort((a, b) => a - b);

  const missing = (year: number) => ({ ok: false, missingYear: year }) as const;
  const isWorkingDay = (date: CivilDate): Reckoned<boolean> => {
    const y = byYear.get(yearOf(date));
    return y ? { ok: true, value: y.working[dayOfYear(date)]! } : missing(yearOf(date));
  };

  return {
    years,
    covers: (year) => byYear.has(year),
    isWorkingDay,
    addWorkingDays(date, n) {
      let d = date;
      for (let left = n; left > 0; ) {
        // A reckoning past the last day ends there (civil-date.ts LAST_DAY).
        if (d === LAST_DAY) return { ok: true, value: LAST_DAY };
        d = addDays(d, 1);
        const w = isWorkingDay(d);
        if (!w.ok) return w;
        if (w.value) left--;
      }
      return { ok: true, value: d };
    },
    workingDaysBetween(from, to) {
      if (to <= from) return { ok: true, value: 0 };
      const start = addDays(from, 1);
      let covered = 0;
      let uncovered = 0;
      let missingYear: number | undefined;
      for (let year = yearOf(start); year <= yearOf(to); year++) {
        const first = year === yearOf(start) ? dayOfYear(start) : 0;
        const last = year === yearOf(to) ? dayOfYear(to) : daysIn(year) - 1;
        const y = byYear.get(year);
        if (y) covered += y.before[last + 1]! - y.before[first]!;
        else {
          uncovered += last - first + 1;
          missingYear ??= year;
        }
      }
      return missingYear === undefined ? { ok: true, value: covered } : { ok: false, missingYear, atLeast: covered, atMost: covered + uncovered };
    },
  };
}
