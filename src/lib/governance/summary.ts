/**
 * Every governance figure of one build, as /governance/ shows them and /data/governance.json
 * publishes them: worked out once, from the published records and the as-of date.
 */
import type { CivilDate } from '../dates/civil-date.ts';
import { activeDishonest, lateNotices, openEnforcement, unrepairedPastMinimum, type LateNotices } from './metrics.ts';
import { openByAgency, openByRegion, type AgencyOpen, type RegionOpen } from './open-items.ts';
import { enforcementByMonth, listingsByMonth, supervisionCounts, type EnforcementTrend, type ListingsMonth } from './trends.ts';
import type { GovernanceContext, GovernanceRecords } from './inputs.ts';

export interface GovernanceSummary {
  asOf: CivilDate;
  metrics: {
    'active-dishonest': number;
    'open-enforcement': number;
    'unrepaired-past-minimum': number;
    'late-notices': number;
  };
  /** Deadlines that need a year no calendar covers (暂无法计算), and those years. */
  lateNotices: LateNotices;
  listingsByMonth: ListingsMonth[];
  enforcement: EnforcementTrend;
  supervision: { status: string; count: number }[];
  openByRegion: RegionOpen[];
  openByAgency: AgencyOpen[];
}

export function governanceSummary(r: GovernanceRecords, ctx: GovernanceContext): GovernanceSummary {
  const late = lateNotices(r, ctx);
  return {
    asOf: ctx.asOf,
    metrics: {
      'active-dishonest': activeDishonest(r, ctx.asOf),
      'open-enforcement': openEnforcement(r),
      'unrepaired-past-minimum': unrepairedPastMinimum(r, ctx.asOf),
      'late-notices': late.late,
    },
    lateNotices: late,
    listingsByMonth: listingsByMonth(r, ctx),
    enforcement: enforcementByMonth(r, ctx),
    supervision: supervisionCounts(r, ctx),
    openByRegion: openByRegion(r, ctx),
    openByAgency: openByAgency(r, ctx),
  };
}
