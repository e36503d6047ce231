import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildSearchIndex } from '../../../src/integrations/search-index.ts';
import { ShardedSearch } from '../../../src/lib/search/engine.ts';
import type { SearchManifest } from '../../../src/lib/search/manifest.ts';
import { stateFromUrl } from '../../../src/lib/search/state.ts';
import { indexAndServe, WORKER, type ServedIndex } from '../support/search-index.ts';
import { tempDir } from '../support/temp-dir.ts';

const page = (body: string, head = '') => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body><header>导航</header><main>${body}</main></body></html>`;
const fields = (rows: [string, string][]) => `<dl>${rows.map(([l, v]) => `<dt data-search-ignore>${l}</dt><dd>${v}</dd>`).join('')}</dl>`;
const record = (kind: string, date: string, text: string, rows: [string, string][] = [], name = '') =>
  page(`<article data-search-body><div hidden data-search-meta data-kind="${kind}" data-title="${text}" data-region="泰山区" data-date="${date}" data-status="未修复"${name ? ` data-name="${name}"` : ''}></div><h1>${text}</h1>${fields(rows)}</article>`);

function site(files: Record<string, string>): string {
  const dir = tempDir('search-index-test-');
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

let dir = '';
let served: ServedIndex;

before(async () => {
  dir = site({
    'index.html': page('<p>首页 泰安市</p>'),
    'penalties/XZCF20260001/index.html': record('penalties', '2026-01-02', '泰安市某公司罚款', [['信息编号', 'XZCF20260001'], ['行政处罚决定书文号', '泰罚〔2026〕1号'], ['统一社会信用代码', '91370911MADJ45ED9Y'], ['备注', '关联 XZCF20250002']]),
    'penalties/XZCF20250002/index.html': record('penalties', '2025-03-04', '岱岳区某公司警告', [['信息编号', 'XZCF20250002']]),
    'penalties/w/index.html': page('<p>该信息已依法停止公示</p>', '<meta name="robots" content="noindex">'),
    'subjects/91370911MADJ45ED9Y/index.html': record('subjects', '', '泰安市人民政府', [['统一社会信用代码', '91370911MADJ45ED9Y']], '泰安市人民政府'),
  });
  served = await indexAndServe(dir, 1);
});

after(() => served?.close());

/** Runs a search the way the search page does, through every page of results. */
async function search(address: string) {
  served.fetched.length = 0;
  const started = await new ShardedSearch(`${dir}/search-index/`).start(stateFromUrl(address));
  assert.ok(started, address);
  const urls: string[] = [];
  for (let page = await started.cursor.next(); page.length; page = await started.cursor.next()) urls.push(...page.map((r) => r.url));
  // Shards whose index was opened (a shard's page table comes with its first search).
  const opened = served.fetched.filter((f) => f.endsWith('/pages.json.gz')).map((f) => f.split('/')[2]);
  return { urls, total: started.cursor.total, complete: started.cursor.complete, opened };
}

test('indexes marked pages into shards with routing, number lookup and search.json; skips the rest', () => {
  assert.equal(served.stats.pagesIndexed, 3);
  // Five pages read; the home page and the withheld one have no search markup.
  assert.deepEqual([served.stats.pagesScanned, served.stats.skippedNoMarkup, served.stats.skippedNoindex], [5, 2, 0]);
  assert.equal(served.stats.numbers, 4); // two 信息编号, one 文号, one credit code (the profile's)
  assert.equal(served.stats.knownPhrases, 2); // the profile's name and credit code
  const manifest = JSON.parse(readFileSync(join(dir, 'search-index/search.json'), 'utf8')) as SearchManifest;
  assert.deepEqual(manifest.shards.map((s) => [s.name, s.from, s.kind, s.indexFiles]), [['p', '', ['subjects'], 1], ['r0', '2026-01-02', ['penalties'], 1], ['r1', '2025-03-04', ['penalties'], 1]]);
  assert.deepEqual(manifest.shards[1]!.status, ['penalties:未修复']);
  // Each shard: its page table, one postings file, a card per page.
  for (const s of manifest.shards) assert.deepEqual(readdirSync(join(dir, 'search-index', s.name), { recursive: true }).sort(), ['card', 'card/0.json.gz', 'index', 'index/0.bin.gz', 'pages.json.gz'], s.name);
  const card = JSON.parse(gunzipSync(readFileSync(join(dir, 'search-index/r0/card/0.json.gz'))).toString('utf8'));
  assert.deepEqual(card, { url: '/penalties/XZCF20260001/', title: '泰安市某公司罚款', kind: 'penalties', region: '泰山区', date: '2026-01-02', status: '未修复', text: '泰安市某公司罚款\nXZCF20260001\n泰罚〔2026〕1号\n91370911MADJ45ED9Y\n关联 XZCF20250002' });
});

test('a query finds exactly the pages whose text holds it, profile first, opening only the shards that hold it', async () => {
  assert.deepEqual(await search('?q=泰安市'), { urls: ['/subjects/91370911MADJ45ED9Y/', '/penalties/XZCF20260001/'], total: 2, complete: true, opened: ['p', 'r0'] });
  assert.deepEqual(await search('?q=某公司&sort=date'), { urls: ['/penalties/XZCF20260001/', '/penalties/XZCF20250002/'], total: 2, complete: true, opened: ['r0', 'r1'] });
  assert.deepEqual(await search('?q=岱岳区 警告'), { urls: ['/penalties/XZCF20250002/'], total: 1, complete: true, opened: ['r1'] });
  assert.deepEqual(await search('?q=泰安市&kind=penalties'), { urls: ['/penalties/XZCF20260001/'], total: 1, complete: true, opened: ['r0'] });
  assert.deepEqual((await search('?q=人民政府罚款')).urls, []);
});

test("an agency's name is answered from the build's list of the pages that hold it: no routing file, no shard", async () => {
  const r = await search('?q=泰安市人民政府');
  assert.deepEqual(r, { urls: ['/subjects/91370911MADJ45ED9Y/'], total: 1, complete: true, opened: [] });
  assert.deepEqual(served.fetched.filter((f) => !f.endsWith('search.json')), ['/search-index/known/0.json']);
  // A part of the name is not a known phrase: the full-text search answers it.
  assert.deepEqual(await search('?q=安市人民政府'), { urls: ['/subjects/91370911MADJ45ED9Y/'], total: 1, complete: true, opened: ['p'] });
});

test("a page's own number shows it first, however it is pasted; a part of a number finds nothing", async () => {
  assert.deepEqual(await search('?q=泰罚[2026]1号'), { urls: ['/penalties/XZCF20260001/'], total: 1, complete: true, opened: ['r0'] });
  // The newer penalty mentions the older one's number: the older, whose number it is, comes first.
  assert.deepEqual(await search('?q=xzcf 20250002'), { urls: ['/penalties/XZCF20250002/', '/penalties/XZCF20260001/'], total: 2, complete: true, opened: ['r0', 'r1'] });
  // The credit code is on the penalty too, but it is the profile's own number. A credit code is a
  // known phrase: the build listed its pages, so no shard is opened.
  assert.deepEqual(await search('?q=91370911madj45ed9y'), { urls: ['/subjects/91370911MADJ45ED9Y/', '/penalties/XZCF20260001/'], total: 2, complete: true, opened: [] });
  assert.deepEqual(await search('?q=XZCF2026'), { urls: [], total: 0, complete: true, opened: [] });
});

test('a page that breaks the markup contract fails the index (and so the build)', { timeout: 120_000 }, async () => {
  const bad = site({ 'penalties/a/index.html': page('<div hidden data-search-meta data-kind="penalties" data-title="x"></div><p>正文</p>') });
  await assert.rejects(buildSearchIndex(bad, WORKER), /搜索索引构建失败.*data-search-body/s);
});

test("the index's cache tag is the same for the same pages, and changes when only a shard's file does", { timeout: 120_000 }, async () => {
  const penalty = (date: string) => ({ 'penalties/a/index.html': record('penalties', date, '泰安市某公司罚款') });
  // c differs from a only in the date: the shard's page table and card change, no table of the main process does.
  const dirs = [site(penalty('2026-01-02')), site(penalty('2026-01-02')), site(penalty('2026-01-03'))];
  const tags: string[] = [];
  for (const d of dirs) {
    await buildSearchIndex(d, WORKER);
    tags.push((JSON.parse(readFileSync(join(d, 'search-index/search.json'), 'utf8')) as SearchManifest).build);
  }
  assert.equal(tags[0], tags[1]);
  assert.notEqual(tags[0], tags[2]);
});

test("the pages the index's workers read have their safety file checks done as they are read: cleared only when nothing is left for the finished build", { timeout: 120_000 }, async () => {
  const d = site({
    'a/index.html': page('<p><a href="/b/">b</a> <a href="https://credit.taian.gov.cn/e/">e</a></p>'),
    'b/index.html': record('penalties', '2026-01-02', '泰安市某公司罚款').replace('</article>', '<a href="/missing/">无此页</a></article>'),
    'c/index.html': page('<p>联系电话 13912345678</p>'),
    'd/index.html': page('<p><a href="/search-index/search.json">索引</a></p>'),
    'e/index.html': page('<p><a href="https://other.example/">外站</a></p>'),
    'f/index.html': page('<p><img src="https://other.example/x.png" alt=""></p>'),
  });
  const index = await buildSearchIndex(d, WORKER, undefined, undefined, { siteUrl: 'https://credit.taian.gov.cn' });
  assert.equal(index.pagesIndexed, 1);
  // a: its links resolve (one written as the site's own absolute URL); e: a link followed to
  // another host is allowed. b links to no page, c shows a mobile number, f loads from another
  // host, and d links into the index, which is written after the pages are read.
  assert.deepEqual([...index.checked].filter((f) => f.endsWith('.html')).sort(), ['a/index.html', 'e/index.html']);
});

test('the index files the workers write are checked as written: cleared exactly when their text holds nothing for the finished build', { timeout: 120_000 }, async () => {
  const d = site({
    'a/index.html': record('penalties', '2026-01-02', '泰安市某公司罚款'),
    'b/index.html': record('penalties', '2025-01-01', '联系电话 13912345678'),
  });
  const index = await buildSearchIndex(d, WORKER);
  const written = readdirSync(join(d, 'search-index/r0'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.gz')).map((f) => `search-index/r0/${f}`);
  const holdsNumber = (f: string) => gunzipSync(readFileSync(join(d, f))).toString('utf8').includes('13912345678');
  // Card 0 is a's (the newest first), card 1 b's, which shows the mobile number.
  assert.ok(index.checked.has('search-index/r0/card/0.json.gz'));
  assert.ok(!index.checked.has('search-index/r0/card/1.json.gz'));
  assert.deepEqual(written.filter((f) => !index.checked.has(f)), written.filter(holdsNumber));
  // The tables the main process writes are left to the safety checks.
  assert.ok(!index.checked.has('search-index/search.json'));
});
