/**
 * `npm run build` — the whole build, as every caller runs it (src/lib/release/build-command.ts
 * buildCommand): `astro build` in a child process (pages, sitemap; its heap limit sized from
 * the export, or PORTAL_BUILD_HEAP_MB), then, once that process and its memory are gone, the
 * search index and the safety checks (src/integrations/post-build.ts). While Astro renders,
 * this process copies the pages it reuses from the previous release (PORTAL_REUSE_FROM; the
 * Astro process names them: src/site/reuse.ts) and the published attachments from the export
 * (src/pages/attachments/[...key].ts), reads every page as soon as it is
 * written, for the search index and the safety checks (src/integrations/page-scan.ts), and
 * builds the index's shards whose pages have all been read or copied with their reads
 * (src/integrations/search-stream.ts). Settings
 * are the PORTAL_* environment variables; exits non-zero when any step fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { astroCommand, astroOutDir, buildHeaps, PUBLISHED_FACTS_ENV } from '../src/lib/release/build-command.ts';
import { buildOutDir } from '../src/lib/pipeline/build-env.ts';
import { isCopiedFiles, isReusedPages, PageCopier } from '../src/lib/release/page-copy.ts';
import { readsDir } from '../src/lib/release/page-reads.ts';
import type { PublishedFacts } from '../src/lib/safety/checks.ts';
import { isWrittenFiles, PageScanner, readWhileRenderingLine, writtenFile } from '../src/integrations/page-scan.ts';
import { mark } from '../src/integrations/build-timings.ts';
import { STOP_SIGNALS, stopChildJobs } from '../src/lib/child-job.ts';
import { ShardStream } from '../src/integrations/search-stream.ts';
import { isSearchOrder } from '../src/site/search-order.ts';
import { SEARCH_DIR, shardSize } from '../src/lib/search/shards.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, buildOutDir());
// A dot first: a link in it (astroOutDir) must not begin with the checkout's path, which a checkout at /tmp/portal would be for /tmp/portal-build-….
const temp = mkdtempSync(join(tmpdir(), '.portal-build-'));
const factsPath = join(temp, 'published.json');
// What this build reads of its pages, kept for the next day's (page-reads.ts): this output folder's, so none of an earlier build's.
const reads = readsDir(outDir);
rmSync(reads, { recursive: true, force: true });
mkdirSync(reads, { recursive: true });
/** The output folder as Astro is given it (astroOutDir): set first thing in the build. */
let astroOut = outDir;
/** The `astro build` process under way. */
let astroChild: ChildProcess | undefined;
// Stopped from outside (a CI timeout, `kill`, publish stopped): Astro and the index's and checks'
// workers stop too. They went on as orphans, finishing into the output folder while the next run,
// seeing the lock's process gone, started another build in the same checkout.
for (const signal of STOP_SIGNALS) {
  process.once(signal, () => {
    astroChild?.kill(signal);
    stopChildJobs(signal);
    rmSync(temp, { recursive: true, force: true });
    process.kill(process.pid, signal); // the handler is gone: ends this process as the signal would have
  });
}
/**
 * What this process does while one run of `astro build` renders: copy the pages it reuses, and
 * read the pages Astro writes. Not the copies, but for the few whose previous reads could not be
 * kept (streamShards): they arrive as fast as Astro's pages, and reading them all starved the
 * copy and Astro of the second core (at 100,000 records, the daily rebuild's rendering took
 * 91.6 s instead of 62.0 s, and its peak rose by 321 MB).
 */
function alongsideAstro(scanHeapMB: number): { copier: PageCopier; scanner: PageScanner; stream?: ShardStream } {
  return { copier: new PageCopier(outDir, reads), scanner: new PageScanner(outDir, join(reads, 'early.jsonl'), scanHeapMB) };
}

/**
 * The index's shards built while Astro renders, in the order the Astro process tells
 * (search-stream.ts), from the pages read as Astro writes them and the pages copied with their
 * previous reads. The order comes after every page to copy has been named (written-pages.ts).
 */
