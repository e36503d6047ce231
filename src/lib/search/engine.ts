/**
 * The search engine of the search page: search.json, the routing table, the number lookup
 * and Pagefind's shards, loaded lazily; `start` turns a state into a result cursor.
 */
import { SearchCursor, type ShardResult } from './cursor.ts';
import type { SearchManifest, ShardInfo } from './manifest.ts';
import { numberFile, numberKey, type NumberFile, type NumberHit } from './numbers.ts';
import { parseQuery, type QueryPart } from './query.ts';
import { parseBucket, routeShards } from './routing.ts';
import { FILTERS, passesFilters, type SearchState } from './state.ts';

interface PagefindInstance {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string, o?: Record<string, unknown>) => Promise<{ results: ShardResult[] }>;
}
interface PagefindModule {
  createInstance: (o: { basePath: string; baseUrl: string; noWorker?: boolean }) => PagefindInstance;
}

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

export class ShardedSearch {
  readonly base: string;
  private manifest: Promise<SearchManifest> | undefined;
  private readonly instances = new Map<string, Promise<PagefindInstance>>();
  /** Shards open one after another (a precaution: Pagefind 1.6 instances that started together crashed). */
  private opening: Promise<unknown> = Promise.resolve();
  private readonly buckets = new Map<number, Promise<Map<string, bigint>>>();
  private readonly numberFiles = new Map<number, Promise<NumberFile>>();

  constructor(base = '/pagefind/') {
    this.base = base;
  }

  private json<T>(path: string): Promise<T> {
    return fetch(`${this.base}${path}`).then((r) => {
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      return r.json() as Promise<T>;
    });
  }

  loadManifest(): Promise<SearchManifest> {
    this.manifest ??= this.json<SearchManifest>('search.json');
    return this.manifest;
  }

  /**
   * Opens a shard once; later calls share it. Each shard loads its own copy of pagefind.js
   * (a module per URL): Pagefind keeps its wasm in module-level state, so two instances of one
   * module corrupt each other ("RuntimeError: unreachable") once both have started. noWorker:
   * the wasm runs on the page (a shard's search takes milliseconds), one copy per shard
   * instead of one shared Web Worker. Shards start one after another.
   */
  open(name: string): Promise<PagefindInstance> {
    let inst = this.instances.get(name);
    if (!inst) {
      inst = this.opening.then(async () => {
        const pf = (await import(/* @vite-ignore */ `${this.base}${name}/pagefind.js`)) as PagefindModule;
        // baseUrl: result URLs are the site's root-relative paths, wherever the bundles are.
        const i = pf.createInstance({ basePath: `${this.base}${name}/`, baseUrl: '/', noWorker: true });
        await i.options({ excerptLength: 0 });
        await i.init();
        return i;
      });
      inst.catch(() => this.instances.delete(name));
      this.opening = inst.catch(() => undefined);
      this.instances.set(name, inst);
    }
    return inst;
  }

  /**
   * Gets ready while the visitor types (called on the first focus of the search box): the
   * manifest, Pagefind's script and the first shards. Nothing is loaded before that.
   */
  warm(): void {
    void this.loadManifest()
      .then((m) => {
        for (const s of m.shards.slice(0, 2)) void this.open(s.name).catch(() => undefined);
      })
      .catch(() => undefined);
  }

  private bucket(manifest: SearchManifest, b: number): Promise<Map<string, bigint>> {
    let m = this.buckets.get(b);
    if (!m) {
      m = manifest.routeBuckets.includes(b)
        ? fetch(`${this.base}route/${b}.txt`).then(async (r) => {
            if (!r.ok) throw new Error(`route/${b}.txt: HTTP ${r.status}`);
            return parseBucket(await r.text());
          })
        : Promise.resolve(new Map());
      this.buckets.set(b, m);
    }
    return m;
  }

  /** The pages whose own number the query is (one small file), passing the filters, newest first. */
  private async numberHits(manifest: SearchManifest, s: SearchState): Promise<NumberHit[]> {
    const key = numberKey(s.q);
    if (!key || !manifest.numberFiles) return [];
    const n = numberFile(key, manifest.numberFiles);
    let file = this.numberFiles.get(n);
    if (!file) this.numberFiles.set(n, (file = this.json<NumberFile>(`number/${n}.json`)));
    const hits = (await file)[key] ?? [];
    return hits.filter((h) => passesFilters(h, s)).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  /** The matching results of one shard: every part must match (intersection, first part's order). */
  private async searchShard(shard: ShardInfo, parts: QueryPart[], s: SearchState): Promise<ShardResult[]> {
    const inst = await this.open(shard.name);
    const filters: Record<string, string> = {};
    for (const f of FILTERS) if (s.filters[f]) filters[f] = s.filters[f]!;
    const options: Record<string, unknown> = { filters };
    if (s.sort === 'date' && shard.name !== 'p') options.sort = { date: 'desc' };
    const [first, ...rest] = await Promise.all(parts.map((p) => inst.search(p.pagefind, options)));
    let results = first!.results;
    for (const r of rest) {
      const ids = new Set(r.results.map((x) => x.id));
      results = results.filter((x) => ids.has(x.id));
    }
    return results;
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
    const parts = parseQuery(pinned[0]?.value ?? s.q);
    const mask = await routeShards(parts, manifest.shards.length, (b) => this.bucket(manifest, b));
    const order = shardOrder(manifest.shards, s).filter((i) => (mask >> BigInt(i)) & 1n);
    const cursor = new SearchCursor(order.map((i) => manifest.shards[i]!), (shard) => this.searchShard(shard, parts, s), pinned);
    return { parts, cursor };
  }
}
