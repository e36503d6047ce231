/**
 * Copying the reused pages (page-reuse.ts decides which) from the previous release, with the
 * footer's as-of line made today's, and the published attachments from the export as they
 * are. The build command (scripts/build.ts) copies them while the Astro process renders the
 * others: Astro renders on one core, the copy runs in the build command's process, which
 * would otherwise only wait. Nothing here but Node and the date format, since the build
 * command should stay small.
 */
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { formatChineseDate, type CivilDate } from '../dates/civil-date.ts';
import type { PageRef } from '../../integrations/search-extraction.ts';
import { bytesDigest, loadPageReads, type ReadPage } from './page-reads.ts';

/** The footer's as-of line, as every page shows it (src/components/SiteFooter.astro renders this). */
export const asOfLine = (asOf: CivilDate): string => `<p class="as-of">数据截至：<time datetime="${asOf}">${formatChineseDate(asOf)}</time></p>`;

const FOOTER = Buffer.from('<footer class="site-footer">');

/**
 * Redates pages of the previous release: each with its footer's as-of date made `to`, or
 * undefined when it does not end in our footer with `from`. Export text on the page is
 * escaped, so markup such as the footer's can only come from the layout; the last footer is
 * the layout's. Bytes, not text: tens of thousands of pages are copied, and decoding them
 * would be most of the work; the two lines are made once for all of them.
 */
export function redater(from: CivilDate, to: CivilDate): (page: Buffer) => Buffer | undefined {
  const old = Buffer.from(asOfLine(from));
  const now = Buffer.from(asOfLine(to));
  return (page) => {
    const footer = page.lastIndexOf(FOOTER);
    const at = page.lastIndexOf(old);
    if (footer < 0 || at < footer) return undefined;
    return Buffer.concat([page.subarray(0, at), now, page.subarray(at + old.length)]);
  };
}

/** Where a record page is, in a site folder. */
export const pageFile = (siteDir: string, url: string) => join(siteDir, url, 'index.html');

/** What the Astro process sends the build command for each reusable route: the pages to copy. */
export interface ReusedPages {
  type: 'portal-reused-pages';
  /** The previous release's folder, and the as-of date in its footers. */
  from: string;
  fromAsOf: CivilDate;
  toAsOf: CivilDate;
  urls: string[];
}

export const isReusedPages = (m: unknown): m is ReusedPages => (m as ReusedPages | null)?.type === 'portal-reused-pages';

/** What the Astro process sends for the attachments that published records show: files to copy as they are (src/pages/attachments/[...key].ts). */
export interface CopiedFiles {
  type: 'portal-copied-files';
  /** The export's attachments folder. */
  from: string;
  /** Where under the output folder they go ("attachments"). */
  to: string;
  /** Paths relative to both, with `/`. */
  keys: string[];
}

export const isCopiedFiles = (m: unknown): m is CopiedFiles => (m as CopiedFiles | null)?.type === 'portal-copied-files';

/** Sends the build command what to copy, from the Astro process; resolves once the channel has taken it. */
export const sendToCopier = (message: ReusedPages | CopiedFiles): Promise<void> =>
  new Promise((sent, failed) => process.send!(message, undefined, {}, (e: Error | null) => (e ? failed(e) : sent())));

/** Pages copied: their extraction lines (written out), and the URLs of those that must be read again. */
export interface CopiedReads {
  refs: PageRef[];
  unread: string[];
}

/** A message's pages with their redater, or files to copy as they are. */
type Batch = (ReusedPages & { redate: (page: Buffer) => Buffer | undefined }) | CopiedFiles;

/**
 * Copies made between two turns of the event loop. They are synchronous: on these 2-core
 * machines fs.promises took two to five times the CPU for the same copies (its thread pool of
 * four threads contends for the cores), and the build command's own thread would only wait.
 * Few enough a turn that Astro's messages and log lines are still taken at once.
 */
const PER_TURN = 32;

