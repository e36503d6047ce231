/**
 * Court enforcement and the dishonest-judgment-debtor list (《最高人民法院关于公布失信
 * 被执行人名单信息的若干规定》 and the city notice on government dishonesty): what stays
 * on the public site while an obligation is unmet.
 */
import type { CivilDate } from '../dates/civil-date.ts';
import { published, withheld, type Decision } from './decision.ts';

/** A case whose debtor has not performed in full (未履行 / 部分履行). */
export const isUnperformed = (e: { outcome: string }) => e.outcome === '未履行' || e.outcome === '部分履行';

/** An enforcement case is disclosed while the debtor has not performed in full. */
export function discloseEnforcement(e: { outcome: string }): Decision {
  return isUnperformed(e) ? published : withheld('case_closed');
}

/** A listing is disclosed until its 移出日期 has come. */
export function discloseDishonestListing(d: { removedOn?: CivilDate | undefined }, asOf: CivilDate): Decision {
  return d.removedOn && d.removedOn <= asOf ? withheld('removed_from_list') : published;
}

/** Whether a listing is active on a day: from its 发布时间 until its 移出日期 (every page and figure that says 在列). */
export function isListedOn(d: { listedOn: CivilDate; removedOn?: CivilDate | undefined }, day: CivilDate): boolean {
  return d.listedOn <= day && !(d.removedOn && d.removedOn <= day);
}
