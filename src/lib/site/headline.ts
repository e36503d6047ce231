/** The home page's headline figures. */
import type { SiteIndex } from './records.ts';
import { tallyCommitments, type CommitmentTally } from './standing.ts';

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

export function headline(index: Pick<SiteIndex, 'subjects' | 'commitments' | 'dishonest' | 'penalties' | 'cases'>): Headline {
  const commitments = tallyCommitments(index.commitments);
  const assessed = commitments.fulfilled + commitments.partial + commitments.unfulfilled;
  return {
    subjects: index.subjects.length,
    commitments,
    keptPercent: assessed === 0 ? undefined : Math.round((commitments.fulfilled / assessed) * 100),
    dishonest: index.dishonest.length,
    dishonestSubjects: new Set(index.dishonest.map((d) => d.creditCode)).size,
    penalties: index.penalties.length,
    cases: index.cases.length,
  };
}
