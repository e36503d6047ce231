/**
 * The four headline figures of /governance/ (each a `data-metric`), one function each,
 * over the published records and the as-of date.
 */
import { isListedOn, isUnperformed } from '../rules/court-lists.ts';
import { hasEnded } from '../rules/decision.ts';
import { noticeDeadline, type NoticeDeadline } from '../rules/dishonesty-governance-notice.ts';
import type { Dishonest } from '../schemas/dishonest.ts';
import type { Enforcement } from '../schemas/enforcement.ts';
import type { PublishedPenalty } from '../pipeline/ingest.ts';
import type { GovernanceContext, GovernanceRecords } from './inputs.ts';

/** `active-dishonest`: listings active on the as-of date (listed, not removed). */
export function activeListings(r: Pick<GovernanceRecords, 'dishonest'>, asOf: string): Dishonest[] {
  return r.dishonest.filter((d) => isListedOn(d, asOf));
}

export const activeDishonest = (r: Pick<GovernanceRecords, 'dishonest'>, asOf: string) => activeListings(r, asOf).length;

/** `open-enforcement`: enforcement cases not yet performed (未履行 / 部分履行). */
export const openEnforcement = (r: Pick<GovernanceRecords, 'enforcement'>) => r.enforcement.filter(isUnperformed).length;

/** Published penalties whose minimum period has ended on the as-of date: repair could be applied for. */
export function penaltiesPastMinimum(r: Pick<GovernanceRecords, 'penalties'>, asOf: string): PublishedPenalty[] {
  return r.penalties.filter((p) => p.disclosure.minimumEnd !== undefined && hasEnded(p.disclosure.minimumEnd, asOf));
}

/** `unrepaired-past-minimum` (every published penalty is unrepaired: a repaired one is withheld). */
export const unrepairedPastMinimum = (r: Pick<GovernanceRecords, 'penalties'>, asOf: string) => penaltiesPastMinimum(r, asOf).length;

export interface NoticeItem {
  kind: 'enforcement' | 'dishonest';
  id: string;
  creditCode: string;
  deadline: NoticeDeadline;
}

type DeadlineContext = Pick<GovernanceContext, 'asOf' | 'calendar'>;

/** An enforcement case is reported within 7 working days of 立案日期. */
export const enforcementDeadline = (e: Enforcement, { asOf, calendar }: DeadlineContext) => noticeDeadline(e.filedOn, e.notifiedOn, asOf, calendar);
/** A listing is reported within 7 working days of 发布时间. */
export const listingDeadline = (d: Dishonest, { asOf, calendar }: DeadlineContext) => noticeDeadline(d.listedOn, d.notifiedOn, asOf, calendar);

/** The reporting deadline of every published enforcement case and active listing. */
export function noticeItems(r: Pick<GovernanceRecords, 'enforcement' | 'dishonest'>, ctx: DeadlineContext): NoticeItem[] {
  return [
    ...r.enforcement.map((e) => ({ kind: 'enforcement' as const, id: e.id, creditCode: e.creditCode, deadline: enforcementDeadline(e, ctx) })),
    ...activeListings(r, ctx.asOf).map((d) => ({ kind: 'dishonest' as const, id: d.id, creditCode: d.creditCode, deadline: listingDeadline(d, ctx) })),
  ];
}

export interface LateNotices {
  /** `late-notices`: reported after the deadline, or not reported when it has passed. */
  late: number;
  /** Cases and listings whose deadline needs a year no calendar covers. */
  unknown: number;
  missingYears: number[];
}

export function lateNotices(r: Pick<GovernanceRecords, 'enforcement' | 'dishonest'>, ctx: Pick<GovernanceContext, 'asOf' | 'calendar'>): LateNotices {
  const items = noticeItems(r, ctx);
  const unknown = items.flatMap((i) => (i.deadline.state === 'unknown' ? [i.deadline.missingYear] : []));
  return { late: items.filter((i) => i.deadline.state === 'late').length, unknown: unknown.length, missingYears: [...new Set(unknown)].sort() };
}
