/**
 * The search engine of the search page: search.json, the routing table, the number lookup,
 * the known phrases and the shards' indexes (shard-index.ts), loaded lazily, each file once;
 * `start` turns a state into a result cursor.
 */
import { gunzipSync } from 'fflate';
import { PAGE_SIZE, SearchCursor, type PinnedResult, type ShardResult, type ShownResult } from './cursor.ts';
import { PROFILE_KIND } from './kinds.ts';
import { isComplete, knownFile, knownKey, type KnownEntry, type KnownFile } from './known.ts';
import type { SearchManifest, ShardInfo } from './manifest.ts';
import { numberFile, numberKey, type NumberFile, type NumberHit } from './numbers.ts';
import { parseQuery, partForms, type QueryPart } from './query.ts';
import { parseRouteFile, routeShards } from './routing.ts';
import { cardFile, headingWeight, indexFile, matchPart, parseIndexFile, partKeys, relevance, type IndexedPage, type IndexFile } from './shard-index.ts';
import { FILTERS, passesFilters, type SearchState } from './state.ts';

/**
 * Gzip bytes → bytes; as they are when a server already decoded them (Content-Encoding).
 * fflate, not the platform's DecompressionStream, which phones before iOS 16.4 lack.
 */
const gunzip = (bytes: Uint8Array): Uint8Array => (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);

/**
 * Shards that can hold a page passing the filters, in search order: the profiles first when
 * sorting by relevance (a search by an agency's name shows the agency), last by date.
 */
export function shardOrder(shards: readonly ShardInfo[], s: SearchState): number[] {
  const ok = shards.map((sh, i) => ({ sh, i })).filter(({ sh }) => FILTERS.every((f) => !s.filters[f] || sh[f].includes(s.filters[f]!)));
  const profiles = ok.filter(({ sh }) => sh.name === 'p').map(({ i }) => i);
  const records = ok.filter(({ sh }) => sh.name !== 'p').map(({ i }) => i);
  return s.sort === 'date' ? [...records, ...profiles] : [...profiles, ...records];
}

/** A search: its parts (for highlighting) and its cursor. */
export interface StartedSearch {
  parts: QueryPart[];
  cursor: SearchCursor<ShardInfo>;
}

/** A known entry's pages passing the filters, in the state's order (by date: records newest first, then profiles). */
export function knownPages(e: KnownEntry, s: SearchState): PinnedResult[] {
  const pages = e.pages.filter((p) => passesFilters(p, s));
  if (s.sort !== 'date') return pages;
  return [...pages.filter((p) => p.kind !== PROFILE_KIND), ...pages.filter((p) => p.kind === PROFILE_KIND)];
}

/** The number lookup's pages first, then the others not among them. */
const withPinned = (pinned: readonly PinnedResult[], pages: readonly PinnedResult[]): PinnedResult[] => {
  const urls = new Set(pinned.map((p) => p.url));
  return [...pinned, ...pages.filter((p) => !urls.has(p.url))];
};

export class ShardedSearch {
  readonly base: string;
  private manifest: Promise<SearchManifest> | undefined;
  /** Every file after search.json, by path: each is fetched once, a failed one again next time. */
  private readonly lookups = new Map<string, Promise<unknown>>();

  constructor(base = '/search-index/') {
    this.base = base;
  }

  /** A file of this build: `?v=` the build's tag, so a cache never mixes two builds' files. */
  private async fetchOk(path: string): Promise<Response> {
    const { build } = await this.loadManifest();
    const r = await fetch(`${this.base}${path}?v=${build}`);
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return r;
  }

  private json<T>(path: string): Promise<T> {
    return this.fetchOk(path).then((r) => r.json() as Promise<T>);
  }

  private async gzipped(path: string): Promise<Uint8Array> {
    return gunzip(new Uint8Array(await (await this.fetchOk(path)).arrayBuffer()));
  }

  private gzippedJson<T>(path: string): Promise<T> {
    return this.gzipped(path).then((b) => JSON.parse(new TextDecoder().decode(b)) as T);
  }

  private lookup<T>(path: string, load: (path: string) => Promise<T>): Promise<T> {
    let file = this.lookups.get(path) as Promise<T> | undefined;
    if (!file) {
      this.lookups.set(path, (file = load(path)));
      file.catch(() => this.lookups.delete(path));
    }
    return file;
  }

  loadManifest(): Promise<SearchManifest> {
    if (!this.manifest) {
      // Revalidated every time: it names the build that every other file is asked for.
      this.manifest = fetch(`${this.base}search.json`, { cache: 'no-cache' }).then((r) => {
        if (!r.ok) throw new Error(`search.json: HTTP ${r.status}`);
        return r.json() as Promise<SearchManifest>;
      });
      this.manifest.catch(() => (this.manifest = undefined));
    }
    return this.manifest;
  }

  /** Gets ready while the visitor types (called on the first focus of the search box): the manifest. */
  warm(): void {
    this.loadManifest().catch(() => undefined);
  }

  private routeFile(n: number): Promise<Map<string, bigint>> {
    return this.lookup(`route/${n}.txt`, (path) => this.fetchOk(path).then(async (r) => parseRouteFile(await r.text())));
  }

