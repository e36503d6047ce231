/**
 * The steps after Astro, started while Astro still renders. The build command (scripts/build.ts)
 * is told of every file Astro writes as soon as it is written (written-pages.ts; not the daily
 * rebuild's copies) and hands it to a worker thread (page-scan-worker.ts) that reads it once
 * for both steps that read pages: the search extraction (search-extraction.ts) and the safety
 * file checks (file-checks.ts fileFindings). The thread runs at the lowest priority, so it takes
 * only the CPU that Astro's rendering leaves idle, and with a small heap of its own. The
 * steps after Astro (post-build.ts) then read only the files it did not clear.
 *
 * What the thread read counts only where nothing is left to the finished build: a page with a
 * personal-number hit (allowed when it is an identifier value, known only at the end), any other
 * problem, or an internal link that still does not resolve at the end is checked again in full
 * after Astro, so problems are reported exactly as without this. And a file counts as read only
 * if it is still the bytes that were read (as many bytes, the same inode and modification time
 * in nanoseconds): Astro renders a few pages at a time, so a page may be named while its write
 * is still under way (written-pages.ts), and such a file is read again after Astro.
 */
import { Worker } from 'node:worker_threads';
import { servedPath } from '../lib/safety/output-files.ts';
import type { Extracted, PageRef } from './search-extraction.ts';
import type { EarlyExtraction } from './search-index.ts';
import { keptPages, type ReadPage, type SentFacts } from '../lib/release/page-reads.ts';

/** What the Astro process sends the build command: files it has written. */
export interface WrittenFiles {
  type: 'portal-written-files';
  /** Relative to the output folder, with `/`. */
  files: string[];
}

export const isWrittenFiles = (m: unknown): m is WrittenFiles => (m as WrittenFiles | null)?.type === 'portal-written-files';

/** Files named per message: few messages, and little left unread when the Astro process ends. */
export const WRITTEN_BATCH = 64;

/** Pages Astro writes under their own name (build.format 'directory'), as its own build does. */
const STATUS_PAGES = new Set(['/404', '/500']);

/**
 * The file a route's pathname is written to, if it decodes (build.format 'directory'): a page's
 * index.html in its folder, but 404.html and 500.html; an endpoint's file under its own name.
 */
export function writtenFile(pathname: string, page = true): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  // Request URLs end in a slash (trailingSlash 'always'), endpoints' and status pages' too.
  const name = path.replace(/\/+$/, '');
  if (!page) return name;
  if (STATUS_PAGES.has(`/${name}`)) return `${name}.html`;
  return name === '' ? 'index.html' : `${name}/index.html`;
}

/** The build's log line on what was read while Astro rendered (scripts/build.ts writes it, the bench reads it). */
export const readWhileRenderingLine = (written: number, pages: number, cleared: number, unfinished: number, leftForMemory: number) =>
  `渲染期间写出 ${written} 个文件：已读取其中 ${pages} 个页面，${cleared} 个文件已通过安全检查` +
  (unfinished ? `；${unfinished} 个文件读取时尚未写完，渲染后重新读取` : '') +
  (leftForMemory ? `；读取线程内存将满，${leftForMemory} 个文件留待渲染后读取` : '');
export const READ_WHILE_RENDERING = /渲染期间写出 (\d+) 个文件：已读取其中 (\d+) 个页面，(\d+) 个文件已通过安全检查(?:；(\d+) 个文件读取时尚未写完，渲染后重新读取)?(?:；读取线程内存将满，(\d+) 个文件留待渲染后读取)?/;

/** What was read early, for the steps after Astro. */
export interface EarlyReads {
  extraction: EarlyExtraction;
  /** Files checked with no problem (relative): not checked again. */
  checked: ReadonlySet<string>;
  /** Files read before Astro had finished writing them: left to the steps after Astro. */
  changed: number;
  /** Files not read because the thread's heap was nearly full (page-scan-worker.ts): left to the steps after Astro. */
  leftForMemory: number;
  /** The pages read that the next day's build may reuse (page-reads.ts). */
  kept: ReadPage[];
}

