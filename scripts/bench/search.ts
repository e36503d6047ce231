/**
 * npm run bench:search [-- --records 20000,100000 --kinds commitments --runs 3 --skip-build]
 *
 * For each size: writes a synthetic export (bench-out/, reused when present), builds the real
 * site with the search index (unless --skip-build: then the site built before is searched,
 * and no build figure is reported, since none was measured), and measures every query of
 * QUERIES in chromium the way a citizen on a phone meets it: a new browser context per query
 * (empty cache), network emulation through the DevTools protocol (10 Mbit/s down, 40 ms
 * latency), /search/ loaded, the query pasted into the box and Enter pressed. Reported per
 * query (median of --runs): time from Enter to the first ten results or the answer that
 * nothing matches, bytes and requests from the page load on (everything the search
 * fetched), and the count shown. The truth is the pages' own text (read from the built pages
 * with the indexer's extractor): the count must be exact (共找到 N 条) when N ≤ 1,000, and
 * then every result is loaded (加载更多 to the end) and compared with the truth: recall and
 * precision 1.0.
 * Targets (issue 11): ≤ 1.0 s, ≤ 500 KB, ≤ 40 requests for every query; indexing (issue 6,
 * the README): < 180 s and peak memory < 4 GB at 100,000 records. Exits 1 when a target is
 * missed, 2 on bad arguments.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { TreeSampler } from '../../src/integrations/process-tree.ts';
import { buildCommand } from '../../src/lib/release/build-command.ts';
import { extractPage } from '../../src/lib/search/extract.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/e2e/support/browser.ts';
import { htmlFiles, urlPathOf } from '../../test/e2e/support/site.ts';
import { serveStatic } from '../lib/static-server.ts';
import { SEARCH_DIR } from '../../src/lib/search/shards.ts';

/**
 * The query set: agency names with many, few and no records, 2–8-character phrases, common
 * words and numbers. Names are the synthetic generator's (scripts/lib/synthetic.ts); the
 * class is checked against the truth of each run and printed with it.
 */
const QUERIES: readonly { q: string; what: string }[] = [
  { q: '泰安市人民政府', what: 'agency, many records' },
  { q: '泰安市文化和旅游局', what: 'agency, many records' },
  { q: '新泰市岱麓供水有限公司', what: 'agency, few records' },
  { q: '泰安市岱岳区第二十八小学', what: 'agency, few records' },
  { q: '宁阳县卫生健康第30分局', what: 'agency, no records' },
  { q: '东平县民政服务中心', what: 'agency, no records' },
  { q: '按时办结率', what: 'phrase' },
  { q: '限时办结制度', what: 'phrase' },
  { q: '首问负责', what: 'phrase' },
  { q: '优化营商环境', what: 'phrase' },
  { q: '不推诿不拖延', what: 'phrase, no match' },
  { q: '承诺', what: 'common word' },
  { q: '政务诚信', what: 'common word' },
  { q: 'CN2026000011', what: 'number (信息编号)' },
  { q: '11370900007531656U', what: 'number (credit code)' },
  { q: 'CN202600001', what: 'part of a number' },
];

const TARGET = { ms: 1000, bytes: 500 * 1024, requests: 40, exactUpTo: 1000, indexSeconds: 180, indexPeak: 4 * 2 ** 30 };
/** The phone network of the target, for Network.emulateNetworkConditions (bytes per second). */
const PHONE = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 };

