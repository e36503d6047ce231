/**
 * Builds the site search after the site is built (post-build.ts), over the BUILT pages:
 * every page that carries the search markup (src/components/SearchMeta.astro) and no robots
 * noindex. Two worker processes extract the text (search-extraction.ts) of the pages not
 * extracted while Astro rendered (page-scan.ts) nor copied with the previous release's
 * extraction (src/lib/release/page-reads.ts), the pages are split
 * into shards (src/lib/search/shards.ts), and the workers build each shard's index
 * (src/lib/search/shard-index.ts). Then the routing table, and in two workers beside it the
 * number lookup and the known phrases (search-tables.ts), and search.json are written under
 * <outDir>/search-index/.
 * Any extraction problem throws, which fails the build.
 *
 * Settings (environment): PORTAL_SEARCH_WORKERS (default 2), PORTAL_SEARCH_PER_SHARD
 * (default 2000), PORTAL_SEARCH_STATS (write timing and memory figures to this JSON file).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import portal from '../../portal.config.ts';
import { runChildJob } from '../lib/child-job.ts';
import { buildRoutes } from '../lib/search/routing.ts';
import { planShards, SEARCH_DIR, shardSize } from '../lib/search/shards.ts';
import type { SearchManifest } from '../lib/search/manifest.ts';
import { statusFilterValue } from '../lib/search/kinds.ts';
import { outputFiles, servedPath } from '../lib/safety/output-files.ts';
import { keptPages } from '../lib/release/page-reads.ts';
import { IndexFiles } from './index-files.ts';
import { linesOf, type LookupTable } from './search-tables.ts';
import { TreeSampler } from './process-tree.ts';
import type { ShardJob, WorkerJob, WorkerReply } from './search-index-worker.ts';
import { knownKeys, sameShard, shardJob, unforeseen, type StreamedShards } from './search-stream.ts';
import type { Extracted, PageRef } from './search-extraction.ts';

/** The build's log line on the index (the bench reads the shards built while Astro rendered). */
const searchIndexLine = (pages: number, shards: number, whileRendering: number, seconds: number) =>
  `搜索索引：${pages} 个页面，${shards} 个分片` + (whileRendering ? `（其中 ${whileRendering} 个在渲染期间建成）` : '') + `，用时 ${seconds} 秒`;
export const SEARCH_INDEX_LINE = /搜索索引：(\d+) 个页面，(\d+) 个分片(?:（其中 (\d+) 个在渲染期间建成）)?/;

/**
 * The built pages, by URL (the index's own folder holds none: its files are .json.gz, .bin.gz and .txt). Walked as
 * the safety checks walk the output: at 100,000 records 1.4 s, where a recursive readdirSync took 2.1 s.
 */
