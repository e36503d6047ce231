/**
 * The search page's script (bundled by Astro from src/pages/search/index.astro). It reads the
 * query and filters from the address (?q=&kind=&region=&year=&status=&sort=), so the home
 * page form and shared links work; opens Pagefind shards lazily, only those the routing table
 * and search.json say can match, newest first; and shows results built from text nodes.
 */
import type { SearchManifest, ShardInfo } from './manifest.ts';
import { parseQuery, type QueryPart } from './query.ts';
import { parseBucket, routeShards } from './routing.ts';
import { snippet } from './snippet.ts';
import { searchKindLabel } from './kinds.ts';

interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}
interface PagefindInstance {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string, o?: Record<string, unknown>) => Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance: (o: { basePath: string; noWorker?: boolean }) => PagefindInstance;
}

export const FILTERS = ['kind', 'region', 'year', 'status'] as const;
export type FilterKey = (typeof FILTERS)[number];
export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: 'relevance' | 'date';
}

export const PAGE_SIZE = 10;

export function stateFromUrl(search: string): SearchState {
  const p = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const f of FILTERS) {
    const v = p.get(f);
    if (v) filters[f] = v;
  }
  return { q: p.get('q') ?? '', filters, sort: p.get('sort') === 'date' ? 'date' : 'relevance' };
}

export function stateToQuery(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of FILTERS) if (s.filters[f]) p.set(f, s.filters[f]!);
  if (s.sort === 'date') p.set('sort', 'date');
  const str = p.toString();
  return str ? `?${str}` : '';
}

/** Shards that can hold a page passing the filters, in search order. */
export function shardOrder(shards: readonly ShardInfo[], s: SearchState): number[] {
  const ok = shards.map((sh, i) => ({ sh, i })).filter(({ sh }) => FILTERS.every((f) => !s.filters[f] || sh[f].includes(s.filters[f]!)));
  const profiles = ok.filter(({ sh }) => sh.name === 'p').map(({ i }) => i);
  const records = ok.filter(({ sh }) => sh.name !== 'p').map(({ i }) => i);
  return s.sort === 'date' ? [...records, ...profiles] : [...profiles, ...records];
}

/** One search over the shards: results come in pages; `total` grows as shards are searched. */
export class ShardedSearch {
  readonly base: string;
  private manifest: Promise<SearchManifest> | undefined;
  private readonly instances = new Map<string, Promise<PagefindInstance>>();
  /** Shards open one after another (a precaution: Pagefind 1.6 instances that started together crashed). */
  private opening: Promise<unknown> = Promise.resolve();
  private readonly buckets = new Map<number, Promise<Map<string, bigint>>>();

  constructor(base = '/pagefind/') {
    this.base = base;
  }

