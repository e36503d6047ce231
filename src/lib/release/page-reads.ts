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
 *   <site>.reads/*.jsonl      their extraction lines, each with its page's result card (search-extraction.ts)
 *   <site>.reads/withheld-pages.json   the withheld records' notices' digests (page-reuse.ts WITHHELD_MANIFEST)
 *
 * Beside the site folder, not in it: nothing of it is published. Only pages whose safety file
 * checks found nothing but internal links are kept, and of those the indexed pages and the
 * pages without search markup (lists, withheld notices: their read is their links); any other
 * page is read again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { PageRef } from '../../integrations/search-extraction.ts';
import type { Extraction } from '../search/extract.ts';
import type { Finding } from '../safety/file-checks.ts';

/** The folder of a site folder's reads. */
export const readsDir = (siteDir: string): string => `${resolve(siteDir)}.reads`;

const INDEX = 'index.json';
// 2: the extraction lines carry the page's result card (search-extraction.ts). 3: pages without search markup are kept too.
const PAGE_READS_VERSION = 3;

/** Digest of the bytes read of a page (SHA-1: it tells the build's own files apart, at twice SHA-256's speed). */
export const bytesDigest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/**
 * A page's internal links: numbers into a table of link paths (shared by the pages of one
 * reader or one release), comma-separated. One short string a page: pages have dozens of
 * links, and the build command holds those of every page read until the build has passed.
 */
export interface LinkList {
  paths: readonly string[];
  ids: string;
}

export const linkPaths = ({ paths, ids }: LinkList): string[] => (ids ? ids.split(',').map((i) => paths[Number(i)]!) : []);

/** One page read: where its extraction line is (`file` in the reads folder) and what it sums up, if it is indexed; its bytes' digest; its internal links. */
export interface ReadPage {
  url: string;
  /** Absent for a page without search markup: nothing of it is indexed. */
  ref?: PageRef;
  digest: string;
  links: LinkList;
}

/**
 * Whether a page's read may be kept, by its extraction: indexed, or without search markup (a
 * list, a withheld record's notice). Not a page skipped for robots noindex despite its markup:
 * a kept read records no reason for a skip, and reused it would be counted as one without markup.
 */
export const keepsRead = (extraction: Extraction): boolean => 'page' in extraction || ('skipped' in extraction && extraction.skipped === 'no-meta');

/** What a reader sends of the pages it read besides their extraction lines (PageFacts). */
export interface SentFacts {
  paths: string[];
  /** URL → its bytes' digest and its link numbers; absent when the page is not kept. */
  pages: Record<string, [digest: string, ids: string]>;
}

/** A page's internal link paths, when its safety file checks found nothing else (only then is the page kept). */
export function keptLinks(findings: readonly Finding[]): string[] | undefined {
  const links: string[] = [];
  for (const f of findings) {
    if (!('internalLink' in f)) return undefined;
    links.push(f.internalLink);
  }
  return links;
}

/** What a reader finds of each page it reads besides its extraction: its bytes' digest, and its internal links when nothing else was found. */
export class PageFacts {
  readonly #sent: SentFacts = { paths: [], pages: {} };
  readonly #ids = new Map<string, number>();

  /** `links`: keptLinks of the page's findings (undefined: the page is not kept). Returns the page's link numbers, if kept. */
  add(url: string, digest: string, links: readonly string[] | undefined): string | undefined {
    if (!links) return undefined;
    const ids = links.map((p) => this.#id(p)).join(',');
    this.#sent.pages[url] = [digest, ids];
    return ids;
  }

  #id(path: string): number {
    let id = this.#ids.get(path);
    if (id === undefined) this.#ids.set(path, (id = this.#sent.paths.push(path) - 1));
    return id;
  }

  /** As sent between threads and processes. */
  get sent(): SentFacts {
    return this.#sent;
  }
}

/** The pages a reader kept (`facts`), each with its extraction's ref among `refs` if it is indexed. */
export function* keptPages(refs: readonly PageRef[], facts: SentFacts): Generator<ReadPage> {
  const indexed = new Map(refs.map((ref) => [ref.url, ref]));
  for (const [url, [digest, ids]] of Object.entries(facts.pages)) {
    const ref = indexed.get(url);
    yield { url, ...(ref ? { ref } : {}), digest, links: { paths: facts.paths, ids } };
  }
}

