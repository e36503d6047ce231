/**
 * The searchable pages of this build, as the routes list them (store.ts, cases/[slug].astro):
 * each page's URL, kind and date, the values its search markup carries (SearchMeta.astro).
 * Astro renders them first, in the search index's shard order, and the build command is told
 * that order (written-pages.ts), so that it can build each shard of the index while Astro
 * renders the rest (search-stream.ts). Kept on globalThis: the routes run in Astro's server
 * bundle and the integration in the configuration's module instance, in one process (decided.ts).
 */
import { shardOrder, type ShardPage } from '../lib/search/shards.ts';

const KEY = Symbol.for('integrity-portal.searchable-pages');
type Shared = { [KEY]?: Map<string, ShardPage> };

const registered = (): Map<string, ShardPage> => ((globalThis as Shared)[KEY] ??= new Map());

/** Registers a page the search will hold (a route's getStaticPaths, rendered or copied). */
export function searchable(page: ShardPage): void {
  registered().set(page.url, page);
}

/** Every page registered so far. */
export const searchablePages = (): ShardPage[] => [...registered().values()];

/** What the Astro process tells the build command before it renders (written-pages.ts): the searchable pages in shard order. */
export interface SearchOrder {
  type: 'portal-search-order';
  /** The profiles' URLs, then the records' and cases' newest first (shards.ts shardOrder). */
  profiles: string[];
  records: string[];
  /** The site's origin, for the index files' safety checks. */
  siteUrl: string;
}

export const isSearchOrder = (m: unknown): m is SearchOrder => (m as SearchOrder | null)?.type === 'portal-search-order';

/** The registered pages in shard order (shards.ts), as URLs. */
export function searchOrder(siteUrl: string): SearchOrder {
  const { profiles, records } = shardOrder(searchablePages());
  return { type: 'portal-search-order', profiles: profiles.map((p) => p.url), records: records.map((p) => p.url), siteUrl };
}

/**
 * Astro's paths with the searchable pages first, in `order`'s order; the other paths after them,
 * in Astro's order. A route's pathname ends in a slash here (trailingSlash 'always'), as the URLs do.
 */
export function searchablesFirst<P extends { pathname: string }>(paths: readonly P[], order: SearchOrder): P[] {
  const rank = new Map([...order.profiles, ...order.records].map((url, i) => [url, i]));
  const first: P[] = [];
  const rest: P[] = [];
  for (const p of paths) (rank.has(p.pathname) ? first : rest).push(p);
  return [...first.sort((a, b) => rank.get(a.pathname)! - rank.get(b.pathname)!), ...rest];
}
