/**
 * npm run bench:search [-- --records 100000 --skip-build]
 *
 * Builds the real site from a mixed synthetic export (generated under bench-out/ and reused
 * when present) with the search index, then measures the search in chromium.
 * Reports: pages indexed; indexing wall and CPU seconds; peak memory of the indexing (the
 * whole process tree: the Astro build process, the index workers and their Pagefind
 * binaries); the whole build's wall time; and for common queries, time to the first page of
 * results and the bytes transferred for it, from a cold browser cache.
 * Targets: 100,000 records indexed in < 3 min with peak < 4 GB; a common query's first page
 * in < 300 ms and < 500 KB.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { TreeSampler } from '../../src/integrations/process-tree.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/e2e/support/browser.ts';
import { serveStatic } from '../lib/static-server.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    'skip-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
});
const records = Number(values.records);
const exportDir = resolve('bench-out', `search-${records}`);
const outDir = resolve('bench-out', `search-site-${records}`);
const statsPath = resolve('bench-out', `search-stats-${records}.json`);
const node = process.execPath;
const GB = 2 ** 30;
const QUERIES = ['市场监督管理局', '安全生产', '履职尽责', '泰山区人民法院', '粥店街道'];

if (!existsSync(join(exportDir, 'manifest.json'))) {
  console.log(`生成合成导出：${records} 条记录（mixed）→ ${exportDir}`);
  execFileSync(node, ['scripts/bench/synthetic-export.ts', '--out', exportDir, '--records', String(records), '--kinds', 'mixed'], { stdio: 'inherit' });
}

let buildWall = NaN;
let buildPeak = 0;
if (!values['skip-build']) {
  if (existsSync(outDir)) renameSync(outDir, `${outDir}.old-${Date.now()}`); // deleting 100k files is slow: move aside
  console.log(`构建站点 → ${outDir}`);
  const t0 = performance.now();
  const child = spawn(node, ['node_modules/.bin/astro', 'build'], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      PORTAL_EXPORT: exportDir,
      PORTAL_AS_OF: '2026-11-28',
      PORTAL_OUT_DIR: outDir,
      PORTAL_REPORT: resolve('bench-out', `search-build-report-${records}.json`),
      PORTAL_SEARCH_STATS: statsPath,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const sampler = new TreeSampler(child.pid!).start(500);
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  sampler.stop();
  buildWall = (performance.now() - t0) / 1000;
  buildPeak = sampler.peakRss;
  if (code !== 0) throw new Error(`astro build failed (exit ${code})`);
}

const stats = JSON.parse(readFileSync(statsPath, 'utf8'));
const indexCpu = stats.cpuSeconds.main + stats.cpuSeconds.children.total;
const indexPeak = stats.peakRssBytes.treeWithBuild;

// ---- the browser ----
// Bytes are counted where they are sent (a counting static server), so requests made by
// Pagefind's Web Worker count too; files are sent uncompressed (Pagefind's own files are
// compressed already).
let sent = 0;
let requests = 0;
const server = await serveStatic(outDir, {
  onResponse: (n) => {
    sent += n;
    requests++;
  },
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
interface QueryRun {
  ms: number;
  bytes: number;
  requests: number;
  results: number;
  status: string;
}
const resultsShown = () =>
  new Promise<number>((ok) => {
    const list = document.getElementById('search-results')!;
    const status = document.getElementById('search-status')!;
    const done = () => status.textContent !== '' && status.textContent !== '正在搜索…' && (list.children.length > 0 || /没有找到/.test(status.textContent ?? ''));
    if (done()) ok(performance.now());
    new MutationObserver(() => {
      if (done()) ok(performance.now());
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
/**
 * typed: the visitor opens /search/, focuses the box (the page gets ready), types the query
 * (about 5 characters a second) and presses Enter: time from Enter to the first page shown;
 * bytes of everything the search loads (while typing and after Enter), not the page itself. link: a shared link /search/?q=…: time from navigation start, bytes
 * of everything (page, script, style, search) — the cold case.
 */
