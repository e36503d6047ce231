/**
 * What a letter's entry on a list shows (src/components/CommitmentItems.astro). List pages
 * carry these fields and not whole letters, so that a page's digest (page-reuse.ts) changes
 * only when something it shows does: a corrected 承诺内容 leaves every list page as it was.
 */
import type { PublishedCommitment } from '../pipeline/ingest.ts';

/** Who made a letter, as every page names them: 赵俊明（科长）, or the agency's name. */
export const committerLabel = ({ committer, post }: Pick<PublishedCommitment, 'committer' | 'post'>): string => (post ? `${committer}（${post}）` : committer);

export type CommitmentListItem = Pick<PublishedCommitment, 'id' | 'committer' | 'post' | 'reason' | 'type' | 'madeOn' | 'acceptingUnit' | 'status' | 'expired'>;

export const commitmentListItem = ({ id, committer, post, reason, type, madeOn, acceptingUnit, status, expired }: PublishedCommitment): CommitmentListItem => ({
  id,
  committer,
  post,
  reason,
  type,
  madeOn,
  acceptingUnit,
  status,
  expired,
});