/**
 * Copies the pages it is given into `outDir`, a few at a time, as they come. Where the
 * previous release kept what it read of a page (page-reads.ts) and the page is still those
 * bytes, its extraction line is copied to `readsDir` too, and the page is not read again.
 */
export class PageCopier {
  readonly #outDir: string;
  readonly #reads: ReusedReads;
  #pending: { batch: Batch; url: string }[] = [];
  #scheduled = false;
  #copied = 0;
  #errors: string[] = [];
  #idle: (() => void)[] = [];
  /** Told of the pages copied with their extraction lines (written out), and of those to be read again. */
  #onCopied?: (copied: CopiedReads) => void;

  constructor(outDir: string, readsDir: string) {
    this.#outDir = outDir;
    this.#reads = new ReusedReads(join(readsDir, 'reused.jsonl'));
  }

  add(pages: ReusedPages): void {
    const batch = { ...pages, redate: redater(pages.fromAsOf, pages.toAsOf) };
    for (const url of pages.urls) this.#pending.push({ batch, url });
    this.#schedule();
  }

  addFiles(files: CopiedFiles): void {
    for (const key of files.keys) this.#pending.push({ batch: files, url: key });
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.#turn());
  }

  /**
   * Tells `listener` of the pages copied so far, now, and of the others after each turn: those
   * whose extraction lines were copied, and those that must be read again (their previous reads
   * were not kept: a page whose checks found a number to look up, say). The copies start before
   * the Astro process has named the search index's order.
   */
  followReads(listener: (copied: CopiedReads) => void): void {
    listener(this.#reads.sofar());
    this.#onCopied = listener;
  }

  /**
   * Copies the pages `first` names before all others, in that order (the search index's shard
   * order: src/integrations/search-stream.ts builds each shard once its pages are there); the
   * rest after them, as they were.
   */
  prioritize(first: readonly string[]): void {
    const rank = new Map(first.map((url, i) => [url, i]));
    const key = ({ batch, url }: { batch: Batch; url: string }) => (batch.type === 'portal-reused-pages' ? (rank.get(url) ?? first.length) : first.length);
    // The next copy is the last entry (pop): the first page goes last. The sort is stable.
    this.#pending.sort((a, b) => key(b) - key(a));
  }

  #turn(): void {
    this.#scheduled = false;
    const copied: CopiedReads = { refs: [], unread: [] };
    for (let n = 0; n < PER_TURN && this.#pending.length; n++) {
      const { batch, url } = this.#pending.pop()!;
      try {
        if (batch.type === 'portal-copied-files') this.#copyFile(batch, url);
        else {
          const kept = this.#copyPage(batch, url);
          if (!kept) copied.unread.push(url);
          else if (kept.ref) copied.refs.push(kept.ref);
        }
        this.#copied++;
      } catch (e) {
        this.#errors.push(e instanceof Error ? e.message : String(e));
      }
    }
    if (copied.refs.length || copied.unread.length) this.#onCopied?.(copied);
    if (this.#pending.length) this.#schedule();
    else for (const done of this.#idle.splice(0)) done();
  }

  /** Copies a page, and what its release read of it if that can be kept (else it is read again). */
  #copyPage(batch: Extract<Batch, { type: 'portal-reused-pages' }>, url: string): ReadPage | undefined {
    const { from, fromAsOf, redate } = batch;
    const source = pageFile(from, url);
    const old = readFileSync(source);
    const page = redate(old);
    if (page === undefined) throw new Error(`无法复用上一版本的页面 ${source}：页脚中没有数据截至 ${fromAsOf} 的一行`);
    const target = pageFile(this.#outDir, url);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, page);
    return this.#reads.add(from, url, old, page);
  }

  /** A file as it is; its path comes from the export, so it must stay inside both folders. */
  #copyFile({ from, to }: CopiedFiles, key: string): void {
    const source = resolve(from, key);
    const target = resolve(this.#outDir, to, key);
    if (!source.startsWith(resolve(from) + sep) || !target.startsWith(resolve(this.#outDir, to) + sep)) throw new Error(`附件路径超出目录：${key}`);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }

  /** Resolves when everything given so far is copied (or failed). */
  idle(): Promise<void> {
    if (!this.#scheduled && this.#pending.length === 0) return Promise.resolve();
    return new Promise((done) => this.#idle.push(done));
  }

  /** Pages and files copied, and why any could not be. */
  get result(): { copied: number; errors: string[] } {
    return { copied: this.#copied, errors: [...this.#errors] };
  }

  /** Once everything is copied (idle): the copied pages not to be read again, and why a previous release's reads could not be used. */
  finishReads(): { pages: ReadPage[]; refused: string[] } {
    return this.#reads.finish();
  }
}

/** What the copied pages need not be read for: the previous release's reads of the same bytes, their lines copied to `out`. */
class ReusedReads {
  readonly #out: string;
  #fd: number | undefined;
  #offset = 0;
  readonly #previous = new Map<string, ReturnType<typeof loadPageReads>>();
  readonly #sources = new Map<string, number>();
  readonly #pages: ReadPage[] = [];
  /** The copied pages whose reads could not be kept, by URL. */
  readonly #unread: string[] = [];

  constructor(out: string) {
    this.#out = out;
  }

  /** The page as kept, its extraction line (if any) written out now; undefined when it must be read again. */
  add(from: string, url: string, old: Buffer, page: Buffer): ReadPage | undefined {
    const kept = this.#kept(from, url, old, page);
    if (kept) this.#pages.push(kept);
    else this.#unread.push(url);
    return kept;
  }

  #kept(from: string, url: string, old: Buffer, page: Buffer): ReadPage | undefined {
    let previous = this.#previous.get(from);
    if (!previous) this.#previous.set(from, (previous = loadPageReads(from)));
    const read = previous.ok ? previous.get(url) : undefined;
    if (!read || read.digest !== bytesDigest(old)) return undefined;
    const { ref } = read;
    if (!ref) return { url, digest: bytesDigest(page), links: read.links };
    const line = this.#line(ref);
    if (!line) return undefined;
    this.#fd ??= openSync(this.#out, 'w');
    writeFileSync(this.#fd, line);
    const copied = { ...ref, file: this.#out, offset: this.#offset };
    this.#offset += ref.length;
    return { url, ref: copied, digest: bytesDigest(page), links: read.links };
  }

  /**
   * A page's extraction line in the previous release's reads, if it is there and is the
   * page's (search-extraction.ts writes `{"url":…` and a line break): a file that is gone or
   * was changed means the page is read again, never a failed build.
   */
  #line(ref: PageRef): Buffer | undefined {
    const line = Buffer.alloc(ref.length);
    try {
      let source = this.#sources.get(ref.file);
      if (source === undefined) this.#sources.set(ref.file, (source = openSync(ref.file, 'r')));
      if (readSync(source, line, 0, ref.length, ref.offset) !== ref.length) return undefined;
    } catch {
      return undefined;
    }
    const start = Buffer.from(`{"url":${JSON.stringify(ref.url)},`);
    return line.subarray(0, start.length).equals(start) && line.at(-1) === 0x0a ? line : undefined;
  }

  /** The pages copied so far: their extraction lines, and those to be read again. */
  sofar(): CopiedReads {
    return { refs: this.#pages.flatMap((p) => (p.ref ? [p.ref] : [])), unread: [...this.#unread] };
  }

  /** The pages, their lines all written; and why a previous release's reads could not be used. */
  finish(): { pages: ReadPage[]; refused: string[] } {
    for (const fd of [...this.#sources.values(), ...(this.#fd === undefined ? [] : [this.#fd])]) closeSync(fd);
    this.#sources.clear();
    this.#fd = undefined;
    // The previous release's rows are not needed past the copy, and would be held through the steps after Astro.
    const refused = [...this.#previous.values()].flatMap((p) => (p.ok ? [] : [p.reason]));
    this.#previous.clear();
    return { pages: this.#pages, refused };
  }
}
