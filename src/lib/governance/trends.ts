/**
 * The figures below the headline: active listings month by month by region, enforcement
 * cases opened and closed per month, and 督办状态 counts. Months are `YYYY-MM`, oldest first.
 * They are worked out from the governance history (history.ts), not from the published
 * records: §6 withholds closed cases and removed listings, which these figures are about.
 * Region is the published subject's.
 */
import { addMonths, daysInMonth, type CivilDate } from '../dates/civil-date.ts';
import { isListedOn, isUnperformed } from '../rules/court-lists.ts';
import { SUPERVISION_STATUSES } from '../schemas/dishonest.ts';
import type { EnforcementHistory } from './history.ts';
import { daysBetween, type GovernanceContext, type GovernanceRecords } from './inputs.ts';

/** How many months the trend charts cover, ending with the as-of month. */
const TREND_MONTHS = 24;

/** The last `count` months up to the as-of month, each with the day it is counted on (its last day, or the as-of date). */
function trendMonths(asOf: CivilDate, count = TREND_MONTHS): { month: string; day: CivilDate }[] {
  const first = addMonths(`${asOf.slice(0, 7)}-01`, -(count - 1));
  return Array.from({ length: count }, (_, i) => {
    const start = addMonths(first, i);
    const end = `${start.slice(0, 8)}${String(daysInMonth(Number(start.slice(0, 4)), Number(start.slice(5, 7)))).padStart(2, '0')}`;
    return { month: start.slice(0, 7), day: end < asOf ? end : asOf };
  });
}

export interface ListingsMonth {
  month: string;
  /** The day counted: the month's last day, or the as-of date in the as-of month. */
  day: CivilDate;
  total: number;
  /** Region → listings active that day, in configured order. */
  byRegion: Record<string, number>;
}

/** Listings active at the end of each month (from 发布时间 and 移出日期), removed ones included, by the subject's region. */
export function listingsByMonth(r: Pick<GovernanceRecords, 'subjects' | 'history'>, { asOf, regions }: Pick<GovernanceContext, 'asOf' | 'regions'>): ListingsMonth[] {
  const regionOf = new Map(r.subjects.map((s) => [s.creditCode, s.region]));
  return trendMonths(asOf).map(({ month, day }) => {
    const byRegion = Object.fromEntries(regions.map((g) => [g, 0]));
    let total = 0;
    for (const d of r.history.dishonest) {
      if (!isListedOn(d, day)) continue;
      total++;
      const region = regionOf.get(d.creditCode);
      if (region !== undefined && region in byRegion) byRegion[region]!++;
    }
    return { month, day, total, byRegion };
  });
}

export interface EnforcementMonth {
  month: string;
  /** Cases with 立案日期 in the month. */
  opened: number;
  /** Cases closed (结案日期) in the month, up to the as-of date. */
  closed: number;
}

export interface EnforcementTrend {
  months: EnforcementMonth[];
  /** Median calendar days from 立案日期 to 结案日期 over the cases closed in these months; null when none is. */
  medianDaysToClose: number | null;
  /** Cases closed in these months (the sum of `closed`). */
  closedCases: number;
}

/**
 * The day a case closed, when it has by the as-of date: a closing 履行情况 (the one that
 * withholds it under §6) with its 结案日期. A 结案日期 on an unperformed case closes nothing.
 */
const closedOnBy = (e: EnforcementHistory, asOf: CivilDate) => (!isUnperformed(e) && e.closedOn && e.closedOn <= asOf ? e.closedOn : undefined);

export function enforcementByMonth(r: Pick<GovernanceRecords, 'history'>, { asOf }: Pick<GovernanceContext, 'asOf'>): EnforcementTrend {
  const months = trendMonths(asOf).map(({ month }) => ({ month, opened: 0, closed: 0 }));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const durations: number[] = [];
  for (const e of r.history.enforcement) {
    const opened = byMonth.get(e.filedOn.slice(0, 7));
    if (opened && e.filedOn <= asOf) opened.opened++;
    const closedOn = closedOnBy(e, asOf);
    const closed = closedOn && byMonth.get(closedOn.slice(0, 7));
    if (closed) {
      closed.closed++;
      durations.push(daysBetween(e.filedOn, closedOn));
    }
  }
  return { months, medianDaysToClose: median(durations) ?? null, closedCases: durations.length };
}

/** The middle value; the mean of the two middle values for an even count, rounded to one decimal. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

/** 督办状态 of the listings active on the as-of date, in the contract's order. */
export function supervisionCounts(r: Pick<GovernanceRecords, 'history'>, { asOf }: Pick<GovernanceContext, 'asOf'>): { status: string; count: number }[] {
  const active = r.history.dishonest.filter((d) => isListedOn(d, asOf));
  return SUPERVISION_STATUSES.map((status) => ({ status, count: active.filter((d) => d.supervision === status).length }));
}
