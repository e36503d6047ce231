/**
 * Splitting the search index into shards (shard-index.ts) that the browser opens one at a
 * time: a query downloads only the shards it needs, and each shard builds in bounded memory.
 *
 * - Shard `p` ("profiles"): the subject profiles (信用画像). They have no date; a search by
 *   agency name should show the agency first, so it is searched first when sorting by
 *   relevance (and last when sorting by date). One per agency, so it stays small.
 * - Shards `r0`, `r1`, …: records and cases by date, newest first (the site's own order),
 *   `perShard` pages each.
 *   Most searches want recent records, so the first page usually comes from `r0` alone.
 *   2,000 pages a shard: its page table stays ~20 KB to download.
 */

import { newestFirst } from '../site/records.ts';
import { PROFILE_KIND } from './kinds.ts';

export interface ShardPage {
  kind: string;
  /** YYYY-MM-DD, or '' for pages without a date (subjects). */
  date: string;
  url: string;
}

export interface PlannedShard<T> {
  name: string;
  pages: T[];
}

const DEFAULT_PER_SHARD = 2000;

/** Pages a shard in this build (PORTAL_SEARCH_PER_SHARD to try others). */
export const shardSize = (): number => Number(process.env.PORTAL_SEARCH_PER_SHARD ?? DEFAULT_PER_SHARD);

/** The index's folder in the output. */
export const SEARCH_DIR = 'search-index';

/** The pages in shard order: the profiles by URL, then the records and cases newest first. */
export function shardOrder<T extends ShardPage>(pages: readonly T[]): { profiles: T[]; records: T[] } {
  const profiles = pages.filter((p) => p.kind === PROFILE_KIND).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const records = newestFirst(pages.filter((p) => p.kind !== PROFILE_KIND), (p) => p.date, (p) => p.url);
  return { profiles, records };
}

export function planShards<T extends ShardPage>(pages: readonly T[], perShard = DEFAULT_PER_SHARD): PlannedShard<T>[] {
  if (!(perShard >= 1)) throw new Error(`perShard must be at least 1, got ${perShard}`);
  return shardsInOrder(shardOrder(pages), perShard);
}

/** The shards of pages already in shard order (shardOrder): the profiles' shard, then `perShard` records a shard. */
export function shardsInOrder<T>({ profiles, records }: { profiles: readonly T[]; records: readonly T[] }, perShard: number): PlannedShard<T>[] {
  const shards: PlannedShard<T>[] = [];
  if (profiles.length) shards.push({ name: 'p', pages: [...profiles] });
  for (let i = 0; i * perShard < records.length; i++) shards.push({ name: `r${i}`, pages: records.slice(i * perShard, (i + 1) * perShard) });
  return shards;
}
