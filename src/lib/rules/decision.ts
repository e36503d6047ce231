/** What the publication rules decide for a valid row. Rejection belongs to validation. */
import type { CivilDate } from '../dates/civil-date.ts';

export const WITHHELD_REASONS = {
  repaired: '已完成信用修复',
  period_ended: '公示期已届满',
  removed_from_list: '已移出失信被执行人名单',
  case_closed: '案件已执行完毕或结案',
  not_public: '依规定不向社会公开',
} as const;

export type WithheldReason = keyof typeof WITHHELD_REASONS;

export type Decision = { status: 'published' } | { status: 'withheld'; reason: WithheldReason };

export const published: Decision = { status: 'published' };
export const withheld = (reason: WithheldReason): Decision => ({ status: 'withheld', reason });

/** §6: a window that ends on day E is published up to and including E − 1; on E it is over. */
export function hasEnded(end: CivilDate, asOf: CivilDate): boolean {
  return asOf >= end;
}
