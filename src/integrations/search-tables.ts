/**
 * The search index's lookup tables (search-index.ts): the number lookup and the known phrases,
 * each made from every shard's lines (search-index-worker.ts numberLines, knownLines). Each is
 * written by a worker of its own while the main process writes the routing table: the three
 * took about 4 s one after another at 100,000 records.
 */
import { readFileSync } from 'node:fs';
import type { PinnedResult } from '../lib/search/cursor.ts';
import { FULL_LIST_CAP, knownEntry, knownFile, knownFileCount } from '../lib/search/known.ts';
import { numberFile, numberFileCount, type NumberHit } from '../lib/search/numbers.ts';
import { IndexFiles } from './index-files.ts';

/** The tables, by their folder under search-index/. */
export type LookupTable = 'number' | 'known';

/** A table as written: its files, its keys, and the digest of what was written (index-files.ts). */
export interface WrittenTable {
  files: number;
  keys: number;
  digest: string;
}

/** A file's non-empty lines, read when iterated: one shard's lines at a time, not every shard's at once. */
export const linesOf = (path: string): Iterable<string> => ({
  *[Symbol.iterator]() {
    for (const line of readFileSync(path, 'utf8').split('\n')) if (line) yield line;
  },
});

/** Every [key, hit, …] line of the workers' files, in order. */
function eachKeyedLine<L extends [string, unknown, ...unknown[]]>(paths: readonly string[], add: (line: L) => void): void {
  for (const path of paths) for (const line of linesOf(path)) add(JSON.parse(line) as L);
}

/**
 * Writes a lookup table: key → value, given as its JSON text (serialized once, also to size the
 * files), keys sorted, in `files` files chosen by `fileOf`, under searchDir/<dir>/<n>.json.
 */
function writeTable(out: IndexFiles, dir: LookupTable, entries: Map<string, string>, files: number, fileOf: (key: string, files: number) => number): void {
  const lists = Array.from({ length: files }, (): string[] => []);
  for (const [key, json] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) lists[fileOf(key, files)]!.push(`${JSON.stringify(key)}:${json}`);
  lists.forEach((f, i) => out.write(`${dir}/${i}.json`, `{${f.join(',')}}`));
}

/** The number lookup: every shard's [key, hit] lines → search-index/number/<n>.json. */
function writeNumbers(out: IndexFiles, paths: readonly string[]): { files: number; keys: number } {
  const byKey = new Map<string, NumberHit[]>();
  eachKeyedLine<[string, NumberHit]>(paths, ([key, hit]) => {
    const hits = byKey.get(key);
    if (hits) hits.push(hit);
    else byKey.set(key, [hit]);
  });
  const files = numberFileCount(byKey.size);
  writeTable(out, 'number', new Map([...byKey].map(([key, hits]) => [key, JSON.stringify(hits)])), files, numberFile);
  return { files, keys: byKey.size };
}

/**
 * The known-phrase table: every shard's [key, page] lines → search-index/known/<n>.json. A key's
 * pages are trimmed to its entry's (known.ts) whenever they pass twice the full-list cap, so
 * a name on every page of a big site does not hold them all in memory.
 */
function writeKnown(out: IndexFiles, paths: readonly string[]): { files: number; keys: number } {
  const byKey = new Map<string, { count: number; own: PinnedResult[]; pages: PinnedResult[] }>();
  eachKeyedLine<[string, PinnedResult, boolean]>(paths, ([key, page, own]) => {
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { count: 0, own: [], pages: [] }));
    e.count++;
    (own ? e.own : e.pages).push(page);
    if (e.pages.length > 2 * FULL_LIST_CAP) e.pages = knownEntry([], e.pages, e.count).pages;
  });
  const entries = new Map([...byKey].map(([key, e]) => [key, JSON.stringify(knownEntry(e.own, e.pages, e.count))]));
  const files = knownFileCount(entries.size, [...entries.values()].reduce((n, json) => n + json.length, 0));
  writeTable(out, 'known', entries, files, knownFile);
  return { files, keys: entries.size };
}

/** Writes `table` under searchDir from the shards' line files `paths`, in shard order. */
export function writeLookupTable(searchDir: string, table: LookupTable, paths: readonly string[]): WrittenTable {
  const out = new IndexFiles(searchDir);
  return { ...(table === 'number' ? writeNumbers : writeKnown)(out, paths), digest: out.digest() };
}
