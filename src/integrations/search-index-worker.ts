/**
 * A child process of the search-index integration (run with `node`, types stripped). Three jobs,
 * sent as the first IPC message:
 *  - extract: read built pages, keep the searchable ones, append them as JSON lines to a file,
 *    and reply with each page's small summary and its byte range in that file;
 *  - build: for each assigned shard, one Pagefind index (createIndex → addCustomRecord ×N →
 *    writeFiles → deleteIndex → close), plus the shard's Han tokens for the routing table and
 *    its pages' own numbers for the number lookup;
 *  - engine: the bundle the browser loads Pagefind's script and wasm from, into which it merges
 *    the shards it needs (an index of one placeholder record that no query can match).
 * Any Pagefind error is sent back as an error; the integration then fails the build.
 * Only the page's visible search text is indexed (not the result title, which is composed
 * for the result list), so a page is found exactly when its text contains the query.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { answerChildJob, type JobFailure } from '../lib/child-job.ts';
import { extractPage, type ExtractedPage } from '../lib/search/extract.ts';
import { indexBlocks, segmentBlock, type SegmentedBlock } from '../lib/search/segment.ts';
import { PROFILE_KIND, statusFilterValue } from '../lib/search/kinds.ts';
import { numberKey, type NumberHit } from '../lib/search/numbers.ts';
import { knownContext, knownKey, KnownMatcher } from '../lib/search/known.ts';
import type { PinnedResult } from '../lib/search/cursor.ts';

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

export type WorkerJob =
  | { job: 'extract'; pages: { file: string; url: string }[]; out: string }
  | { job: 'build'; keys: string[]; shards: { name: string; outputPath: string; tokensPath: string; numbersPath: string; knownPath: string; refs: PageRef[] }[] }
  | { job: 'engine'; outputPath: string };

export type WorkerReply =
  | { ok: true; job: 'extract'; refs: PageRef[]; skipped: { noMeta: number; noindex: number } }
  | { ok: true; job: 'build'; shards: { name: string; pages: number; seconds: number }[] }
  | { ok: true; job: 'engine' }
  | JobFailure;

/** Stored with each result, for the result list: the page text, capped (snippets are made from it). */
export const TEXT_CAP = 1500;

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

/** A profile's known-phrase keys: its subject's name and own numbers, where they are of a shape the table keeps. */
const ownKeys = (p: ExtractedPage): string[] => (p.kind === PROFILE_KIND ? [p.name, ...p.numbers].flatMap((v) => knownKey(v) ?? []) : []);

/** [key, hit, own] lines for the known phrases a page holds (own: the key is the page's own name or number). */
function knownLines(p: ExtractedPage, blocks: readonly SegmentedBlock[], shard: string, matcher: KnownMatcher): string[] {
  const lines: string[] = [];
  const own = new Set(ownKeys(p));
  for (const [key, block] of matcher.find(blocks)) {
    const hit: PinnedResult = { url: p.url, title: p.title, kind: p.kind, region: p.region, date: p.date, status: p.status, text: knownContext(p.blocks, block, key), shard };
    lines.push(JSON.stringify([key, hit, own.has(key)]));
  }
  return lines;
}

/** Pagefind's ready-made UI files and its worker: the search page has its own interface and runs Pagefind on the page. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js', 'pagefind-worker.js'];
/** A shard's copy of the script and wasm: shards are merged into the engine bundle, which has them. */
const isEngineFile = (f: string) => f === 'pagefind.js' || /^wasm\..+\.pagefind$/.test(f);
/** The placeholder record's only word: the segmenter never makes it (Han tokens start a–l, words x or a digit). */
const PLACEHOLDER_WORD = 'zzzz';

