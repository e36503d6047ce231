/**
 * The number lookup: a query that is exactly a page's own number (信息编号, 统一社会信用代码,
 * 案号, 行政处罚决定书文号) shows that page first. Full-text search cannot do it well: a number
 * occurs on many pages (a subject's credit code on every record of it), and at 100,000 records
 * a query without Han characters cannot be routed, so every shard would be opened. Instead the
 * build writes a small static table, split into files by a hash of the number, and the page
 * fetches the one file of the query's number before it searches the text.
 *
 * Used by the indexer and bundled into the search page: no imports beyond this folder.
 */
import type { PinnedResult } from './cursor.ts';
import { fnv1a } from './routing.ts';

/** A page the lookup shows first: what a result needs, its shard, and the number as the page writes it (the text search looks for that). */
export interface NumberHit extends PinnedResult {
  value: string;
}

/** search-index/number/<n>.json: normalized number → the pages whose own number it is. */
export type NumberFile = Record<string, NumberHit[]>;

/** Bracket pairs people type for 〔2026〕 and （2026）: all read as ASCII parentheses. */
const OPEN = /[〔【〖［\[{｛（]/g;
const CLOSE = /[〕】〗］\]}｝）]/g;

/**
 * The number as a lookup key: NFKC (full-width letters and digits become ASCII), every
 * bracket kind as ( ), no white space, Latin letters upper case (credit codes are printed so).
 * Undefined when the query cannot be a number (nothing ASCII in it, or too short/long).
 */
export function numberKey(text: string): string | undefined {
  const key = text.normalize('NFKC').replace(OPEN, '(').replace(CLOSE, ')').replace(/\s+/gu, '').toUpperCase();
  if (key.length < 4 || key.length > 64 || !/[0-9A-Z]/.test(key)) return undefined;
  return key;
}

/** Which file holds a key. */
export const numberFile = (key: string, files: number): number => fnv1a(key) % files;

/** Files for `count` keys: a power of two giving about 32 keys a file (a few KB). */
export function numberFileCount(count: number): number {
  let n = 1;
  while (n * 32 < count) n *= 2;
  return n;
}
