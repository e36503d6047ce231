/**
 * A child process of the search index (search-index.ts; run with `node`, types stripped). Three
 * jobs, sent as the first IPC message:
 *  - extract: read built pages and reply with their extraction (search-extraction.ts) and the
 *    pages whose safety file checks found nothing left to check (file-checks.ts clearsChecks): one
 *    read and one parse (page-read.ts) for both steps, so the safety checks skip those pages;
 *  - build: for each assigned shard, its index (shard-index.ts: page table, postings, cards),
 *    plus the shard's routing keys for the routing table, its pages' own numbers for the
 *    number lookup and its known-phrase lines; and the files whose safety file checks, made
 *    on each file's text before it is compressed, found nothing left to check.
 *    That text is what the checks would read back (output-files.ts textOf: decompressed, as
 *    UTF-8), so the safety checks skip those files instead of reading and decompressing them.
 *    A page's card comes in its extraction line, made and checked when the page was read
 *    (search-extraction.ts).
 *  - table: one lookup table, the number lookup or the known phrases, from every shard's
 *    lines (search-tables.ts).
 * Only the page's visible search text is indexed (not the result title, which is composed
 * for the result list), so a page is found exactly when its text contains the query.
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { answerJobs, type JobFailure } from '../lib/child-job.ts';
import { gzipIndexFile, IndexFiles } from './index-files.ts';
import type { ExtractedPage } from '../lib/search/extract.ts';
import { readPage } from '../lib/page-read.ts';
import { clearsChecks, fileFindings, linkResolver } from '../lib/safety/file-checks.ts';
import { servedPath, textOf } from '../lib/safety/output-files.ts';
import { bytesDigest, keepsRead, keptLinks, PageFacts, type SentFacts } from '../lib/release/page-reads.ts';
import { ExtractionFile, ownKeys, type Extracted, type ExtractionLine, type PageRef } from './search-extraction.ts';
import { writeLookupTable, type LookupTable, type WrittenTable } from './search-tables.ts';
import { ShardBlocks, type ShardBlock } from '../lib/search/shard-blocks.ts';
import { cardFile, ShardIndexBuilder } from '../lib/search/shard-index.ts';
import { numberKey, type NumberHit } from '../lib/search/numbers.ts';
import { firstBlocks, knownContext, KnownMatcher } from '../lib/search/known.ts';
import type { PinnedResult } from '../lib/search/cursor.ts';

/** A shard to build: its folder, the files its lookup-table lines go to, and its pages' lines. */
export interface ShardJob {
  name: string;
  outputPath: string;
  tokensPath: string;
  numbersPath: string;
  knownPath: string;
  refs: PageRef[];
}

export type WorkerJob =
  | { job: 'extract'; outDir: string; siteUrl: string; pages: string[]; out: string }
  | { job: 'build'; outDir: string; siteUrl: string; keys: string[]; shards: ShardJob[] }
  | { job: 'table'; searchDir: string; table: LookupTable; paths: string[] };

/** A shard as its worker built it: its postings files and the digest of everything it wrote (index-files.ts). */
export interface BuiltShard {
  name: string;
  pages: number;
  indexFiles: number;
  digest: string;
  seconds: number;
}

export type WorkerReply =
  | ({ ok: true; job: 'extract'; checked: string[]; facts: SentFacts } & Omit<Extracted, 'errors'>)
  | { ok: true; job: 'build'; shards: BuiltShard[]; checked: string[] }
  | { ok: true; job: 'table'; table: WrittenTable }
  | JobFailure;

/** Characters of page text kept on each side of a number, for its snippet in the lookup. */
const NUMBER_CONTEXT = 60;

/** [key, hit] lines for a page's own numbers. */
function numberLines(p: ExtractedPage, shard: string): string[] {
  const text = p.blocks.join('\n');
  const lines: string[] = [];
  for (const value of p.numbers) {
    const key = numberKey(value);
    if (!key) continue;
    const at = Math.max(0, text.indexOf(value));
    const hit: NumberHit = { value, url: p.url, title: p.title, kind: p.kind, region: p.region, date: p.date, status: p.status, text: text.slice(Math.max(0, at - NUMBER_CONTEXT), at + value.length + NUMBER_CONTEXT), shard };
    lines.push(JSON.stringify([key, hit]));
  }
  return lines;
}