async function measure(query: string, mode: 'typed' | 'link'): Promise<QueryRun> {
  const context = await browser.newContext(); // cold cache
  const page = await context.newPage();
  let ms: number;
  if (mode === 'typed') {
    await page.goto(`${server.origin}/search/`);
    sent = 0; // from here on: what the search costs (getting ready while typing, then the query)
    requests = 0;
    await page.locator('#search-q').focus();
    await page.keyboard.type(query, { delay: 200 });
    ms = await page.evaluate(async () => {
      const t0 = performance.now();
      const shown = new Promise<number>((ok) => {
        const list = document.getElementById('search-results')!;
        const status = document.getElementById('search-status')!;
        new MutationObserver(() => {
          if (status.textContent !== '' && status.textContent !== '正在搜索…' && (list.children.length > 0 || /没有找到/.test(status.textContent ?? ''))) ok(performance.now());
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
      return (await shown) - t0;
    });
  } else {
    sent = 0;
    requests = 0;
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    ms = await page.evaluate(resultsShown); // performance.now() counts from navigation start
  }
  await page.waitForTimeout(300); // let the last responses finish counting
  const bytes = sent;
  const n = requests;
  const results = await page.locator('#search-results > li').count();
  const status = (await page.locator('#search-status').textContent()) ?? '';
  await context.close();
  return { ms, bytes, requests: n, results, status };
}
const runs = Number(values.runs);
const perQuery: { query: string; typed: QueryRun[]; link: QueryRun[] }[] = [];
for (const query of QUERIES) {
  const typed: QueryRun[] = [];
  const link: QueryRun[] = [];
  for (let i = 0; i < runs; i++) {
    typed.push(await measure(query, 'typed'));
    link.push(await measure(query, 'link'));
  }
  perQuery.push({ query, typed, link });
}
await browser.close();
await server.close();

// ---- report ----
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`\nbench:search — ${records} records (mixed synthetic export), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`pages indexed: ${stats.pagesIndexed} of ${stats.pagesScanned} built pages (${stats.skippedNoMarkup} without search markup, ${stats.skippedNoindex} noindex); ${stats.shards} shards of ≤ ${stats.perShard}, ${stats.workers} workers; routing ${stats.routeTokens} tokens, ${(stats.routeBytes / 1e6).toFixed(1)} MB`);
console.log(`indexing: ${stats.seconds.total.toFixed(1)} s wall (extract ${stats.seconds.extract} s, Pagefind ${stats.seconds.build} s, routing ${stats.seconds.route} s); CPU ${indexCpu.toFixed(1)} s (build process ${stats.cpuSeconds.main} s, children ${JSON.stringify(stats.cpuSeconds.children.byComm)}); load average at end ${stats.loadavg.join(' ')}`);
console.log(`indexing peak memory: ${(indexPeak / GB).toFixed(2)} GB for the whole tree incl. the Astro build process (${(stats.peakRssBytes.indexingChildren / GB).toFixed(2)} GB in the index workers and Pagefind)`);
if (!values['skip-build']) console.log(`whole build: ${buildWall.toFixed(1)} s wall, peak ${(buildPeak / GB).toFixed(2)} GB (process tree)`);
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
for (const { query, typed, link } of perQuery) {
  console.log(`query ${query}: typed → first page ${typed.map((r) => r.ms.toFixed(0)).join('/')} ms (median ${median(typed.map((r) => r.ms)).toFixed(0)}), ${kb(median(typed.map((r) => r.bytes)))} in ${median(typed.map((r) => r.requests))} requests; shared link (cold, whole page) ${median(link.map((r) => r.ms)).toFixed(0)} ms, ${kb(median(link.map((r) => r.bytes)))} — ${typed[0]!.results} shown, ${typed[0]!.status}`);
}
const worstMs = Math.max(...perQuery.map((q) => median(q.typed.map((r) => r.ms))));
const worstBytes = Math.max(...perQuery.map((q) => median(q.typed.map((r) => r.bytes))));
const worstLinkMs = Math.max(...perQuery.map((q) => median(q.link.map((r) => r.ms))));
const worstLinkBytes = Math.max(...perQuery.map((q) => median(q.link.map((r) => r.bytes))));
const verdict = (ok: boolean) => (ok ? '达标' : '未达标');
console.log(`\nverdict:`);
console.log(`  index ${stats.pagesIndexed} pages in < 180 s: ${stats.seconds.total.toFixed(1)} s wall, ${indexCpu.toFixed(1)} CPU s — ${verdict(stats.seconds.total < 180)}${stats.seconds.total >= 180 && indexCpu / 2 < 180 ? `（CPU 秒数 / 2 核 = ${(indexCpu / 2).toFixed(0)} s，墙钟受机器负载影响）` : ''}`);
console.log(`  indexing peak memory < 4 GB: ${(indexPeak / GB).toFixed(2)} GB — ${verdict(indexPeak < 4 * GB)}`);
console.log(`  first page of a common query < 300 ms (typed, worst median): ${worstMs.toFixed(0)} ms — ${verdict(worstMs < 300)}`);
console.log(`  first page < 500 KB transferred (worst median): ${(worstBytes / 1024).toFixed(0)} KB — ${verdict(worstBytes < 500 * 1024)}`);
console.log(`  (shared link, cold, incl. the page itself: worst median ${worstLinkMs.toFixed(0)} ms, ${(worstLinkBytes / 1024).toFixed(0)} KB)`);
