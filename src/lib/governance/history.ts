/**
 * The governance history: for every valid row of enforcement.csv and dishonest.csv —
 * published or withheld by §6 — the few fields the month-by-month figures need, and
 * nothing else. §6 withholds closed cases and removed listings, so the published records
 * alone can never show a closure, a median time to close, or a listing of last month that
 * has since been removed.
 *
 * What an entry may hold (an allowlist, picked field by field): the dates, the status
 * fields and the subject's 统一社会信用代码. No 信息编号, 案号, court, name or amount: an
 * entry can be counted but never linked, listed or shown, so a withheld record gets no
 * page, search entry or open-data row through it. Region is not copied either: it comes
 * from the published subject when a figure is worked out.
 *
 * A row naming a subject that is not published is rejected with the row (subjects.ts),
 * like any record naming an unpublished subject, so it has no entry and is in no figure;
 * only rows that passed every check are entries.
 */
import type { CivilDate } from '../dates/civil-date.ts';
import type { Dishonest } from '../schemas/dishonest.ts';
import type { Enforcement } from '../schemas/enforcement.ts';

export interface EnforcementHistory {
  /** 统一社会信用代码 of a published subject */
  creditCode: string;
  /** 立案日期 */
  filedOn: CivilDate;
  /** 履行情况 */
  outcome: Enforcement['outcome'];
  /** 结案日期, when given */
  closedOn?: CivilDate;
}

export interface ListingHistory {
  /** 统一社会信用代码 of a published subject */
  creditCode: string;
  /** 发布时间 */
  listedOn: CivilDate;
  /** 移出日期, when given */
  removedOn?: CivilDate;
  /** 督办状态 */
  supervision: Dishonest['supervision'];
}

export interface GovernanceHistory {
  enforcement: EnforcementHistory[];
  dishonest: ListingHistory[];
}

export const emptyHistory = (): GovernanceHistory => ({ enforcement: [], dishonest: [] });

export function enforcementHistory(e: Enforcement): EnforcementHistory {
  return { creditCode: e.creditCode, filedOn: e.filedOn, outcome: e.outcome, ...(e.closedOn ? { closedOn: e.closedOn } : {}) };
}

export function listingHistory(d: Dishonest): ListingHistory {
  return { creditCode: d.creditCode, listedOn: d.listedOn, supervision: d.supervision, ...(d.removedOn ? { removedOn: d.removedOn } : {}) };
}