  /** The pages whose own number the query is (one small file), passing the filters, newest first. */
  private async numberHits(manifest: SearchManifest, s: SearchState): Promise<NumberHit[]> {
    const key = numberKey(s.q);
    if (!key || !manifest.numberFiles) return [];
    const file = await this.lookup(`number/${numberFile(key, manifest.numberFiles)}.json`, (path) => this.json<NumberFile>(path));
    const hits = file[key] ?? [];
    return hits.filter((h) => passesFilters(h, s)).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  /** The known-phrase entry of the query, if the build listed its pages (known.ts). */
  private async knownEntry(manifest: SearchManifest, text: string): Promise<KnownEntry | undefined> {
    const key = knownKey(text);
    if (!key || !manifest.knownFiles) return undefined;
    const file = await this.lookup(`known/${knownFile(key, manifest.knownFiles)}.json`, (path) => this.json<KnownFile>(path));
    return file[key];
  }

  /** A shard's page table, and its pages' average length in tokens (for relevance), once per shard. */
  private pageTable(shard: ShardInfo): Promise<{ pages: IndexedPage[]; average: number }> {
    return this.lookup(`${shard.name}/pages.json.gz`, async (path) => {
      const pages = await this.gzippedJson<IndexedPage[]>(path);
      return { pages, average: pages.reduce((n, p) => n + p[4], 0) / Math.max(1, pages.length) };
    });
  }

  /**
   * The pages of one shard holding one part in any of its forms (as typed, or in full), with how
   * often, matches in a heading weighed (the page table and the postings files, in parallel).
   */
  private async matchInShard(shard: ShardInfo, part: QueryPart): Promise<Map<number, number>> {
    const forms = partForms(part);
    const keys = forms.flatMap((f) => partKeys(f.match).map((k) => k.key));
    const numbers = [...new Set(keys.map((k) => indexFile(k, shard.indexFiles)))];
    const files = new Map<number, IndexFile>();
    const [{ pages }] = await Promise.all([this.pageTable(shard), ...numbers.map(async (n) => files.set(n, await this.lookup(`${shard.name}/index/${n}.bin.gz`, (path) => this.gzipped(path).then(parseIndexFile))))]);
    const found = new Map<number, number>();
    for (const f of forms) for (const [id, n] of matchPart(f.match, (key) => files.get(indexFile(key, shard.indexFiles))!.get(key), headingWeight(pages))) found.set(id, (found.get(id) ?? 0) + n);
    return found;
  }

  /**
   * The matching results of one shard: pages holding every part and passing the filters, by
   * date (the shard's own order) or by relevance (summed over the parts; ties newest first).
   */
  private async searchShard(shard: ShardInfo, parts: QueryPart[], s: SearchState): Promise<ShardResult[]> {
    const [{ pages, average }, ...matches] = await Promise.all([this.pageTable(shard), ...parts.map((p) => this.matchInShard(shard, p))]);
    const scored: { id: number; score: number }[] = [];
    for (const id of matches[0]!.keys()) {
      const [kind, region, date, status, tokens] = pages[id]!;
      if (!matches.every((m) => m.has(id)) || !passesFilters({ kind, region, date, status }, s)) continue;
      scored.push({ id, score: matches.reduce((sum, m) => sum + relevance(m.get(id)!, tokens, average), 0) });
    }
    scored.sort(s.sort === 'date' ? (a, b) => a.id - b.id : (a, b) => b.score - a.score || a.id - b.id);
    return scored.map(({ id }) => ({ id: `${shard.name}/${id}`, card: () => this.gzippedJson<ShownResult>(`${shard.name}/${cardFile(id)}`) }));
  }

  /**
   * Starts a search; undefined when the query has nothing to search for. A query that is a
   * page's own number shows that page first, and the text search looks for the number as the
   * page writes it (so a pasted （2026） or lower-case credit code finds the same pages).
   */
  async start(s: SearchState): Promise<StartedSearch | undefined> {
    if (parseQuery(s.q).length === 0) return undefined;
    const manifest = await this.loadManifest();
    const pinned = await this.numberHits(manifest, s);
    const text = pinned[0]?.value ?? s.q;
    const parts = parseQuery(text);
    // A name typed with short forms is listed with the pages holding it in full as well (known.ts).
    const known = await this.knownEntry(manifest, text);
    // Every page is listed: filter and order them here, no shard is opened.
    if (known && isComplete(known)) return { parts, cursor: new SearchCursor<ShardInfo>([], async () => [], withPinned(pinned, knownPages(known, s))) };
    const mask = await routeShards(parts, partForms, manifest.shards.length, manifest.routeFiles, (n) => this.routeFile(n));
    const shards = shardOrder(manifest.shards, s)
      .filter((i) => (mask >> BigInt(i)) & 1n)
      .map((i) => manifest.shards[i]!);
    const searchShard = (shard: ShardInfo) => this.searchShard(shard, parts, s);
    // The count is known and the first page listed: the shards serve 加载更多, in their own order,
    // skipping the listed pages (unfiltered only: the entry counts every page, not those passing filters).
    const unfiltered = FILTERS.every((f) => !s.filters[f]);
    if (known && unfiltered) return { parts, cursor: new SearchCursor(shards, searchShard, withPinned(pinned, knownPages(known, s)).slice(0, PAGE_SIZE), known.count) };
    return { parts, cursor: new SearchCursor(shards, searchShard, pinned) };
  }
}
