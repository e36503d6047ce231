/**
 * A search index built by the real indexer over a folder of pages, searched the way the
 * search page does: the browser's fetch is served from the folder, and every path fetched
 * is recorded (to see which shards and files a search opened).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSearchIndex } from '../../../src/integrations/search-index.ts';

export const WORKER = resolve(import.meta.dirname, '../../../src/integrations/search-index-worker.ts');

export interface ServedIndex {
  stats: Awaited<ReturnType<typeof buildSearchIndex>>;
  /** Paths fetched since the last reset, relative to the folder. */
  fetched: string[];
  /** Puts the real fetch back and removes the folder. */
  close(): void;
}

/** Indexes `dir` with `perShard` pages a shard, then serves fetch from it. */
export async function indexAndServe(dir: string, perShard: number): Promise<ServedIndex> {
  process.env.PORTAL_SEARCH_PER_SHARD = String(perShard);
  let stats: ServedIndex['stats'];
  try {
    stats = await buildSearchIndex(dir, WORKER);
  } finally {
    delete process.env.PORTAL_SEARCH_PER_SHARD;
  }
  const fetched: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: string | URL) => {
    const path = decodeURIComponent(new URL(String(url), 'file:///').pathname);
    fetched.push(path.slice(dir.length));
    return existsSync(path) ? new Response(readFileSync(path)) : new Response('', { status: 404 });
  }) as typeof fetch;
  return {
    stats,
    fetched,
    close() {
      globalThis.fetch = realFetch;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
