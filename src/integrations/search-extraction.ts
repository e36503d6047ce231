/**
 * The search index's first step for a set of built pages (search-index.ts): each searchable
 * page's extracted text (extract.ts) appended as a JSON line to one file, and a small summary
 * of it (PageRef: its kind, date, region, status and the line's byte range) kept for planning
 * the shards. Used by the extraction workers and, while Astro still renders, by the build
 * command for the pages already written (page-scan.ts).
 *
 * Each line also carries the page's result card, gzipped and checked, as its shard will hold
 * it. The card depends on the page alone, so it is made where the page is read: mostly on the
 * core Astro's rendering leaves idle, and for a page copied from the previous release, not
 * at all (its line comes with the copy, page-reads.ts). Made when its shard was built, after
 * Astro, the cards were a fifth of that stage.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import type { ExtractedPage, Extraction } from '../lib/search/extract.ts';
import type { ShownResult } from '../lib/search/cursor.ts';
import { PROFILE_KIND } from '../lib/search/kinds.ts';
import { nameForms } from '../lib/search/abbreviations.ts';
import { knownKey } from '../lib/search/known.ts';
import { cardFile } from '../lib/search/shard-index.ts';
import { clearsChecks, fileFindings } from '../lib/safety/file-checks.ts';
import { gzipIndexFile } from './index-files.ts';

export interface PageRef {
  url: string;
  kind: string;
  date: string;
  region: string;
  status: string;
  file: string;
  offset: number;
  length: number;
  /** A profile's known-phrase keys (its subject's name and credit code, known.ts). */
  keys?: string[];
}

/** Stored in each result card: the page text, capped (snippets are made from it). */
const TEXT_CAP = 1500;

/** A page's result card, as a line carries it. */
export interface LineCard {
  /** The card's JSON (ShownResult), gzipped as the index writes it (index-files.ts), in base64. */
  gz: string;
  /** Whether the card's safety file checks, made on that JSON, left nothing to the finished build. */
  clear: boolean;
}

/** One line of an extraction file: a page's extraction and its result card. */
export type ExtractionLine = ExtractedPage & { card: LineCard };

/**
 * The card of a page, checked as the file it becomes (its name decides which checks apply, and
 * every card's ends the same). A card has no link: it clears only when nothing is found.
 */
function lineCard(p: ExtractedPage, site: URL): LineCard {
  const card: ShownResult = { url: p.url, title: p.title, kind: p.kind, region: p.region, date: p.date, status: p.status, text: p.blocks.join('\n').slice(0, TEXT_CAP) };
  const json = JSON.stringify(card);
  return { gz: gzipIndexFile(json).toString('base64'), clear: clearsChecks(fileFindings(cardFile(0), json, site), () => false) };
}

/** What an extraction gives the index: the pages to index, how many were left out and why, and any page that broke the contract. */
export interface Extracted {
  refs: PageRef[];
  skipped: { noMeta: number; noindex: number };
  errors: string[];
}

/** A profile's known-phrase keys: its subject's name (in each form it may be typed in, abbreviations.ts) and own numbers, where they are of a shape the table keeps. */
export const ownKeys = (p: ExtractedPage): string[] => (p.kind === PROFILE_KIND ? [...nameForms(p.name), ...p.numbers].flatMap((v) => knownKey(v) ?? []) : []);

/** Writes the extracted pages of what it is given to `out`, a megabyte at a time. */
export class ExtractionFile {
  readonly #out: string;
  readonly #site: URL;
  readonly #fd: number;
  readonly #refs: PageRef[] = [];
  /** The pages not indexed, and why: a broken contract or a page the index leaves out. */
  readonly #left = new Map<string, { error: string } | { skipped: 'no-meta' | 'noindex' }>();
  #offset = 0;
  /** How many of `#refs` drain() has given. */
  #drained = 0;
  #chunk: string[] = [];
  #chunkBytes = 0;

  /** `site`: the site's own origin, for the cards' checks. */
  constructor(out: string, site: URL) {
    this.#out = out;
    this.#site = site;
    this.#fd = openSync(out, 'w');
  }

  /** Adds a page's extraction (extract.ts extractPage, or page-read.ts with its links). */
  add(url: string, r: Extraction): void {
    if ('error' in r) this.#left.set(url, { error: r.error });
    else if ('skipped' in r) this.#left.set(url, { skipped: r.skipped });
    else {
      const line = JSON.stringify({ ...r.page, card: lineCard(r.page, this.#site) } satisfies ExtractionLine) + '\n';
      const length = Buffer.byteLength(line);
      const { kind, date, region, status } = r.page;
      const ref: PageRef = { url, kind: this.#once(kind), date: this.#once(date), region: this.#once(region), status: this.#once(status), file: this.#out, offset: this.#offset, length };
      const keys = ownKeys(r.page);
      if (keys.length) ref.keys = keys;
      this.#refs.push(ref);
      this.#offset += length;
      this.#chunk.push(line);
      this.#chunkBytes += length;
      if (this.#chunkBytes > 1 << 20) this.#flush();
    }
  }

  /** One string per value: a page's kind, date, region and status recur across thousands of summaries. */
  readonly #strings = new Map<string, string>();
  #once(value: string): string {
    const kept = this.#strings.get(value);
    if (kept !== undefined) return kept;
    this.#strings.set(value, value);
    return value;
  }

  #flush(): void {
    // writeFileSync on a descriptor writes until every byte is out; one writeSync may write fewer.
    if (this.#chunk.length) writeFileSync(this.#fd, this.#chunk.join(''));
    this.#chunk = [];
    this.#chunkBytes = 0;
  }

  /** The pages extracted since the last call, their lines written out: another process may read them now. */
  drain(): PageRef[] {
    this.#flush();
    const refs = this.#refs.slice(this.#drained);
    this.#drained = this.#refs.length;
    return refs;
  }

  /**
   * Writes what is left and closes the file. The pages `without` (URLs) are left out of what it
   * gives, as if never added; their lines stay in the file, unreferenced.
   */
  close(without: ReadonlySet<string> = new Set()): Extracted {
    try {
      this.#flush();
    } finally {
      closeSync(this.#fd);
    }
    const result: Extracted = { refs: this.#refs.filter((r) => !without.has(r.url)), skipped: { noMeta: 0, noindex: 0 }, errors: [] };
    for (const [url, left] of this.#left) {
      if (without.has(url)) continue;
      if ('error' in left) result.errors.push(left.error);
      else if (left.skipped === 'noindex') result.skipped.noindex++;
      else result.skipped.noMeta++;
    }
    return result;
  }
}
