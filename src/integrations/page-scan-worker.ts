/**
 * The worker thread of page-scan.ts: reads the files the build command names as they are
 * written, at the lowest priority. For each file: its search extraction, when it is a page
 * (search-extraction.ts), and its safety file checks (file-checks.ts). Told to finish, it stops
 * reading, sets aside every file that is not what it read (Astro was still writing it),
 * settles what waited for the finished build, and answers with what it read.
 */
import { closeSync, fstatSync, openSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { setPriority } from 'node:os';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { join, resolve, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readPage } from '../lib/page-read.ts';
import { fileFindings, linkResolver } from '../lib/safety/file-checks.ts';
import { isReadable, servedPath, textOf } from '../lib/safety/output-files.ts';
import type { ExtractedReply, ScanMessage, ScanReply, SettledReply } from './page-scan.ts';
import { ExtractionFile } from './search-extraction.ts';
import { bytesDigest, keepsRead, keptLinks, PageFacts } from '../lib/release/page-reads.ts';

const given = workerData as { outDir: string; siteUrl?: string; extractionPath: string; stop: Int32Array; heapMB: number };
const { siteUrl, extractionPath, stop, heapMB } = given;
const outDir = resolve(given.outDir);
const site = new URL(siteUrl ?? (await import('../../portal.config.ts')).default.siteUrl);
// This thread only: Linux sets the priority per thread.
setPriority(19);

const extraction = new ExtractionFile(extractionPath, site);
/** What the next day's build may reuse of the pages read (page-reads.ts). */
const facts = new PageFacts();
/** Every file read, with what identifies the bytes read (readIdentity). */
const read = new Map<string, string>();
/** Files read with no problem but links that did not resolve yet: path → the files' places in `waiting`. */
const pending = new Map<string, number[]>();
const waiting: string[] = [];
/** Files with a problem, or a personal-number hit: checked again after the build. */
const unclear = new Set<string>();
/** Whether a link resolves: only a yes is final while the build still writes. */
const resolves = linkResolver(outDir, { whileWriting: true });

/**
 * A file is what was read if it still has as many bytes as were read, the same inode and the
 * same modification time. Astro writes a page into a new file (or truncates an old one, which
 * moves its modification time), so a read that overlapped the write got fewer bytes than the
 * file ends up with.
 */
const readIdentity = (bytes: number, s: BigIntStats) => `${bytes}:${s.ino}:${s.mtimeNs}`;

/**
 * The thread's memory stays bounded by what it reads, so that it never reaches its limit (V8
 * may then abort the whole process, not just the thread): no file over LARGEST_FILE (a page is
 * a few kilobytes; the open-data tables are tens of megabytes), and no file at all once what it
 * holds after a full collection passes FULL_HEAP. What it does not read, the steps after Astro do.
 */
const LARGEST_FILE = 512 * 1024;
const FULL_HEAP = 0.75 * heapMB * 2 ** 20;
let held = 0;
/** Files not read because the heap was that full. */
let leftForMemory = 0;
new PerformanceObserver((entries) => {
  if (entries.getEntries().some((e) => (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) held = getHeapStatistics().used_heap_size;
}).observe({ entryTypes: ['gc'] });

function scan(rel: string): void {
  const path = join(outDir, rel);
  // Names come from page URLs; nothing outside the output folder is read.
  if (!path.startsWith(outDir + sep) || read.has(rel)) return;
  if (held > FULL_HEAP) {
    leftForMemory++;
    return;
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return; // Not written (an empty response, a redirect): the steps after Astro read whatever is there.
  }
  let bytes: Buffer | undefined;
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile() || stats.size > LARGEST_FILE) return;
    if (isReadable(rel)) bytes = readFileSync(fd);
    // A write still under way shows in the count of bytes; one that ended after this stat, in
    // the modification time (the file is then read again, needlessly but safely).
    read.set(rel, readIdentity(bytes?.length ?? Number(stats.size), stats));
  } finally {
    closeSync(fd);
  }
  const text = bytes && textOf(rel, bytes);
  // A page is parsed once, for its search extraction and its links both.
  const url = servedPath(rel);
  const page = text !== undefined && rel.endsWith('.html') ? readPage(text, url) : undefined;
  if (page) extraction.add(url, page.extraction);
  let place: number | undefined;
  const findings = fileFindings(rel, text, site, page?.refs);
  for (const f of findings) {
    if (!('internalLink' in f)) unclear.add(rel);
    // A path already waiting did not resolve when first met: it waits again without a look at the disk (finish looks again).
    else if (pending.has(f.internalLink) || !resolves(f.internalLink)) {
      place ??= waiting.push(rel) - 1;
      const files = pending.get(f.internalLink);
      if (files) files.push(place);
      else pending.set(f.internalLink, [place]);
    }
  }
  if (page && keepsRead(page.extraction)) facts.add(url, bytesDigest(bytes!), keptLinks(findings));
}

/** Whether the file is still the bytes that were read. */
function unchanged(rel: string, was: string): boolean {
  try {
    const now = statSync(join(outDir, rel), { bigint: true });
    return readIdentity(Number(now.size), now) === was;
  } catch {
    return false;
  }
}

function finish(): ScanReply {
  // Read while Astro wrote it (or changed since): as if never read, so read after Astro.
  const changed = [...read].filter(([rel, was]) => !unchanged(rel, was)).map(([rel]) => rel);
  for (const rel of changed) read.delete(rel);
  const extracted = extraction.close(new Set(changed.filter((rel) => rel.endsWith('.html')).map(servedPath)));
  // The build is complete: a link that resolves now is fine; one that does not, its files are checked again.
  for (const [path, places] of pending) if (!resolves(path)) for (const at of places) unclear.add(waiting[at]!);
  const files = [...read.keys()];
  return { extraction: extracted, read: files, checked: files.filter((rel) => !unclear.has(rel)), changed: changed.length, leftForMemory, facts: facts.sent };
}

parentPort!.on('message', (m: ScanMessage) => {
  if ('finish' in m) parentPort!.postMessage(finish());
  else if ('settled' in m) parentPort!.postMessage(m satisfies SettledReply);
  else {
    for (const rel of m.files) if (!Atomics.load(stop, 0)) scan(rel);
    // The pages extracted, for the shards built while Astro renders (search-stream.ts).
    const refs = extraction.drain();
    if (refs.length) parentPort!.postMessage({ refs } satisfies ExtractedReply);
  }
});
