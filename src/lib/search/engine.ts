/**
 * The search engine of the search page: search.json, the routing table, the number lookup
 * and Pagefind's shards, loaded lazily; `start` turns a state into a result cursor.
 */
import { PAGE_SIZE, SearchCursor, type PinnedResult, type ShardResult } from './cursor.ts';
import { PROFILE_KIND } from './kinds.ts';
import { isComplete, knownFile, knownKey, type KnownEntry, type KnownFile } from './known.ts';
import type { SearchManifest, ShardInfo } from './manifest.ts';
import { numberFile, numberKey, type NumberFile, type NumberHit } from './numbers.ts';
import { parseQuery, type QueryPart } from './query.ts';
import { parseRouteFile, routeShards } from './routing.ts';
import { FILTERS, passesFilters, type SearchState } from './state.ts';

interface PagefindInstance {
  init: () => Promise<void>;
  mergeIndex: (basePath: string, o: Record<string, unknown>) => Promise<void>;
  search: (term: string, o?: Record<string, unknown>) => Promise<{ results: ShardResult[] }>;
}
interface PagefindModule {
  createInstance: (o: Record<string, unknown>) => PagefindInstance;
}

/** The bundle with Pagefind's script and wasm (and one placeholder record), under the base. */
export const ENGINE_BUNDLE = 'engine';
/** The filter the engine gives each merged shard's pages, so a search can ask one shard. */
export const SHARD_FILTER = 'shard';

/**
 * One search's Pagefind: the engine bundle, with the shards this search needs merged into it
 * (Pagefind's mergeIndex) as it reaches them. Merged shards share the engine's script and
 * wasm, so a shard costs only its own index files. Each search gets its own, so a search
 * never spends time or requests on the shards of earlier ones.
 */
class MergedShards {
  private readonly instance: PagefindInstance;
  private readonly base: string;
  private readonly cacheTag: string;
  private readonly merged = new Map<string, Promise<void>>();
  private merging: Promise<unknown> = Promise.resolve();

  constructor(instance: PagefindInstance, base: string, cacheTag: string) {
    this.instance = instance;
    this.base = base;
    this.cacheTag = cacheTag;
  }

  /** Merges a shard once; merges run one after another. */
  private merge(name: string): Promise<void> {
    let m = this.merged.get(name);
    if (!m) {
      m = this.merging.then(() => this.instance.mergeIndex(`${this.base}${name}/`, { mergeFilter: { [SHARD_FILTER]: name }, baseUrl: '/', excerptLength: 0, metaCacheTag: this.cacheTag }));
      this.merging = m.catch(() => undefined);
      this.merged.set(name, m);
    }
    return m;
  }

  async search(shard: string, term: string, options: { filters: Record<string, string>; sort?: Record<string, string> }): Promise<ShardResult[]> {
    await this.merge(shard);
    return (await this.instance.search(term, { ...options, filters: { ...options.filters, [SHARD_FILTER]: shard } })).results;
  }
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
  private module: Promise<PagefindModule> | undefined;
  /** A ready Pagefind for the next search (made while the visitor types). */
  private spare: Promise<MergedShards> | undefined;
  /**
   * Pagefind instances are made one after another: the first one's init instantiates the wasm
   * into pagefind.js's module state, and a second init that starts before the first has
   * finished instantiates it again and replaces it under the first ("RuntimeError:
   * unreachable", as two shards that started together showed). Later inits reuse it.
   */
  private creating: Promise<unknown> = Promise.resolve();
  /** The lookup files (routing, number lookup, known phrases) by path: each is fetched once, a failed one again next time. */
  private readonly lookups = new Map<string, Promise<unknown>>();

  constructor(base = '/pagefind/') {
    this.base = base;
  }

  private fetchOk(path: string): Promise<Response> {
    return fetch(`${this.base}${path}`).then((r) => {
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      return r;
    });
  }

  private json<T>(path: string): Promise<T> {
    return this.fetchOk(path).then((r) => r.json() as Promise<T>);
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
    this.manifest ??= this.json<SearchManifest>('search.json');
    return this.manifest;
  }

  private pagefind(manifest: SearchManifest): Promise<MergedShards> {
    const made = this.creating.then(async () => {
      this.module ??= import(/* @vite-ignore */ `${this.base}${ENGINE_BUNDLE}/pagefind.js`) as Promise<PagefindModule>;
      // noWorker: the wasm runs on the page (a search takes milliseconds), no worker script to load.
      const instance = (await this.module).createInstance({ basePath: `${this.base}${ENGINE_BUNDLE}/`, baseUrl: '/', noWorker: true, excerptLength: 0, metaCacheTag: manifest.build });
      await instance.init();
      return new MergedShards(instance, this.base, manifest.build);
    });
    this.creating = made.catch(() => undefined);
    return made;
  }

  /**
   * Gets ready while the visitor types (called on the first focus of the search box): the
   * manifest and Pagefind's script and wasm. Nothing is loaded before that.
   */
  warm(): void {
    void this.loadManifest()
      .then((m) => {
        this.spare ??= this.pagefind(m);
        this.spare.catch(() => (this.spare = undefined));
      })
      .catch(() => undefined);
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

  /** The matching results of one shard: every part must match (intersection, first part's order). */
  private async searchShard(pagefind: MergedShards, shard: ShardInfo, parts: QueryPart[], s: SearchState): Promise<ShardResult[]> {
    const filters: Record<string, string> = {};
    for (const f of FILTERS) if (s.filters[f]) filters[f] = s.filters[f]!;
    const options = { filters, ...(s.sort === 'date' && shard.name !== 'p' ? { sort: { date: 'desc' } } : {}) };
    const [first, ...rest] = await Promise.all(parts.map((p) => pagefind.search(shard.name, p.pagefind, options)));
    let results = first!;
    for (const r of rest) {
      const ids = new Set(r.map((x) => x.id));
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
    const text = pinned[0]?.value ?? s.q;
    const parts = parseQuery(text);
    const known = await this.knownEntry(manifest, text);
    // Every page is listed: filter and order them here, no shard is opened.
    if (known && isComplete(known)) return { parts, cursor: new SearchCursor<ShardInfo>([], async () => [], withPinned(pinned, knownPages(known, s))) };
    const mask = await routeShards(parts, manifest.shards.length, manifest.routeFiles, (n) => this.routeFile(n));
    const order = shardOrder(manifest.shards, s).filter((i) => (mask >> BigInt(i)) & 1n);
    let pagefind: Promise<MergedShards> | undefined;
    const searchShard = async (shard: ShardInfo) => {
      if (!pagefind) {
        pagefind = this.spare ?? this.pagefind(manifest);
        this.spare = undefined;
      }
      return this.searchShard(await pagefind, shard, parts, s);
    };
    const shards = order.map((i) => manifest.shards[i]!);
    // The count is known and the first page listed: the shards serve 加载更多, in their own order,
    // skipping the listed pages (unfiltered only: the entry counts every page, not those passing filters).
    const unfiltered = FILTERS.every((f) => !s.filters[f]);
    if (known && unfiltered) return { parts, cursor: new SearchCursor(shards, searchShard, withPinned(pinned, knownPages(known, s)).slice(0, PAGE_SIZE), known.count) };
    return { parts, cursor: new SearchCursor(shards, searchShard, pinned) };
  }
}