function streamShards(alongside: ReturnType<typeof alongsideAstro>, order: unknown): void {
  if (!isSearchOrder(order) || alongside.stream) return;
  const tmp = join(temp, 'shards');
  mkdirSync(tmp, { recursive: true });
  const stream = new ShardStream(order, shardSize(), { outDir, searchDir: join(outDir, SEARCH_DIR), tmp, workerScript: resolve(root, 'src/integrations/search-index-worker.ts') });
  alongside.stream = stream;
  alongside.scanner.onExtracted = (refs) => stream.add(refs);
  // A daily rebuild's copied pages, in shard order too: their extraction lines from the previous
  // release, and the few whose reads could not be kept read now (else their shards wait for Astro's end).
  alongside.copier.followReads(({ refs, unread }) => {
    stream.add(refs);
    if (unread.length) alongside.scanner.add(unread.map((url) => writtenFile(url)!));
  });
  alongside.copier.prioritize([...order.profiles, ...order.records]);
}

/** Runs `astro build` with a heap limit (or none), copying the pages it names and reading those it has written; its exit code, or its signal. */
function astro(heapMB: number | undefined, alongside: ReturnType<typeof alongsideAstro>): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const { copier, scanner } = alongside;
  const [command, ...args] = astroCommand(root, heapMB);
  return new Promise((ok, fail) => {
    const child = spawn(command!, args, { cwd: root, stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PORTAL_OUT_DIR: astroOut, [PUBLISHED_FACTS_ENV]: factsPath } });
    astroChild = child;
    child.on('message', (m) => {
      if (isReusedPages(m)) copier.add(m);
      else if (isCopiedFiles(m)) copier.addFiles(m);
      else if (isWrittenFiles(m)) scanner.add(m.files);
      else streamShards(alongside, m);
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      mark('astro exited');
      ok({ code, signal });
    });
  });
}

try {
  astroOut = astroOutDir(root, outDir, reads, temp);
  // Sized from the export once: a run after a heap abort reads the same export.
  const heaps = buildHeaps(root);
  const heapMB = heaps.astroMB;
  let current = alongsideAstro(heaps.scanMB);
  let run = await astro(heapMB, current);
  // V8 aborts a process that reaches its heap limit. The limit is sized from what builds
  // held so far; an export that needs more is built again without one, not refused.
  if (run.signal === 'SIGABRT') {
    console.error(`构建进程达到堆内存上限（${heapMB} MB），不设上限重新构建。`);
    // The new run empties the output folder first: nothing of this one may still be writing.
    await current.copier.idle();
    current.copier.finishReads();
    await current.scanner.finish();
    await current.stream?.finish();
    current = alongsideAstro(heaps.scanMB);
    run = await astro(undefined, current);
  }
  const { copier, scanner, stream } = current;
  await copier.idle();
  const reused = copier.finishReads();
  for (const reason of reused.refused) console.warn(`不复用上一版本读取的页面：${reason}`);
  const read = await scanner.finish();
  const streamed = await stream?.finish();
  if (streamed?.failed) console.warn(`渲染期间构建搜索索引分片出错，渲染后重新构建：${streamed.failed}`);
  const early = typeof read === 'string' ? undefined : read;
  const code = run.code ?? 1;
  // A stopped build has its reason above; what was read while it rendered is no news then.
  if (code === 0 && early) console.log(readWhileRenderingLine(scanner.named, early.extraction.urls.size, early.checked.size, early.changed, early.leftForMemory));
  else if (code === 0) console.warn(`渲染期间写出 ${scanner.named} 个文件，读取的全部作废、重新读取：${read}`);
  const { errors } = copier.result;
  if (code !== 0) process.exitCode = code;
  else if (errors.length) {
    console.error(`复制页面或附件失败（${errors.length} 个）：\n${errors.slice(0, 20).join('\n')}`);
    process.exitCode = 1;
  } else {
    // Loaded only now (the index and checks' workers): this process waits beside Astro's and should stay small until then.
    const { postBuild } = await import('../src/integrations/post-build.ts');
    await postBuild(outDir, JSON.parse(readFileSync(factsPath, 'utf8')) as PublishedFacts, (message) => console.log(message), early, { dir: reads, reused: reused.pages }, streamed);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  rmSync(temp, { recursive: true, force: true });
}