/** A read page as index.json keeps it: the ref's fields (a page without one: no file, no bytes, empty fields), then the digest and the link numbers (into the index's `paths`). */
type Row = [url: string, file: string, offset: number, length: number, kind: string, date: string, region: string, status: string, keys: string[] | null, digest: string, ids: string];

/** index.json of the reads folder `dir`, for the pages read (their lines in files of that folder). */
export function pageReadsIndex(dir: string, pages: Iterable<ReadPage>): string {
  const facts = new PageFacts();
  const rows: Row[] = [];
  for (const { url, ref, digest, links } of pages) {
    const ids = facts.add(url, digest, linkPaths(links))!;
    if (!ref) {
      rows.push([url, '', 0, 0, '', '', '', '', null, digest, ids]);
      continue;
    }
    if (dirname(ref.file) !== dir) throw new Error(`${ref.file} 不在 ${dir} 中`);
    rows.push([url, basename(ref.file), ref.offset, ref.length, ref.kind, ref.date, ref.region, ref.status, ref.keys ?? null, digest, ids]);
  }
  return JSON.stringify({ version: PAGE_READS_VERSION, paths: facts.sent.paths, pages: rows });
}

export const pageReadsIndexPath = (dir: string): string => join(dir, INDEX);

const IDS = /^(?:\d+(?:,\d+)*)?$/;

const isRow = (r: unknown, paths: number): r is Row =>
  Array.isArray(r) && r.length === 11 &&
  [0, 1, 4, 5, 6, 7, 9, 10].every((i) => typeof r[i] === 'string') &&
  [2, 3].every((i) => Number.isSafeInteger(r[i]) && r[i] >= 0) &&
  (/^[^/\\]+\.jsonl$/.test(r[1]) || (r[1] === '' && r[3] === 0)) &&
  (r[8] === null || (Array.isArray(r[8]) && r[8].every((k: unknown) => typeof k === 'string'))) &&
  IDS.test(r[10]) && (r[10] === '' || r[10].split(',').every((i: string) => Number(i) < paths));

/** A previous release's reads: its read page of a URL, if it kept one. */
export interface PreviousReads {
  get(url: string): ReadPage | undefined;
  /** Every URL it has a row for. */
  urls(): string[];
}

/**
 * The reads kept beside a site folder, or why there are none. Rows stay as read until asked
 * for; one not of the shape written here is left out (its page is read again).
 */
export function loadPageReads(siteDir: string): ({ ok: true } & PreviousReads) | { ok: false; reason: string } {
  const dir = readsDir(siteDir);
  let parsed: { version?: unknown; paths?: unknown; pages?: unknown };
  try {
    parsed = JSON.parse(readFileSync(pageReadsIndexPath(dir), 'utf8'));
  } catch (e) {
    return { ok: false, reason: `${pageReadsIndexPath(dir)} 无法读取：${(e as Error).message}` };
  }
  const { version, paths, pages } = parsed ?? {};
  if (version !== PAGE_READS_VERSION || !Array.isArray(paths) || !paths.every((p) => typeof p === 'string') || !Array.isArray(pages)) return { ok: false, reason: `${pageReadsIndexPath(dir)} 格式不符` };
  const rows = new Map<string, unknown[]>();
  for (const row of pages) if (Array.isArray(row) && typeof row[0] === 'string') rows.set(row[0], row);
  return {
    ok: true,
    urls: () => [...rows.keys()],
    get(url) {
      const row = rows.get(url);
      if (!isRow(row, paths.length)) return undefined;
      const [, file, offset, length, kind, date, region, status, keys, digest, ids] = row;
      const links = { paths, ids };
      if (file === '') return { url, digest, links };
      const ref: PageRef = { url, kind, date, region, status, file: join(dir, file), offset, length };
      if (keys) ref.keys = keys;
      return { url, ref, digest, links };
    },
  };
}