  loadManifest(): Promise<SearchManifest> {
    this.manifest ??= fetch(`${this.base}search.json`).then((r) => {
      if (!r.ok) throw new Error(`search.json: HTTP ${r.status}`);
      return r.json() as Promise<SearchManifest>;
    });
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
        const i = pf.createInstance({ basePath: `${this.base}${name}/`, noWorker: true });
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

  /** The matching results of one shard: every part must match (intersection, first part's order). */
  private async searchShard(shard: ShardInfo, parts: QueryPart[], s: SearchState): Promise<PagefindResult[]> {
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

  /** Starts a search; returns a cursor, or undefined when the query has nothing to search for. */
  async start(s: SearchState): Promise<SearchCursor | undefined> {
    const parts = parseQuery(s.q);
    if (parts.length === 0) return undefined;
    const manifest = await this.loadManifest();
    const mask = await routeShards(parts, manifest.shards.length, (b) => this.bucket(manifest, b));
    const order = shardOrder(manifest.shards, s).filter((i) => (mask >> BigInt(i)) & 1n);
    return new SearchCursor(parts, order.map((i) => manifest.shards[i]!), (shard) => this.searchShard(shard, parts, s));
  }
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

export class SearchCursor {
  readonly parts: QueryPart[];
  private readonly pending: ShardInfo[];
  private readonly searchShard: (s: ShardInfo) => Promise<PagefindResult[]>;
  private buffer: PagefindResult[] = [];
  /** Results found in the shards searched so far. */
  total = 0;
  shown = 0;

  constructor(parts: QueryPart[], shards: ShardInfo[], searchShard: (s: ShardInfo) => Promise<PagefindResult[]>) {
    this.parts = parts;
    this.pending = [...shards];
    this.searchShard = searchShard;
  }

  /** Whether every shard that can match has been searched (so `total` is exact). */
  get complete(): boolean {
    return this.pending.length === 0;
  }

  get hasMore(): boolean {
    return this.buffer.length > 0 || this.pending.length > 0;
  }

  /** The next page of results (fewer at the end). */
  async next(size = PAGE_SIZE): Promise<ShownResult[]> {
    while (this.buffer.length < size && this.pending.length > 0) {
      const found = await this.searchShard(this.pending.shift()!);
      this.total += found.length;
      this.buffer.push(...found);
    }
    const page = this.buffer.splice(0, size);
    this.shown += page.length;
    const data = await Promise.all(page.map((r) => r.data()));
    return data.map((d) => ({
      url: d.url,
      title: d.meta.title ?? d.url,
      kind: d.meta.kind ?? '',
      region: d.meta.region ?? '',
      date: d.meta.date ?? '',
      status: d.meta.status ?? '',
      text: d.meta.text ?? '',
    }));
  }
}

const chineseDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function renderResult(r: ShownResult, parts: readonly QueryPart[]): HTMLLIElement {
  const li = el('li', 'search-result');
  const h = el('h3', 'search-result-title');
  const a = el('a', undefined, r.title);
  a.href = r.url;
  h.append(a);
  const meta = el('p', 'search-result-meta');
  const bits = [searchKindLabel(r.kind), r.region, r.date ? chineseDate(r.date) : '', r.status].filter(Boolean);
  bits.forEach((b, i) => {
    if (i) meta.append(' · ');
    meta.append(el('span', undefined, b));
  });
  const snip = el('p', 'search-result-snippet');
  for (const piece of snippet(r.text, parts.map((p) => p.text))) snip.append(piece.mark ? el('mark', undefined, piece.text) : document.createTextNode(piece.text));
  li.append(h, meta, snip);
  return li;
}

/** Wires the search page: form, filters, address, results, live count, 加载更多. */
export function initSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results') as HTMLOListElement | null;
  const more = document.getElementById('search-more') as HTMLButtonElement | null;
  const heading = document.getElementById('search-results-title');
  if (!form || !input || !status || !list || !more || !heading) return;
  document.getElementById('search-nojs')?.setAttribute('hidden', '');
  const engine = new ShardedSearch();
  let cursor: SearchCursor | undefined;
  let run = 0;

  const read = (): SearchState => {
    const data = new FormData(form);
    const filters: SearchState['filters'] = {};
    for (const f of FILTERS) {
      const v = String(data.get(f) ?? '');
      if (v) filters[f] = v;
    }
    return { q: String(data.get('q') ?? '').trim(), filters, sort: data.get('sort') === 'date' ? 'date' : 'relevance' };
  };
  const write = (s: SearchState) => {
    input.value = s.q;
    for (const f of FILTERS) {
      const sel = form.elements.namedItem(f) as HTMLSelectElement | null;
      if (sel) sel.value = s.filters[f] ?? '';
      if (sel && sel.value !== (s.filters[f] ?? '')) sel.value = ''; // a value the page does not offer
    }
    const sort = form.elements.namedItem('sort') as HTMLSelectElement | null;
    if (sort) sort.value = s.sort;
  };
  const announce = (text: string) => {
    status.textContent = text;
  };
  const countText = (c: SearchCursor) => {
    if (c.total === 0) return '没有找到包含这些文字的公示信息。可以换个说法，或减少筛选条件。';
    const n = c.complete ? `共找到 ${c.total} 条结果` : `已找到至少 ${c.total} 条结果（较早的记录还没有全部搜索）`;
    return `${n}，显示第 1–${c.shown} 条。`;
  };

  const showPage = async (mine: number, focusFirst: boolean) => {
    if (!cursor) return;
    more.disabled = true;
    const page = await cursor.next();
    if (mine !== run) return;
    const items = page.map((r) => renderResult(r, cursor!.parts));
    list.append(...items);
    heading.hidden = false;
    announce(countText(cursor));
    more.hidden = !cursor.hasMore;
    more.disabled = false;
    if (focusFirst && items[0]) items[0].querySelector('a')?.focus();
  };

  const search = async (s: SearchState) => {
    const mine = ++run;
    list.replaceChildren();
    more.hidden = true;
    heading.hidden = true;
    cursor = undefined;
    if (!s.q) {
      announce(s.q === '' ? '' : '请输入要搜索的文字。');
      return;
    }
    announce('正在搜索…');
    try {
      const c = await engine.start(s);
      if (mine !== run) return;
      if (!c) {
        announce('请输入要搜索的文字（汉字、数字或字母）。');
        return;
      }
      cursor = c;
      await showPage(mine, false);
    } catch (e) {
      if (mine === run) announce('搜索暂时不可用，请稍后再试，或通过下方栏目浏览。');
      console.error(e);
    }
  };

  const submit = () => {
    const s = read();
    const url = `${location.pathname}${stateToQuery(s)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void search(s);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).tagName === 'SELECT' && input.value.trim()) submit();
  });
  more.addEventListener('click', () => void showPage(run, true).catch((e) => console.error(e)));
  window.addEventListener('popstate', () => {
    const s = stateFromUrl(location.search);
    write(s);
    void search(s);
  });
  input.addEventListener('focus', () => engine.warm(), { once: true });
  const initial = stateFromUrl(location.search);
  write(initial);
  if (initial.q) void search(initial);
}
