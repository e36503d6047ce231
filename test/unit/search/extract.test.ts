import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage } from '../../../src/lib/search/extract.ts';

const page = (body: string, head = '') => `<!doctype html><html lang="zh-CN"><head><title>标题</title>${head}</head><body><nav>导航 首页</nav><main>${body}</main><footer>主办单位</footer></body></html>`;
const META = '<div hidden data-search-meta data-kind="penalties" data-title="某公司：罚款" data-region="泰山区" data-date="2026-01-02" data-status="未修复"></div>';

test('takes the marked regions as blocks, inline elements joined, chrome and hidden text left out', () => {
  const r = extractPage(page(`<article data-search-body>${META}<h1>某<b>公司</b></h1><dl><dt>处罚类别</dt><dd>罚款&amp;警告</dd></dl><p hidden>隐藏</p><script>var x="脚本"</script><p>第一行<br>第二行</p></article><aside>不算</aside>`), '/penalties/1/');
  assert.ok('page' in r);
  assert.deepEqual(r.page.blocks, ['某公司', '处罚类别', '罚款&警告', '第一行', '第二行']);
  assert.deepEqual({ ...r.page, blocks: undefined }, { url: '/penalties/1/', kind: 'penalties', title: '某公司：罚款', region: '泰山区', date: '2026-01-02', status: '未修复', name: '', blocks: undefined, heading: 0, numbers: [] });
});

test("the page's heading is the block of the search region's first <h1>, wherever it stands among the blocks", () => {
  const headingOf = (body: string, before = '') => {
    const r = extractPage(page(`${before}<article data-search-body>${META}${body}</article>`), '/penalties/1/');
    assert.ok('page' in r);
    return [r.page.heading, r.page.heading >= 0 ? r.page.blocks[r.page.heading] : undefined];
  };
  // After the kind's label, as a record page has it: the second block.
  assert.deepEqual(headingOf('<p>行政处罚信息</p><h1>某<b>公司</b>：罚款</h1><p>正文</p>'), [1, '某公司：罚款']);
  // Only the first <h1>; an empty one is no heading, and one the search skips is none either.
  assert.deepEqual(headingOf('<h1> </h1><h1 data-search-ignore>略</h1><p>正文</p><h1>甲</h1><h1>乙</h1>'), [1, '甲']);
  // A heading cut by <br> is its first line.
  assert.deepEqual(headingOf('<h1>某公司<br>罚款</h1>'), [0, '某公司']);
  // No <h1> in the search region (one in the site's header does not count).
  assert.deepEqual(headingOf('<h2>某公司</h2><p>正文</p>', '<h1>站名</h1>'), [-1, undefined]);
});

test('pages without the marker, and noindex pages, are skipped', () => {
  assert.deepEqual(extractPage(page('<p>列表</p>'), '/commitments/'), { skipped: 'no-meta' });
  assert.deepEqual(extractPage(page(`<article data-search-body>${META}<p>x</p></article>`, '<meta name="robots" content="noindex">'), '/x/'), { skipped: 'noindex' });
});

test('a broken contract is an error (which fails the build)', () => {
  const r = extractPage(page(META), '/penalties/2/');
  assert.ok('error' in r && /data-search-body/.test(r.error));
  const r2 = extractPage(page(`<article data-search-body><div hidden data-search-meta data-kind="penalties"></div><p>x</p></article>`), '/penalties/3/');
  assert.ok('error' in r2 && /data-title/.test(r2.error));
});

test("a page's own numbers are the values of its kind's number fields; a credit code is only a profile's own", () => {
  const fields = '<dl><dt data-search-ignore>信息编号</dt><dd>XZCF-2026-0002</dd><dt data-search-ignore>行政处罚决定书文号</dt><dd>泰岱应急罚〔2026〕258号</dd><dt data-search-ignore>统一社会信用代码</dt><dd><a href="/subjects/9/">91370911MADJ45ED9Y</a></dd><dt data-search-ignore>处罚类别</dt><dd>罚款</dd></dl>';
  const r = extractPage(page(`<article data-search-body><h1>某公司</h1>${fields}${META}</article>`), '/penalties/XZCF-2026-0002/');
  assert.ok('page' in r);
  assert.deepEqual(r.page.numbers, ['XZCF-2026-0002', '泰岱应急罚〔2026〕258号']);
  const profile = extractPage(page(`<section data-search-body><div hidden data-search-meta data-kind="subjects" data-title="某公司信用画像" data-name="某公司"></div>${fields}</section>`), '/subjects/9/');
  assert.ok('page' in profile);
  assert.deepEqual(profile.page.numbers, ['91370911MADJ45ED9Y']);
  assert.equal(profile.page.name, '某公司', "the subject's name, for the known-phrase table");
});