/** [key, hit, own] lines for the known phrases a page holds (own: the key is the page's own name or number). */
function knownLines(p: ExtractedPage, blocks: readonly ShardBlock[], shard: string, matcher: KnownMatcher): string[] {
  const lines: string[] = [];
  const own = new Set(ownKeys(p));
  for (const [key, { block, text }] of matcher.entries(firstBlocks(blocks.map((b) => b.known)))) {
    const hit: PinnedResult = { url: p.url, title: p.title, kind: p.kind, region: p.region, date: p.date, status: p.status, text: knownContext(p.blocks, block, text), shard };
    lines.push(JSON.stringify([key, hit, own.has(key)]));
  }
  return lines;
}

/** Extracts `pages` (relative to outDir, with `/`), and checks their files. Run once Astro has written every page. */
function extract({ outDir, siteUrl, pages, out }: Extract<WorkerJob, { job: 'extract' }>): WorkerReply {
  const site = new URL(siteUrl);
  const resolves = linkResolver(outDir);
  const file = new ExtractionFile(out, site);
  const checked: string[] = [];
  const facts = new PageFacts();
  let result: Extracted;
  try {
    for (const rel of pages) {
      // Read as the safety checks read a file (output-files.ts readableText); a page always has text.
      const bytes = readFileSync(join(outDir, rel));
      const text = textOf(rel, bytes)!;
      const url = servedPath(rel);
      const page = readPage(text, url);
      file.add(url, page.extraction);
      const findings = fileFindings(rel, text, site, page.refs);
      if (clearsChecks(findings, resolves)) checked.push(rel);
      if (keepsRead(page.extraction)) facts.add(url, bytesDigest(bytes), keptLinks(findings));
    }
  } finally {
    result = file.close();
  }
  const { errors, refs, skipped } = result;
  return errors.length ? { ok: false, errors } : { ok: true, job: 'extract', refs, skipped, checked, facts: facts.sent };
}

function readLine(fds: Map<string, number>, ref: PageRef): ExtractionLine {
  let fd = fds.get(ref.file);
  if (fd === undefined) fds.set(ref.file, (fd = openSync(ref.file, 'r')));
  const buf = Buffer.alloc(ref.length);
  readSync(fd, buf, 0, ref.length, ref.offset);
  return JSON.parse(buf.toString('utf8')) as ExtractionLine;
}

async function build({ outDir, siteUrl, keys, shards }: Extract<WorkerJob, { job: 'build' }>): Promise<WorkerReply> {
  const matcher = new KnownMatcher(keys);
  const fds = new Map<string, number>();
  const done: BuiltShard[] = [];
  const site = new URL(siteUrl);
  const resolves = linkResolver(outDir);
  const checked: string[] = [];
  try {
    for (const shard of shards) {
      const t0 = performance.now();
      const index = new ShardIndexBuilder();
      const seen = new ShardBlocks(index, matcher);
      const numbers: string[] = [];
      const known: string[] = [];
      const files = new IndexFiles(shard.outputPath);
      const under = relative(outDir, shard.outputPath).split(sep).join('/');
      /** Writes a file of the shard, gzipped, and checks the text it holds. */
      const write = (rel: string, data: string | Uint8Array) => {
        const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        files.write(rel, gzipIndexFile(bytes));
        const file = `${under}/${rel}`;
        if (clearsChecks(fileFindings(file, bytes.toString('utf8'), site), resolves)) checked.push(file);
      };
      for (const ref of shard.refs) {
        const p = readLine(fds, ref);
        const blocks = p.blocks.map((text) => seen.of(text));
        numbers.push(...numberLines(p, shard.name));
        known.push(...knownLines(p, blocks, shard.name, matcher));
        const id = index.add(p, blocks.map((b) => b.ids), p.heading);
        // Made and checked when the page was read (search-extraction.ts).
        files.write(cardFile(id), Buffer.from(p.card.gz, 'base64'));
        if (p.card.clear) checked.push(`${under}/${cardFile(id)}`);
      }
      const built = index.files();
      write('pages.json.gz', built.pages);
      built.index.forEach((bytes, n) => write(`index/${n}.bin.gz`, bytes));
      writeFileSync(shard.tokensPath, [...seen.routeKeys].join('\n'));
      writeFileSync(shard.numbersPath, numbers.join('\n'));
      writeFileSync(shard.knownPath, known.join('\n'));
      done.push({ name: shard.name, pages: shard.refs.length, indexFiles: built.index.length, digest: files.digest(), seconds: (performance.now() - t0) / 1000 });
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  return { ok: true, job: 'build', shards: done, checked };
}

answerJobs<WorkerJob, WorkerReply>((job) => (job.job === 'extract' ? extract(job) : job.job === 'build' ? build(job) : { ok: true, job: 'table', table: writeLookupTable(job.searchDir, job.table, job.paths) }));
