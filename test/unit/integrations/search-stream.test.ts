/**
 * The search index's shards built while Astro renders (search-stream.ts): in the order the
 * Astro process tells, from the pages as the reading thread extracts them; and the index after
 * Astro takes only those built from exactly its own page lines, so it comes out the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PageScanner, type EarlyReads } from '../../../src/integrations/page-scan.ts';
import { buildSearchIndex } from '../../../src/integrations/search-index.ts';
import { ShardStream } from '../../../src/integrations/search-stream.ts';
import { searchablesFirst, searchable, searchablePages, searchOrder, type SearchOrder } from '../../../src/site/search-order.ts';
import { WORKER } from '../support/search-index.ts';
import { tempDir, tempFile } from '../support/temp-dir.ts';

const SITE = 'https://credit.example.gov.cn';

const page = (body: string) => `<!doctype html><html><head></head><body><main>${body}</main></body></html>`;
const penalty = (id: string, date: string, text: string) =>
  page(`<article data-search-body><div hidden data-search-meta data-kind="penalties" data-title="${text}" data-region="泰山区" data-date="${date}" data-status="未修复"></div><h1>${text}</h1><dl><dt>信息编号</dt><dd>${id}</dd></dl></article>`);
const profile = (name: string) => page(`<section data-search-body><div hidden data-search-meta data-kind="subjects" data-title="${name}信用画像" data-region="泰山区" data-name="${name}"></div><h1>${name}</h1></section>`);

/** Two profiles and nine penalties (the names recur in the penalties' text: the known phrases have pages). */
const NAMES = ['泰安市第一建筑公司', '泰安市第二运输公司'];
function files(): Record<string, string> {
  const f: Record<string, string> = { 'index.html': page('<p>首页</p>') };
  NAMES.forEach((name, i) => (f[`subjects/9137090000000000${i}X/index.html`] = profile(name)));
  for (let i = 1; i <= 9; i++) f[`penalties/XZCF2026000${i}/index.html`] = penalty(`XZCF2026000${i}`, `2026-0${i}-0${i}`, `${NAMES[i % 2]}第${i}次罚款`);
  return f;
}
/** Worked out by hand: the profiles by URL; the penalties newest first (2026-09-09 first); 4 a shard. */
const ORDER: SearchOrder = {
  type: 'portal-search-order',
  profiles: ['/subjects/91370900000000000X/', '/subjects/91370900000000001X/'],
  records: [9, 8, 7, 6, 5, 4, 3, 2, 1].map((i) => `/penalties/XZCF2026000${i}/`),
  siteUrl: SITE,
};
const rel = (url: string) => `${url.slice(1)}index.html`;

const write = (dir: string, f: Record<string, string>) => {
  for (const [path, body] of Object.entries(f)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
};
const tree = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name)).toString('base64')]),
  );

/**
 * Reads `batches` of files in turn, as the build command does while Astro renders, with a
 * stream of shards fed by what is read; then, if `rewrite`, changes a page read (Astro's write
 * was still under way), and builds the index as the steps after Astro do.
 */
async function streamedIndex(dir: string, batches: string[][], rewrite?: string) {
  const scanner = new PageScanner(dir, tempFile('portal-stream-lines-', 'extraction.jsonl'), 32, SITE);
  const tmp = tempDir('portal-stream-tmp-');
  const stream = new ShardStream(ORDER, 4, { outDir: dir, searchDir: join(dir, 'search-index'), tmp, workerScript: WORKER });
  scanner.onExtracted = (refs) => stream.add(refs);
  for (const batch of batches) {
    scanner.add(batch);
    await scanner.settled();
    await stream.settled();
  }
  if (rewrite) writeFileSync(join(dir, rewrite), readFileSync(join(dir, rewrite), 'utf8').replace('罚款', '罚款。'));
  const reads = (await scanner.finish()) as EarlyReads;
  const streamed = await stream.finish();
  const messages: string[] = [];
  const stats = await buildSearchIndex(dir, WORKER, { info: (m) => messages.push(m) }, reads.extraction, { siteUrl: SITE, streamed });
  return { stats, messages, built: [...streamed.shards.keys()] };
}

/** Runs `check` with two empty output folders (one indexed after Astro, one with shards built during it), 4 pages a shard. */
async function withSites(check: (after: string, during: string) => Promise<void>): Promise<void> {
  process.env.PORTAL_SEARCH_PER_SHARD = '4';
  const after = tempDir('portal-stream-');
  const during = tempDir('portal-stream-');
  try {
    await check(after, during);
  } finally {
    delete process.env.PORTAL_SEARCH_PER_SHARD;
  }
}

test('shards built while Astro renders: each once its pages are read and the profiles give the keys; the index is the same, byte for byte', async () =>
  withSites(async (after, during) => {
    write(after, files());
    write(during, files());
    // Shards by hand: p (2 profiles), r0 (penalties 9–6), r1 (5–2), r2 (1).
    const { stats, messages, built } = await streamedIndex(during, [
      // r0 complete, but no shard may be built before the profiles' keys are known.
      ORDER.records.slice(0, 4).map(rel),
      // The profiles: p, then r0. r1 lacks penalty 2.
      [...ORDER.profiles.map(rel), 'index.html', ...ORDER.records.slice(4, 7).map(rel)],
      // r1 complete. r2 (penalty 1) is left to the index's workers after Astro.
      [rel(ORDER.records[7]!)],
    ]);
    assert.deepEqual(built, ['p', 'r0', 'r1']);
    assert.equal(stats.shardsBuiltWhileRendering, 3);
    assert.equal(stats.pagesIndexed, 11);
    assert.deepEqual(messages.filter((m) => m.startsWith('注意')), []);
    await buildSearchIndex(after, WORKER, undefined, undefined, { siteUrl: SITE });
    const a = tree(join(after, 'search-index'));
    assert.ok(Object.keys(a).length > 10);
    assert.deepEqual(tree(join(during, 'search-index')), a);
  }));

