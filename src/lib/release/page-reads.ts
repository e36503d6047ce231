/**
 * What the build read of its pages, kept beside its site folder for the next day's build (the
 * daily rebuild, issue 10). Reading a page (page-read.ts: its search extraction and its links)
 * was most of the daily rebuild's search index: the pages it copies from the previous release
 * (page-copy.ts) were all read again. A copied page is not read again when its bytes in the
 * previous release are the bytes that release read: its extraction line is reused as it was,
 * and its internal links are resolved in the new build. Its copy differs only in the footer's
 * as-of line, which is outside every search region, has no link, and stands on every page
 * this build renders and checks.
 *
 *   <site>.reads/index.json   the pages read (PAGE_READS_VERSION, ReadPage)
 *   <site>.reads/*.jsonl      their extraction lines (search-extraction.ts)
 *
 * Beside the site folder, not in it: nothing of it is published. Only pages whose safety file
 * checks found nothing but internal links are kept; any other page is read again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { PageRef } from '../../integrations/search-extraction.ts';

/** The folder of a site folder's reads. */
export const readsDir = (siteDir: string): string => `${resolve(siteDir)}.reads`;

const INDEX = 'index.json';
const PAGE_READS_VERSION = 1;

/** Digest of the bytes read of a page (SHA-1: it tells the build's own files apart, at twice SHA-256's speed). */
export const bytesDigest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/** One page read: where its extraction line is (`file` in the reads folder), what it sums up, its bytes' digest, its internal links. */
export interface ReadPage {
  ref: PageRef;
  digest: string;
  links: readonly string[];
}

/** A read page as index.json keeps it: the ref's fields, then the digest and the links (numbers into `paths`). */
type Row = [url: string, file: string, offset: number, length: number, kind: string, date: string, region: string, status: string, keys: string[] | null, digest: string, links: number[]];

/** What readers tell of each page they read besides its extraction: its bytes' digest, and its internal links when nothing else was found. */
export class PageFacts {
  readonly paths: string[] = [];
  readonly #ids = new Map<string, number>();
  /** URL → digest and link ids; absent when the page is not to be kept. */
  readonly pages = new Map<string, [digest: string, links: number[]]>();

  /** `links`: the page's internal link paths, or undefined when its checks found anything else. */
  add(url: string, digest: string, links: readonly string[] | undefined): void {
    if (links) this.pages.set(url, [digest, links.map((p) => this.#id(p))]);
  }

  #id(path: string): number {
    let id = this.#ids.get(path);
    if (id === undefined) this.#ids.set(path, (id = this.paths.push(path) - 1));
    return id;
  }

  /** Sent between threads and processes as this. */
  toJSON(): { paths: string[]; pages: [string, string, number[]][] } {
    return { paths: this.paths, pages: [...this.pages].map(([url, [digest, links]]) => [url, digest, links]) };
  }

  /** Adds what another reader sent (toJSON). */
  merge({ paths, pages }: ReturnType<PageFacts['toJSON']>): void {
    for (const [url, digest, links] of pages) this.add(url, digest, links.map((i) => paths[i]!));
  }

  /** The kept pages among `refs` (their lines in `dir`), as read pages. */
  read(refs: readonly PageRef[]): ReadPage[] {
    return refs.flatMap((ref) => {
      const facts = this.pages.get(ref.url);
      return facts ? [{ ref, digest: facts[0], links: facts[1].map((i) => this.paths[i]!) }] : [];
    });
  }
}

/** index.json of the reads folder `dir`, for the pages read (their lines in files of that folder). */
export function pageReadsIndex(dir: string, pages: readonly ReadPage[]): string {
  const facts = new PageFacts();
  const rows: Row[] = pages.map(({ ref, digest, links }) => {
    if (dirname(ref.file) !== dir) throw new Error(`${ref.file} 不在 ${dir} 中`);
    facts.add(ref.url, digest, links);
    const [, ids] = facts.pages.get(ref.url)!;
    return [ref.url, basename(ref.file), ref.offset, ref.length, ref.kind, ref.date, ref.region, ref.status, ref.keys ?? null, digest, ids];
  });
  return JSON.stringify({ version: PAGE_READS_VERSION, paths: facts.paths, pages: rows });
}

export const pageReadsIndexPath = (dir: string): string => join(dir, INDEX);

const isRow = (r: unknown, paths: number): r is Row =>
  Array.isArray(r) && r.length === 11 &&
  [0, 1, 4, 5, 6, 7, 9].every((i) => typeof r[i] === 'string') &&
  [2, 3].every((i) => Number.isSafeInteger(r[i]) && r[i] >= 0) &&
  /^[^/\\]+\.jsonl$/.test(r[1]) &&
  (r[8] === null || (Array.isArray(r[8]) && r[8].every((k: unknown) => typeof k === 'string'))) &&
  Array.isArray(r[10]) && r[10].every((i: unknown) => Number.isSafeInteger(i) && (i as number) >= 0 && (i as number) < paths);

/**
 * The reads kept beside a site folder: URL → a read page, or why there are none. Any entry not
 * of the shape written here is left out (its page is read again).
 */
export function loadPageReads(siteDir: string): { ok: true; pages: Map<string, ReadPage> } | { ok: false; reason: string } {
  const dir = readsDir(siteDir);
  let parsed: { version?: unknown; paths?: unknown; pages?: unknown };
  try {
    parsed = JSON.parse(readFileSync(pageReadsIndexPath(dir), 'utf8'));
  } catch (e) {
    return { ok: false, reason: `${pageReadsIndexPath(dir)} 无法读取：${(e as Error).message}` };
  }
  const { version, paths, pages } = parsed ?? {};
  if (version !== PAGE_READS_VERSION || !Array.isArray(paths) || !paths.every((p) => typeof p === 'string') || !Array.isArray(pages)) return { ok: false, reason: `${pageReadsIndexPath(dir)} 格式不符` };
  const out = new Map<string, ReadPage>();
  for (const row of pages) {
    if (!isRow(row, paths.length)) continue;
    const [url, file, offset, length, kind, date, region, status, keys, digest, links] = row;
    const ref: PageRef = { url, kind, date, region, status, file: join(dir, file), offset, length };
    if (keys) ref.keys = keys;
    out.set(url, { ref, digest, links: links.map((i) => paths[i] as string) });
  }
  return { ok: true, pages: out };
}
