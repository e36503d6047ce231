/**
 * The result cursor of one search: pages of results, shard after shard in the engine's
 * order, with the number lookup's pages first. `total` counts what has been found so far and
 * is exact once every candidate shard has been searched (`complete`).
 */

/** A result as a shard's search gives it: its card loads on demand. */
export interface ShardResult {
  id: string;
  card: () => Promise<ShownResult>;
}

export interface ShownResult {
  url: string;
  title: string;
  kind: string;
  region: string;
  date: string;
  status: string;
  text: string;
}

/** A page shown before the full-text results; its shard's search finds it again (then skipped). */
export interface PinnedResult extends ShownResult {
  shard: string;
}

export const PAGE_SIZE = 10;

export class SearchCursor<S extends { name: string }> {
  private readonly pending: S[];
  private readonly searched = new Set<string>();
  private readonly searchShard: (s: S) => Promise<ShardResult[]>;
  private readonly pinned: readonly PinnedResult[];
  private readonly pinnedUrls: Set<string>;
  /** The exact count when it is known before searching (known.ts), else undefined. */
  private readonly knownTotal: number | undefined;
  private buffer: ShardResult[] = [];
  private found = 0;
  /** Results shown so far. */
  shown = 0;

  constructor(shards: readonly S[], searchShard: (s: S) => Promise<ShardResult[]>, pinned: readonly PinnedResult[] = [], knownTotal?: number) {
    this.pending = [...shards];
    this.searchShard = searchShard;
    this.pinned = pinned;
    this.pinnedUrls = new Set(pinned.map((p) => p.url));
    this.knownTotal = knownTotal;
  }

  /** Results found so far (the searched shards', and the pinned pages not yet among them), or the known count. */
  get total(): number {
    return this.knownTotal ?? this.found + this.pinned.filter((p) => !this.searched.has(p.shard)).length;
  }

  /** Whether `total` is exact: the count was known, or every shard that can match has been searched. */
  get complete(): boolean {
    return this.knownTotal !== undefined || this.pending.length === 0;
  }

  get hasMore(): boolean {
    return this.shown < this.pinned.length || this.buffer.length > 0 || this.pending.length > 0;
  }

  /** The next page of results (fewer at the end). */
  async next(size = PAGE_SIZE): Promise<ShownResult[]> {
    const page: ShownResult[] = this.pinned.slice(this.shown, this.shown + size).map(({ url, title, kind, region, date, status, text }) => ({ url, title, kind, region, date, status, text }));
    while (page.length < size) {
      while (this.buffer.length < size - page.length && this.pending.length > 0) {
        const shard = this.pending.shift()!;
        const found = await this.searchShard(shard);
        this.searched.add(shard.name);
        this.found += found.length;
        this.buffer.push(...found);
      }
      if (this.buffer.length === 0) break;
      const cards = await Promise.all(this.buffer.splice(0, size - page.length).map((r) => r.card()));
      for (const c of cards) if (!this.pinnedUrls.has(c.url)) page.push(c);
    }
    this.shown += page.length;
    return page;
  }
}