async function extract(pages: { file: string; url: string }[], out: string): Promise<WorkerReply> {
  const fd = openSync(out, 'w');
  const refs: PageRef[] = [];
  const errors: string[] = [];
  let offset = 0;
  let noMeta = 0;
  let noindex = 0;
  let chunk: string[] = [];
  let chunkBytes = 0;
  const flush = () => {
    if (chunk.length) writeSync(fd, chunk.join(''));
    chunk = [];
    chunkBytes = 0;
  };
  try {
    for (const { file, url } of pages) {
      const r = extractPage(readFileSync(file, 'utf8'), url);
      if ('error' in r) errors.push(r.error);
      else if ('skipped' in r) r.skipped === 'noindex' ? noindex++ : noMeta++;
      else {
        const line = JSON.stringify(r.page) + '\n';
        const length = Buffer.byteLength(line);
        const { kind, date, region, status } = r.page;
        const ref: PageRef = { url, kind, date, region, status, file: out, offset, length };
        const keys = ownKeys(r.page);
        if (keys.length) ref.keys = keys;
        refs.push(ref);
        offset += length;
        chunk.push(line);
        chunkBytes += length;
        if (chunkBytes > 1 << 20) flush();
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, job: 'extract', refs, skipped: { noMeta, noindex } };
}

function readRecord(fds: Map<string, number>, ref: PageRef): ExtractedPage {
  let fd = fds.get(ref.file);
  if (fd === undefined) fds.set(ref.file, (fd = openSync(ref.file, 'r')));
  const buf = Buffer.alloc(ref.length);
  readSync(fd, buf, 0, ref.length, ref.offset);
  return JSON.parse(buf.toString('utf8')) as ExtractedPage;
}

async function build({ keys, shards }: Extract<WorkerJob, { job: 'build' }>): Promise<WorkerReply> {
  const pagefind = await import('pagefind');
  const matcher = new KnownMatcher(keys);
  const fds = new Map<string, number>();
  const done: { name: string; pages: number; seconds: number }[] = [];
  try {
    for (const shard of shards) {
      const t0 = performance.now();
      const { index, errors } = await pagefind.createIndex({});
      if (!index || errors.length) return { ok: false, errors: [`Pagefind createIndex (${shard.name}): ${errors.join('; ') || 'no index'}`] };
      const tokens = new Set<string>();
      const numbers: string[] = [];
      const known: string[] = [];
      const failures: string[] = [];
      let pending: Promise<void>[] = [];
      for (const ref of shard.refs) {
        const p = readRecord(fds, ref);
        const blocks = p.blocks.map(segmentBlock);
        const content = indexBlocks(blocks, tokens);
        numbers.push(...numberLines(p, shard.name));
        known.push(...knownLines(p, blocks, shard.name, matcher));
        const filters: Record<string, string[]> = { kind: [p.kind] };
        if (p.region) filters.region = [p.region];
        if (p.date) filters.year = [p.date.slice(0, 4)];
        if (p.status) filters.status = [statusFilterValue(p.kind, p.status)];
        const meta: Record<string, string> = { title: p.title, kind: p.kind, text: p.blocks.join('\n').slice(0, TEXT_CAP) };
        if (p.region) meta.region = p.region;
        if (p.date) meta.date = p.date;
        if (p.status) meta.status = p.status;
        pending.push(
          index
            .addCustomRecord({ url: p.url, language: 'xx', content, meta, filters, ...(p.date ? { sort: { date: p.date } } : {}) })
            .then((r) => {
              if (r.errors.length) failures.push(`${p.url}: ${r.errors.join('; ')}`);
            }),
        );
        if (pending.length >= 500) {
          await Promise.all(pending);
          pending = [];
        }
      }
      await Promise.all(pending);
      if (failures.length) return { ok: false, errors: failures.map((f) => `Pagefind addCustomRecord: ${f}`) };
      const written = await index.writeFiles({ outputPath: shard.outputPath });
      if (written.errors.length) return { ok: false, errors: [`Pagefind writeFiles (${shard.name}): ${written.errors.join('; ')}`] };
      for (const f of [...UNUSED, ...readdirSync(shard.outputPath).filter(isEngineFile)]) rmSync(join(shard.outputPath, f), { force: true });
      writeFileSync(shard.tokensPath, [...tokens].join('\n'));
      writeFileSync(shard.numbersPath, numbers.join('\n'));
      writeFileSync(shard.knownPath, known.join('\n'));
      await index.deleteIndex();
      await pagefind.close(); // stop the Pagefind binary: its memory goes with it
      done.push({ name: shard.name, pages: shard.refs.length, seconds: (performance.now() - t0) / 1000 });
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  return { ok: true, job: 'build', shards: done };
}

async function engine(outputPath: string): Promise<WorkerReply> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) return { ok: false, errors: [`Pagefind createIndex (engine): ${errors.join('; ') || 'no index'}`] };
  const added = await index.addCustomRecord({ url: '/', language: 'xx', content: PLACEHOLDER_WORD, meta: { title: '' }, filters: { shard: ['engine'] } });
  const written = await index.writeFiles({ outputPath });
  await pagefind.close();
  if (added.errors.length || written.errors.length) return { ok: false, errors: [`Pagefind (engine): ${[...added.errors, ...written.errors].join('; ')}`] };
  for (const f of UNUSED) rmSync(join(outputPath, f), { force: true });
  return { ok: true, job: 'engine' };
}

answerChildJob<WorkerJob, WorkerReply>((job) => (job.job === 'extract' ? extract(job.pages, job.out) : job.job === 'engine' ? engine(job.outputPath) : build(job)));
