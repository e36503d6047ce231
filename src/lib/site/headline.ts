/** The home page's headline figures. */
import type { SiteIndex } from './records.ts';
import { tallyCommitments, type CommitmentTally } from './standing.ts';
import { activeListings } from '../governance/metrics.ts';

export interface Headline {
  subjects: number;
  commitments: CommitmentTally;
  /** Share of assessed commitments fully kept, in whole percent; undefined when none is assessed. */
  keptPercent: number | undefined;
  dishonest: number;
  dishonestSubjects: number;
  penalties: number;
  cases: number;
}

/** `dishonest` is the governance figure `active-dishonest` of the as-of date. */
export function headline(index: Pick<SiteIndex, 'subjects' | 'commitments' | 'dishonest' | 'penalties' | 'cases'>, asOf: string): Headline {
  const active = activeListings(index, asOf);
  const commitments = tallyCommitments(index.commitments);
  const assessed = commitments.fulfilled + commitments.partial + commitments.unfulfilled;
  return {
    subjects: index.subjects.length,
    commitments,
    keptPercent: assessed === 0 ? undefined : Math.round((commitments.fulfilled / assessed) * 100),
    dishonest: active.length,
    dishonestSubjects: new Set(active.map((d) => d.creditCode)).size,
    penalties: index.penalties.length,
    cases: index.cases.length,
  };
}