test('a shard built from a page that changed after it was read is built again after Astro, and the index is the same', async () =>
  withSites(async (after, during) => {
    write(during, files());
    // Every page read, every shard built while "rendering"; then penalty 7 (in r0) changes.
    const { stats, built } = await streamedIndex(during, [[...ORDER.profiles, ...ORDER.records].map(rel)], rel(ORDER.records[2]!));
    assert.deepEqual(built, ['p', 'r0', 'r1', 'r2']);
    assert.equal(stats.shardsBuiltWhileRendering, 3);
    // The index after is built from the pages as they now are.
    write(after, files());
    writeFileSync(join(after, rel(ORDER.records[2]!)), readFileSync(join(during, rel(ORDER.records[2]!))));
    await buildSearchIndex(after, WORKER, undefined, undefined, { siteUrl: SITE });
    assert.deepEqual(tree(join(during, 'search-index')), tree(join(after, 'search-index')));
  }));

test('pages rendered in another order than the plan are noted, and their shards built after Astro', async () =>
  withSites(async (_after, during) => {
    write(during, files());
    // Penalty 1 dated newest: the plan puts it first, the order foresaw it last.
    writeFileSync(join(during, rel(ORDER.records[8]!)), penalty('XZCF20260001', '2026-12-01', `${NAMES[1]}第1次罚款`));
    const { stats, messages } = await streamedIndex(during, [[...ORDER.profiles, ...ORDER.records].map(rel)]);
    // Planned by hand: r0 = 1, 9, 8, 7; r1 = 6, 5, 4, 3; r2 = 2. Only p is as foreseen.
    assert.equal(stats.shardsBuiltWhileRendering, 1);
    assert.deepEqual(messages.filter((m) => m.startsWith('注意')), ['注意：3 个搜索索引分片的页面与渲染顺序预计的不同（src/site/search-order.ts），这些分片在渲染后构建']);
  }));

test('the render order: the searchable pages first, in shard order, the rest in Astro order', () => {
  searchable({ url: '/penalties/B/', kind: 'penalties', date: '2026-01-02' });
  searchable({ url: '/subjects/Z/', kind: 'subjects', date: '' });
  searchable({ url: '/commitments/A/', kind: 'commitments', date: '2026-01-02' });
  searchable({ url: '/cases/c/', kind: 'cases', date: '2026-03-01' });
  searchable({ url: '/subjects/Y/', kind: 'subjects', date: '' });
  assert.equal(searchablePages().length, 5);
  // By hand: profiles by URL (Y, Z); then newest first (the case), ties by URL descending (penalties before commitments).
  const order = searchOrder(SITE);
  assert.deepEqual(order.profiles, ['/subjects/Y/', '/subjects/Z/']);
  assert.deepEqual(order.records, ['/cases/c/', '/penalties/B/', '/commitments/A/']);
  const paths = ['/', '/commitments/A/', '/commitments/page/2/', '/penalties/B/', '/subjects/', '/subjects/Y/', '/subjects/Z/', '/cases/c/', '/404/'].map((pathname) => ({ pathname }));
  assert.deepEqual(
    searchablesFirst(paths, order).map((p) => p.pathname),
    ['/subjects/Y/', '/subjects/Z/', '/cases/c/', '/penalties/B/', '/commitments/A/', '/', '/commitments/page/2/', '/subjects/', '/404/'],
  );
});

test('a shard worker that dies is reported, and the index after Astro builds every shard itself, the same', async () =>
  withSites(async (after, during) => {
    const dying = tempFile('portal-stream-dying-', 'dying.mjs');
    write(after, files());
    write(during, files());
    // A worker that exits as soon as it starts, before any job (a crash).
    writeFileSync(dying, 'process.exit(3);\n');
    const scanner = new PageScanner(during, tempFile('portal-stream-lines-', 'extraction.jsonl'), 32, SITE);
    const tmp = tempDir('portal-stream-tmp-');
    const stream = new ShardStream(ORDER, 4, { outDir: during, searchDir: join(during, 'search-index'), tmp, workerScript: dying });
    scanner.onExtracted = (refs) => stream.add(refs);
    scanner.add([...ORDER.profiles, ...ORDER.records].map(rel));
    await scanner.settled();
    await stream.settled();
    const reads = (await scanner.finish()) as EarlyReads;
    const streamed = await stream.finish();
    assert.match(streamed.failed ?? '', /搜索索引线程异常退出/);
    assert.equal(streamed.shards.size, 0);
    const stats = await buildSearchIndex(during, WORKER, undefined, reads.extraction, { siteUrl: SITE, streamed });
    assert.equal(stats.shardsBuiltWhileRendering, 0);
    await buildSearchIndex(after, WORKER, undefined, undefined, { siteUrl: SITE });
    assert.deepEqual(tree(join(during, 'search-index')), tree(join(after, 'search-index')));
  }));