/** What the thread is told, and answers. */
export type ScanMessage = { files: readonly string[] } | { settled: number } | { finish: true };
export type ScanReply = { extraction: Extracted; read: string[]; checked: string[]; changed: number; leftForMemory: number; facts: SentFacts };
/** The thread's answer to `settled`. */
export type SettledReply = { settled: number };
/** What the thread sends after each batch of files: the pages it extracted, their lines written out. */
export type ExtractedReply = { refs: PageRef[] };

/** The thread's young generation: the parse garbage dies young, and a small one keeps the RSS down. */
const YOUNG_MB = 8;

export class PageScanner {
  readonly #worker: Worker;
  readonly #ended: Promise<ScanReply | Error>;
  /** Set when the build is complete: the thread stops reading what is still queued. */
  readonly #stop = new Int32Array(new SharedArrayBuffer(4));
  /** Callers of settled(), by the id of their message. */
  readonly #settled = new Map<number, () => void>();
  #asked = 0;
  #named = 0;
  /** Told of the pages extracted, as the thread extracts them. */
  onExtracted?: (refs: PageRef[]) => void;

  /**
   * `extractionPath`: a file of its own for the extracted pages (the search index reads them
   * from there); `heapMB`: the thread's heap limit (build-command.ts scanHeapMB); `siteUrl`: by
   * default the portal configuration's, loaded by the thread (the configuration's schema would
   * grow this process, which waits beside Astro's).
   */
  constructor(outDir: string, extractionPath: string, heapMB: number, siteUrl?: string) {
    this.#worker = new Worker(new URL('./page-scan-worker.ts', import.meta.url), {
      workerData: { outDir, siteUrl, extractionPath, stop: this.#stop, heapMB },
      resourceLimits: { maxOldGenerationSizeMb: heapMB, maxYoungGenerationSizeMb: YOUNG_MB },
    });
    this.#ended = new Promise((done) => {
      this.#worker.on('message', (reply: ScanReply | SettledReply | ExtractedReply) => {
        if ('settled' in reply) {
          this.#settled.get(reply.settled)?.();
          this.#settled.delete(reply.settled);
        } else if ('refs' in reply) this.onExtracted?.(reply.refs);
        else done(reply);
      });
      this.#worker.once('error', (e: unknown) => done(e instanceof Error ? e : new Error(String(e))));
      this.#worker.once('exit', (code) => done(new Error(`exited with ${code}`)));
    });
  }

  add(files: readonly string[]): void {
    this.#named += files.length;
    if (files.length) this.#worker.postMessage({ files } satisfies ScanMessage);
  }

  /** Files named so far: every file Astro wrote, once the build is done. */
  get named(): number {
    return this.#named;
  }

  /** Resolves when every file named so far has been read. */
  settled(): Promise<void> {
    const id = this.#asked++;
    const done = new Promise<void>((resolve) => this.#settled.set(id, resolve));
    this.#worker.postMessage({ settled: id } satisfies ScanMessage);
    return done;
  }

  /**
   * What was read, or why nothing read early may be used (the thread failed: its memory, say).
   * Files named but not read yet, or not what was read, are left to the steps after Astro.
   */
  async finish(): Promise<EarlyReads | string> {
    Atomics.store(this.#stop, 0, 1);
    this.#worker.postMessage({ finish: true } satisfies ScanMessage);
    const reply = await this.#ended;
    await this.#worker.terminate();
    if (reply instanceof Error) return `读取线程出错（${reply.message}）`;
    const urls = new Set(reply.read.filter((rel) => rel.endsWith('.html')).map(servedPath));
    return { extraction: { ...reply.extraction, urls }, checked: new Set(reply.checked), changed: reply.changed, leftForMemory: reply.leftForMemory, kept: [...keptPages(reply.extraction.refs, reply.facts)] };
  }
}