function usage(message: string): never {
  console.error(`bench:search: ${message}\nusage: npm run bench:search -- [--records 20000,100000] [--kinds commitments|mixed] [--runs 3] [--skip-build]`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      records: { type: 'string', default: '20000,100000' },
      kinds: { type: 'string', default: 'commitments' },
      runs: { type: 'string', default: '3' },
      'skip-build': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}
try {
  args = parse();
} catch (e) {
  usage((e as Error).message);
}
const sizes = args.values.records.split(',').map(Number);
if (!sizes.every((n) => Number.isInteger(n) && n > 0)) usage(`--records must be positive whole numbers, got ${args.values.records}`);
const kinds = args.values.kinds;
if (kinds !== 'commitments' && kinds !== 'mixed') usage(`--kinds must be commitments or mixed, got ${kinds}`);
const runs = Number(args.values.runs);
if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a positive whole number, got ${args.values.runs}`);
const skipBuild = args.values['skip-build'];

const node = process.execPath;
const GB = 2 ** 30;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const misses: string[] = [];
/** Records a missed target; returns the verdict word. */
const miss = (what: string) => {
  misses.push(what);
  return '未达标';
};

/** Builds the site of one size; returns the build's own figures. */
async function build(records: number, exportDir: string, outDir: string) {
  const statsPath = resolve('bench-out', `search-stats-${kinds}-${records}.json`);
  rmSync(statsPath, { force: true });
  if (existsSync(outDir)) renameSync(outDir, `${outDir}.old-${Date.now()}`); // deleting 100k files is slow: move aside
  console.log(`构建站点 → ${outDir}`);
  const t0 = performance.now();
  const [command, ...args] = buildCommand(process.cwd());
  const child = spawn(command!, args, {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PORTAL_EXPORT: exportDir, PORTAL_AS_OF: '2026-11-28', PORTAL_OUT_DIR: outDir, PORTAL_REPORT: resolve('bench-out', `search-build-report-${kinds}-${records}.json`), PORTAL_SEARCH_STATS: statsPath },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const sampler = new TreeSampler(child.pid!).start(500);
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  sampler.stop();
  if (code !== 0) throw new Error(`the build failed (exit ${code})`);
  return { wall: (performance.now() - t0) / 1000, peak: sampler.peakRss, stats: JSON.parse(readFileSync(statsPath, 'utf8')) };
}

/** The pages' own text, as the index reads it, and which pages hold a query. */
function readTruth(outDir: string) {
  const pages: { url: string; blocks: string[] }[] = [];
  for (const file of htmlFiles(outDir)) {
    if (file.startsWith(join(outDir, SEARCH_DIR) + sep)) continue;
    const r = extractPage(readFileSync(file, 'utf8'), urlPathOf(outDir, file));
    if ('page' in r) pages.push({ url: r.page.url, blocks: r.page.blocks.map((b) => b.normalize('NFKC').toLowerCase()) });
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** A word of the query is in one block; a number or Latin end must not run on into more letters or digits. */
  const holds = (query: string) => {
    const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).map((w) => new RegExp(`${/^[0-9a-z]/.test(w) ? '(?<![0-9a-z])' : ''}${escape(w)}${/[0-9a-z]$/.test(w) ? '(?![0-9a-z])' : ''}`));
    return pages.filter((p) => words.every((w) => p.blocks.some((b) => w.test(b)))).map((p) => p.url);
  };
  return { pages: pages.length, holds };
}

interface QueryRun {
  ms: number;
  bytes: number;
  requests: number;
  shown: number;
  status: string;
}

async function measureSize(browser: Browser, records: number) {
  const exportDir = resolve('bench-out', `search-${kinds}-${records}`);
  const outDir = resolve('bench-out', `search-site-${kinds}-${records}`);
  if (!existsSync(join(exportDir, 'manifest.json'))) {
    console.log(`生成合成导出：${records} 条记录（${kinds}）→ ${exportDir}`);
    execFileSync(node, ['scripts/bench/synthetic-export.ts', '--out', exportDir, '--records', String(records), '--kinds', kinds], { stdio: 'inherit' });
  }
  let built: Awaited<ReturnType<typeof build>> | undefined;
  if (!skipBuild) built = await build(records, exportDir, outDir);
  else if (!existsSync(join(outDir, SEARCH_DIR, 'search.json'))) usage(`--skip-build, but there is no built site at ${outDir}`);

  const t0 = performance.now();
  const truth = readTruth(outDir);
  console.log(`truth: ${truth.pages} searchable pages read in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  // Bytes are counted where they are sent (a counting static server); files are sent
  // uncompressed (the shard indexes are compressed already; JSON and text are not).
  let sent = 0;
  let requests = 0;
  const server = await serveStatic(outDir, {
    onResponse: (n) => {
      sent += n;
      requests++;
    },
  });
  const cold = async (query: string): Promise<QueryRun> => {
    const context = await browser.newContext(); // empty cache
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', PHONE);
    await page.goto(`${server.origin}/search/`);
    sent = 0; // from here on: what the search costs
    requests = 0;
    await page.locator('#search-q').fill(query); // focus: the page gets ready (its script)
    const ms = await page.evaluate(async () => {
      const list = document.getElementById('search-results')!;
      const status = document.getElementById('search-status')!;
      const done = () => !/^(|正在搜索…)$/.test(status.textContent ?? '') && (list.children.length > 0 || /没有找到/.test(status.textContent ?? ''));
      const t = performance.now();
      const shown = new Promise<number>((ok) => new MutationObserver(() => done() && ok(performance.now())).observe(document.body, { childList: true, subtree: true, characterData: true }));
      (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
      return (await shown) - t;
    });
    await page.waitForTimeout(500); // let the last responses finish counting
    const run = { ms, bytes: sent, requests, shown: await page.locator('#search-results > li').count(), status: (await page.locator('#search-status').textContent()) ?? '' };
    await context.close();
    return run;
  };
  /** Every result URL, loading to the end (no emulation: this checks what is found, not speed). */
  const everything = async (query: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => !/^(|正在搜索…)$/.test(document.getElementById('search-status')?.textContent ?? ''));
    const more = page.locator('#search-more');
    while (await more.isVisible()) {
      const n = await page.locator('#search-results > li').count();
      await more.click();
      await page.waitForFunction((k) => document.querySelectorAll('#search-results > li').length > k || document.getElementById('search-more')!.hidden, n);
    }
    const urls = await page.locator('#search-results > li h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    await context.close();
    return urls;
  };

  const rows: string[] = [];
  for (const { q, what } of QUERIES) {
    const want = truth.holds(q);
    const got: QueryRun[] = [];
    for (let i = 0; i < runs; i++) got.push(await cold(q));
    const ms = median(got.map((r) => r.ms));
    const bytes = median(got.map((r) => r.bytes));
    const reqs = median(got.map((r) => r.requests));
    const status = got[0]!.status;
    const failed: string[] = [];
    const check = (ok: boolean, target: string, detail: string) => {
      if (ok) return;
      failed.push(target);
      miss(`${records} ${q}: ${detail}`);
    };
    check(ms <= TARGET.ms, 'time', `${ms.toFixed(0)} ms > ${TARGET.ms} ms`);
    check(bytes <= TARGET.bytes, 'bytes', `${kb(bytes)} > ${kb(TARGET.bytes)}`);
    check(reqs <= TARGET.requests, 'requests', `${reqs} requests > ${TARGET.requests}`);
    if (want.length <= TARGET.exactUpTo) {
      const expected = want.length ? `共找到 ${want.length} 条结果` : '没有找到';
      check(got.every((r) => r.status.startsWith(expected)), 'count', `shows "${status}", the pages hold it ${want.length} times`);
      if (want.length) {
        const urls = await everything(q);
        const found = new Set(urls);
        const hits = want.filter((u) => found.has(u)).length;
        check(hits === want.length && urls.length === want.length, 'recall', `recall ${(hits / want.length).toFixed(3)}, precision ${(hits / Math.max(1, urls.length)).toFixed(3)}`);
      }
    }
    rows.push(`| ${q} | ${what} | ${want.length} | ${ms.toFixed(0)} (${got.map((r) => r.ms.toFixed(0)).join('/')}) | ${kb(bytes)} | ${reqs} | ${status.replace(/，显示.*$/, '').replace(/（.*）/, '')} | ${failed.length ? `未达标: ${failed.join(', ')}` : '达标'} |`);
  }
  await server.close();

  console.log(`\nbench:search — ${records} records (${kinds} synthetic export), ${truth.pages} searchable pages, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  if (built) {
    const { stats } = built;
    const cpu = stats.cpuSeconds.main + stats.cpuSeconds.children.total;
    const peak = stats.peakRssBytes.treeWithBuild;
    console.log(`index: ${stats.pagesIndexed} pages, ${stats.shards} shards of ≤ ${stats.perShard}; routing ${stats.routeKeys} keys in ${stats.routeFiles} files, ${(stats.routeBytes / 1e6).toFixed(1)} MB; ${stats.numbers} numbers in the lookup; ${stats.knownPhrases} known phrases (names and credit codes)`);
    console.log(`indexing: ${stats.seconds.total.toFixed(1)} s wall (extract ${stats.seconds.extract} s, shard indexes ${stats.seconds.index} s, routing and lookup ${stats.seconds.route} s), ${cpu.toFixed(1)} CPU s — ${records >= 100_000 && stats.seconds.total >= TARGET.indexSeconds ? miss(`${records}: indexing ${stats.seconds.total} s`) : '达标'}`);
    console.log(`indexing peak memory (whole build tree): ${(peak / GB).toFixed(2)} GB (index workers ${(stats.peakRssBytes.indexingChildren / GB).toFixed(2)} GB) — ${peak >= TARGET.indexPeak ? miss(`${records}: peak ${(peak / GB).toFixed(2)} GB`) : '达标'}`);
    console.log(`whole build: ${built.wall.toFixed(1)} s wall, peak ${(built.peak / GB).toFixed(2)} GB`);
  } else console.log('build and indexing: not measured (--skip-build; the site built before was searched)');
  console.log(`cold queries, phone network (10 Mbit/s, 40 ms), median of ${runs}:\n`);
  console.log('| query | class | pages holding it | ms to first ten (runs) | transferred | requests | count shown | verdict |\n|---|---|---|---|---|---|---|---|');
  console.log(rows.join('\n'));
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  for (const records of sizes) await measureSize(browser, records);
} finally {
  await browser.close();
}
console.log(misses.length ? `\n未达标 (${misses.length}):\n  ${misses.join('\n  ')}` : '\n全部达标');
process.exitCode = misses.length ? 1 : 0;
