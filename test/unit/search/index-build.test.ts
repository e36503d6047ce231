import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { buildSearchIndex } from '../../../src/integrations/search-index.ts';
import type { SearchManifest } from '../../../src/lib/search/manifest.ts';

const WORKER = resolve(import.meta.dirname, '../../../src/integrations/search-index-worker.ts');
const page = (body: string, head = '') => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body><header>导航</header><main>${body}</main></body></html>`;
const record = (kind: string, date: string, text: string) =>
  page(`<article data-search-body><div hidden data-search-meta data-kind="${kind}" data-title="${text}" data-region="泰山区" data-date="${date}" data-status="未修复"></div><h1>${text}</h1></article>`);

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-test-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

test('indexes marked pages into shards with routing and search.json; skips the rest', { timeout: 120_000 }, async () => {
  const dir = site({
    'index.html': page('<p>首页 泰安市</p>'),
    'penalties/a/index.html': record('penalties', '2026-01-02', '泰安市某公司罚款'),
    'penalties/b/index.html': record('penalties', '2025-03-04', '岱岳区某公司警告'),
    'penalties/w/index.html': page('<p>该信息已依法停止公示</p>', '<meta name="robots" content="noindex">'),
    'subjects/x/index.html': record('subjects', '', '泰安市人民政府'),
  });
  try {
    process.env.PORTAL_SEARCH_PER_SHARD = '1';
    const stats = await buildSearchIndex(dir, WORKER);
    assert.equal(stats.pagesIndexed, 3);
    const manifest = JSON.parse(readFileSync(join(dir, 'pagefind/search.json'), 'utf8')) as SearchManifest;
    assert.deepEqual(manifest.shards.map((s) => [s.name, s.from, s.kind]), [['p', '', ['subjects']], ['r0', '2026-01-02', ['penalties']], ['r1', '2025-03-04', ['penalties']]]);
    assert.deepEqual(manifest.shards[1]!.status, ['penalties:未修复']);
    for (const s of manifest.shards) assert.ok(existsSync(join(dir, 'pagefind', s.name, 'pagefind.js')));
    assert.ok(!existsSync(join(dir, 'pagefind/r0/pagefind-ui.js')), 'Pagefind UI files are not published');
    assert.ok(manifest.routeBuckets.length > 0);
  } finally {
    delete process.env.PORTAL_SEARCH_PER_SHARD;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page that breaks the markup contract fails the index (and so the build)', { timeout: 120_000 }, async () => {
  const dir = site({ 'penalties/a/index.html': page('<div hidden data-search-meta data-kind="penalties" data-title="x"></div><p>正文</p>') });
  try {
    await assert.rejects(buildSearchIndex(dir, WORKER), /搜索索引构建失败.*data-search-body/s);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
