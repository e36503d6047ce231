import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPage } from '../../src/lib/page-read.ts';

// A page as the layout writes it: links in the head, a header before <main> whose text (even
// in a marked region) is never searchable, the record in <main>, a footer after it.
const HEAD = '<head><title>标题</title><link rel="stylesheet" href="/_astro/a.css"><link rel="canonical" href="https://x.gov.cn/p/"></head>';
const HEADER = '<header><a href="/">首页</a><div data-search-body><p>页头文字</p></div><img src="/logo.svg" alt=""></header>';
const META = '<div hidden data-search-meta data-kind="penalties" data-title="某公司：罚款" data-region="泰山区" data-date="2026-01-02" data-status="未修复"></div>';
const MAIN = `<main><article data-search-body>${META}<h1>某<b>公司</b></h1><p>见<a href="/subjects/1/">主体</a></p></article></main>`;
const FOOTER = '<footer><a href="/about/">关于</a></footer>';
const page = (head: string, main: string) => `<!doctype html><html lang="zh-CN">${head}<body>${HEADER}${main}${FOOTER}</body></html>`;

test('one parse gives the whole page its links and the search only the head and the page from <main> on', () => {
  const read = readPage(page(HEAD, MAIN), '/penalties/1/');
  assert.deepEqual(
    read.refs.map((r) => [r.where, r.url, r.loads]),
    [
      ['<link href>', '/_astro/a.css', true],
      ['<link href>', 'https://x.gov.cn/p/', false],
      ['<a href>', '/', false],
      ['<img src>', '/logo.svg', true],
      ['<a href>', '/subjects/1/', false],
      ['<a href>', '/about/', false],
    ],
  );
  assert.deepEqual(read.extraction, { page: { url: '/penalties/1/', kind: 'penalties', title: '某公司：罚款', region: '泰山区', date: '2026-01-02', status: '未修复', name: '', blocks: ['某公司', '见主体'], heading: 0, numbers: [] } });
});

test('robots noindex in the head is seen; a page without the marker is only read for its links', () => {
  assert.deepEqual(readPage(page(HEAD.replace('</head>', '<meta name="robots" content="noindex"></head>'), MAIN), '/x/').extraction, { skipped: 'noindex' });
  const list = readPage(page(HEAD, '<main><p>列表</p><a href="/p/2/">下一页</a></main>'), '/list/');
  assert.deepEqual(list.extraction, { skipped: 'no-meta' });
  assert.deepEqual(list.refs.map((r) => r.url), ['/_astro/a.css', 'https://x.gov.cn/p/', '/', '/logo.svg', '/p/2/', '/about/']);
});

test('a page with no <main> after its head is searched whole, its header included', () => {
  const html = `<!doctype html><html><head><title>t</title></head><body><section data-search-body>${META}<p>正文</p></section><div data-search-body><p>又一段</p></div></body></html>`;
  const read = readPage(html, '/y/');
  assert.ok('page' in read.extraction);
  assert.deepEqual(read.extraction.page.blocks, ['正文', '又一段']);
});

test("tag names and kinds are page text: <constructor> and data-kind=\"constructor\" are read as unknown, not as Object's own properties", () => {
  const meta = META.replace('data-kind="penalties"', 'data-kind="constructor"');
  const main = `<main><article data-search-body>${meta}<constructor src="/y/">某公司</constructor><dl><dt>信息编号</dt><dd>CF1</dd></dl><p>见<a href="/subjects/1/">主体</a></p></article></main>`;
  const read = readPage(page(HEAD, main), '/penalties/1/');
  assert.deepEqual(read.refs.map((r) => r.url), ['/_astro/a.css', 'https://x.gov.cn/p/', '/', '/logo.svg', '/subjects/1/', '/about/']);
  assert.ok('page' in read.extraction, JSON.stringify(read.extraction));
  assert.equal(read.extraction.page.kind, 'constructor');
  assert.deepEqual(read.extraction.page.numbers, []);
});
