/** The statuses a search can filter on, per kind, in the contract's words (for the search form). */
import { FULFILMENT_STATUSES } from '../schemas/commitment.ts';
import { DEBTOR_PERFORMANCE } from '../schemas/dishonest.ts';
import { ENFORCEMENT_OUTCOMES } from '../schemas/enforcement.ts';
import { REPAIR_STATUSES } from '../schemas/penalty.ts';
import type { Commitment } from '../schemas/commitment.ts';
import type { Dishonest } from '../schemas/dishonest.ts';
import type { Enforcement } from '../schemas/enforcement.ts';
import type { Penalty } from '../schemas/penalty.ts';
import type { SearchKind } from './kinds.ts';

export const SEARCH_STATUSES: readonly { kind: SearchKind; field: string; values: readonly string[] }[] = [
  { kind: 'commitments', field: '承诺履行状态', values: FULFILMENT_STATUSES },
  { kind: 'penalties', field: '信用修复状态', values: REPAIR_STATUSES },
  { kind: 'enforcement', field: '履行情况', values: ENFORCEMENT_OUTCOMES },
  { kind: 'dishonest', field: '被执行人的履行情况', values: DEBTOR_PERFORMANCE },
];

/** The status a record is searched by (its page's search markup), per kind that has one. */
export const SEARCH_STATUS_OF = {
  commitments: (c: Commitment) => c.status,
  penalties: (p: Penalty) => p.repairStatus,
  enforcement: (e: Enforcement) => e.outcome,
  dishonest: (d: Dishonest) => d.performance,
};
