/**
 * Calendar dates in China Standard Time, held as canonical `YYYY-MM-DD` strings:
 * they compare correctly as strings and serialise into the content store unchanged.
 */
export type CivilDate = string;

const ACCEPTED: RegExp[] = [
  /^(\d{4})-(\d{2})-(\d{2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromParts(y: number, m: number, d: number): CivilDate | null {
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Parses any date form of the contract (§3); null for anything else, impossible dates included. */
export function parseCivilDate(raw: string): CivilDate | null {
  for (const form of ACCEPTED) {
    const m = form.exec(raw);
    if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

export function isValidCivilDate(iso: string): boolean {
  return parseCivilDate(iso) === iso;
}

/** Today's date in China Standard Time (UTC+8, no daylight saving). */
export function todayInChina(now: Date = new Date()): CivilDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * §7: the as-of date, as every entry point takes it (`--as-of`, PORTAL_AS_OF, the
 * benchmark): exactly YYYY-MM-DD, a real date; nothing given means today in CST. The
 * looser cell forms of §3 (20261128, 2026/11/28) are not accepted: a typo in a job's
 * date must not quietly decide what is published.
 */
export function parseAsOf(raw: string | undefined, now: Date = new Date()): { ok: true; date: CivilDate } | { ok: false; message: string } {
  if (raw === undefined || raw === '') return { ok: true, date: todayInChina(now) };
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) && isValidCivilDate(raw) ? { ok: true, date: raw } : { ok: false, message: `不是 YYYY-MM-DD 格式的有效日期：${raw}` };
}

/** The CST calendar date of an ISO timestamp such as 2026-11-27T23:10:00+08:00. */
export function chinaDateOf(timestamp: string): CivilDate | null {
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? null : todayInChina(new Date(t));
}

/**
 * The last day a CivilDate can be. A reckoning past it (three years from a decision of
 * 9999-10-01) ends there: a later day would have a five-digit year, compare before 2026 as a
 * string and read as long past. For a portal, 9999-12-31 is as good as never.
 */
export const LAST_DAY: CivilDate = '9999-12-31';
const LAST_DAY_MS = Date.parse(`${LAST_DAY}T00:00:00Z`);

/** §6: "N months after D" is the same day N months later, or that month's last day (at most LAST_DAY). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  if (year > 9999) return LAST_DAY;
  const month = (index % 12) + 1;
  return fromParts(year, month, Math.min(d, daysInMonth(year, month)))!;
}

/** The date `days` later (at most LAST_DAY). */
export function addDays(date: CivilDate, days: number): CivilDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86400_000;
  return t > LAST_DAY_MS ? LAST_DAY : new Date(t).toISOString().slice(0, 10);
}

const chineseDates = new Map<CivilDate, string>();

/** 2026年11月28日, the form Chinese government sites use. Each date is written once: pages show it hundreds of thousands of times. */
export function formatChineseDate(date: CivilDate): string {
  let text = chineseDates.get(date);
  if (text === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    chineseDates.set(date, (text = `${y}年${m}月${d}日`));
  }
  return text;
}

/** A month (`YYYY-MM`) as Chinese government sites write it: 2026年3月. */
export const formatChineseMonth = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}