function htmlPages(outDir: string): { rel: string; url: string }[] {
  const pages = outputFiles(outDir).flatMap(({ rel }) => (rel.endsWith('.html') ? [{ rel, url: servedPath(rel) }] : []));
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * A small heap for the extraction and the shards: their workers stream pages through, and V8
 * would otherwise let garbage grow to GBs. A lookup table's worker holds every shard's lines of
 * its table at once (over 256 MB at 100,000 records), so it has V8's own limit, as this process.
 */
const runWorker = (script: string, job: WorkerJob) => runChildJob<WorkerJob, WorkerReply>(script, job, { what: '搜索索引', execArgv: job.job === 'table' ? [] : ['--max-old-space-size=256'] });

function fail(errors: string[]): never {
  const shown = errors.slice(0, 20).join('\n  ');
  throw new Error(`搜索索引构建失败（${errors.length} 个问题）：\n  ${shown}${errors.length > 20 ? `\n  …另有 ${errors.length - 20} 个` : ''}`);
}

/** Pages the build command extracted while Astro was still writing them (page-scan.ts): not read again. */
export interface EarlyExtraction extends Extracted {
  /** Every page read, searchable or not. */
  urls: ReadonlySet<string>;
}

/**
 * Builds the index; resolves with its figures and:
 * - `indexed`: the URLs of the pages it holds;
 * - `checked`: the pages its workers read and the index files they wrote whose safety file
 *   checks found nothing left to check (the safety checks skip them);
 * - `kept`: the pages they read that the next day's build may reuse (page-reads.ts).
 * `siteUrl`: the site's own origin, for those checks; `readsDir`: the folder the workers'
 * extraction files are kept in (by default they go with the index's temporary files).
 */
export async function buildSearchIndex(outDir: string, workerScript: string, logger?: { info(message: string): void }, early?: EarlyExtraction, { siteUrl = portal.siteUrl, readsDir, streamed }: { siteUrl?: string; readsDir?: string; streamed?: StreamedShards } = {}) {
  const workers = Math.max(1, Number(process.env.PORTAL_SEARCH_WORKERS ?? Math.min(2, availableParallelism())));
  const perShard = shardSize();
  const statsPath = process.env.PORTAL_SEARCH_STATS;
  const sampler = statsPath ? new TreeSampler().start(250) : undefined;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const tmp = mkdtempSync(join(tmpdir(), 'portal-search-'));
  const searchDir = join(outDir, SEARCH_DIR);
  try {
    // 1. Extract the searchable pages, in parallel.
    const pages = htmlPages(outDir);
    const unread = early ? pages.filter((p) => !early.urls.has(p.url)) : pages;
    const parts = Array.from({ length: workers }, (_, w) => unread.filter((_, i) => i % workers === w)).filter((list) => list.length);
    const extracted = await Promise.all(parts.map((list, w) => runWorker(workerScript, { job: 'extract', outDir, siteUrl, pages: list.map((p) => p.rel), out: join(readsDir ?? tmp, `pages-${w}.jsonl`) })));
    const errors = [...(early?.errors ?? []), ...extracted.flatMap((r) => (r.ok ? [] : r.errors))];
    if (errors.length) fail(errors);
    // The shards are planned by date and URL (shards.ts), so where a page was read does not matter.
    const read = extracted.flatMap((r) => (r.ok && r.job === 'extract' ? [r] : []));
    const refs = [...(early?.refs ?? []), ...read.flatMap((r) => r.refs)];
    const skipped = read.reduce((s, r) => ({ noMeta: s.noMeta + r.skipped.noMeta, noindex: s.noindex + r.skipped.noindex }), early?.skipped ?? { noMeta: 0, noindex: 0 });
    const tExtract = performance.now();

    // 2. Plan the shards and build them, `workers` at a time (round robin), but those built
    // while Astro rendered from the same lines and keys (search-stream.ts).
    const shards = planShards(refs, perShard);
    const keys = knownKeys(refs);
    const builtEarly = new Map(shards.flatMap((s) => {
      const done = streamed?.shards.get(s.name);
      return done && sameShard(done, s, keys) ? [[s.name, done] as const] : [];
    }));
    const outOfOrder = streamed ? unforeseen(shards, streamed.foreseen) : 0;
    if (outOfOrder) logger?.info(`注意：${outOfOrder} 个搜索索引分片的页面与渲染顺序预计的不同（src/site/search-order.ts），这些分片在渲染后构建`);
    // Whatever else is in the index's folder (shards built from other lines, an earlier build's) goes.
    if (existsSync(searchDir)) for (const entry of readdirSync(searchDir)) if (!builtEarly.has(entry)) rmSync(join(searchDir, entry), { recursive: true, force: true });
    mkdirSync(searchDir, { recursive: true });
    const jobs: ShardJob[][] = Array.from({ length: workers }, () => []);
    const toBuild = shards.filter((s) => !builtEarly.has(s.name));
    toBuild.forEach((s, i) => jobs[i % workers]!.push(shardJob(s.name, s.pages, searchDir, tmp)));
    const built = await Promise.all(jobs.filter((j) => j.length).map((j) => runWorker(workerScript, { job: 'build', outDir, siteUrl, keys, shards: j })));
    const buildErrors = built.flatMap((r) => (r.ok ? [] : r.errors));
    if (buildErrors.length) fail(buildErrors);
    const builtShards = new Map([...builtEarly].map(([name, k]) => [name, k.built] as const));
    for (const r of built) if (r.ok && r.job === 'build') for (const b of r.shards) builtShards.set(b.name, b);
    /** Each shard's job: where its worker wrote its lines for the lookup tables. */
    const shardJobs = new Map([...builtEarly.values()].map((k) => [k.job.name, k.job] as const));
    for (const j of jobs.flat()) shardJobs.set(j.name, j);
    /** A shard's lines for a lookup table, written by its worker. */
    const lines = (shard: string, table: LookupTable) => (table === 'number' ? shardJobs.get(shard)!.numbersPath : shardJobs.get(shard)!.knownPath);
    const tBuild = performance.now();

    // 3. The lookup tables, each in a worker, while this process writes the routing table; then the manifest the search page starts from.
    const lookup = (table: LookupTable) => runWorker(workerScript, { job: 'table', searchDir, table, paths: shards.map((s) => lines(s.name, table)) });
    const tables = Promise.all([lookup('number'), lookup('known')]);
    const routes = buildRoutes(shards.map((s) => linesOf(shardJobs.get(s.name)!.tokensPath)));
    const out = new IndexFiles(searchDir);
    let routeBytes = 0;
    routes.forEach((text, n) => {
      out.write(`route/${n}.txt`, text);
      routeBytes += Buffer.byteLength(text);
    });
    const [numbers, known] = (await tables).map((r) => (r.ok && r.job === 'table' ? r.table : fail(r.ok ? [`查找表子进程的答复不是查找表（${r.job}）`] : r.errors)));
    const values = (list: PageRef[], f: (r: PageRef) => string) => [...new Set(list.map(f).filter(Boolean))].sort();
    const manifest: SearchManifest = {
      version: 2,
      build: contentTag([...shards.map((s) => builtShards.get(s.name)!.digest), out.digest(), numbers.digest, known.digest]),
      routeFiles: routes.length,
      numberFiles: numbers.files,
      knownFiles: known.files,
      shards: shards.map((s) => ({
        name: s.name,
        pages: s.pages.length,
        indexFiles: builtShards.get(s.name)!.indexFiles,
        from: s.pages.reduce((m, p) => (p.date && (!m || p.date < m) ? p.date : m), ''),
        to: s.pages.reduce((m, p) => (p.date > m ? p.date : m), ''),
        kind: values(s.pages, (p) => p.kind),
        region: values(s.pages, (p) => p.region),
        year: values(s.pages, (p) => p.date.slice(0, 4)),
        status: values(s.pages, (p) => (p.status ? statusFilterValue(p.kind, p.status) : '')),
      })),
    };
    writeFileSync(join(searchDir, 'search.json'), JSON.stringify(manifest));
    const t1 = performance.now();
    sampler?.stop();
    const cpu = process.cpuUsage(cpu0);
    const stats = {
      pagesScanned: pages.length,
      pagesIndexed: refs.length,
      skippedNoMarkup: skipped.noMeta,
      skippedNoindex: skipped.noindex,
      shards: shards.length,
      shardsBuiltWhileRendering: builtEarly.size,
      perShard,
      workers,
      routeKeys: routes.reduce((n, t) => n + t.split('\n').length - 1, 0),
      routeFiles: routes.length,
      routeBytes,
      numbers: numbers.keys,
      knownPhrases: known.keys,
      seconds: { extract: +((tExtract - t0) / 1000).toFixed(2), index: +((tBuild - tExtract) / 1000).toFixed(2), route: +((t1 - tBuild) / 1000).toFixed(2), total: +((t1 - t0) / 1000).toFixed(2) },
      ...(sampler
        ? {
            cpuSeconds: { main: +((cpu.user + cpu.system) / 1e6).toFixed(2), children: sampler.cpuSeconds(false) },
            peakRssBytes: { treeWithBuild: sampler.peakRss, indexingChildren: sampler.peakChildrenRss, byCommandAtPeak: sampler.peakByComm },
            loadavg: loadavg().map((x) => +x.toFixed(2)),
          }
        : {}),
    };
    if (statsPath) writeFileSync(statsPath, JSON.stringify(stats, null, 2));
    logger?.info(searchIndexLine(refs.length, shards.length, builtEarly.size, stats.seconds.total));
    const checked = [...read, ...built].flatMap((r) => (r.ok && r.job !== 'table' ? r.checked : []));
    for (const k of builtEarly.values()) checked.push(...k.checked);
    return { ...stats, indexed: new Set(refs.map((r) => r.url)) as ReadonlySet<string>, checked: new Set(checked) as ReadonlySet<string>, kept: read.flatMap((r) => [...keptPages(r.refs, r.facts)]) };
  } finally {
    sampler?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The index's cache tag: a digest of every file under the search folder (paths and bytes, as
 * they were written: the shards' by their workers, in shard order, then the routing table,
 * the number lookup and the known phrases), so the same pages give the same tag and
 * byte-identical builds, and any change a new one.
 */
function contentTag(digests: readonly string[]): string {
  return createHash('sha256').update(digests.join('\n')).digest('hex').slice(0, 16);
}
