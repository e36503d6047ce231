import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PinnedResult } from '../../../src/lib/search/cursor.ts';
import { firstBlocks, FULL_LIST_CAP, isComplete, knownContext, knownEntry, knownFileCount, knownKey, KnownMatcher } from '../../../src/lib/search/known.ts';
import { knownPages } from '../../../src/lib/search/engine.ts';
import { stateFromUrl } from '../../../src/lib/search/state.ts';
import { segmentBlock } from '../../../src/lib/search/segment.ts';

test('keys are Han runs of four or more characters and single words, as the search reads the query', () => {
  assert.equal(knownKey('泰安市文化和旅游局'), '泰安市文化和旅游局');
  assert.equal(knownKey(' 泰安市文化和旅游局。'), '泰安市文化和旅游局'); // punctuation and spaces are not part of a query part
  assert.equal(knownKey('11370900007531656U'), '11370900007531656u'); // lower case, as the segmenter writes words
  assert.equal(knownKey('１１３７０９００００７５３１６５６Ｕ'), '11370900007531656u'); // full width folded
  assert.equal(knownKey('泰山区'), undefined); // too short to key on four characters
  assert.equal(knownKey('宁阳县卫生健康第30分局'), undefined); // Han and a number: three tokens, not one run
  assert.equal(knownKey('泰安市 文化和旅游局'), undefined); // two parts
  assert.equal(knownKey('A1'), undefined);
});

/** A page's keys as the index's workers find them: each block's, then the first block holding each. */
const find = (m: KnownMatcher, blocks: string[]) => firstBlocks(blocks.map((text) => m.inBlock(segmentBlock(text))));

test('the matcher finds a name inside a block and a code only as a whole word', () => {
  const m = new KnownMatcher(['泰安市文化和旅游局', '泰安市文化馆', '91370900ma3c', 'cn2026000011'].map((k) => knownKey(k)!));
  const found = find(m, ['主管部门：泰安市文化和旅游局（市直）', '统一社会信用代码 91370900MA3C', '信息编号 CN20260000112']);
  assert.deepEqual([...found.keys()].sort(), ['91370900ma3c', '泰安市文化和旅游局']);
  assert.equal(found.get('泰安市文化和旅游局'), 0); // the block it is in
  assert.equal(found.get('91370900ma3c'), 1);
  // Two blocks never make one name; a name cut by another character is not the name.
  assert.deepEqual([...find(m, ['泰安市文化', '和旅游局', '泰安市文化·和旅游局']).keys()], []);
  // A name that starts like another is found only when it is all there.
  assert.deepEqual([...find(m, ['泰安市文化馆举办']).keys()], ['泰安市文化馆']);
  // A name on several blocks is placed in the first (its snippet is taken there).
  assert.deepEqual([...find(m, ['开头', '泰安市文化馆一', '泰安市文化馆二'])], [['泰安市文化馆', 1]]);
});

test('a name typed with a short form lists the pages holding it either way, each once, placed where the name first stands', () => {
  // The keys a profile gives for 泰安市市场监督管理局 (its nameForms), and an unrelated name.
  const m = new KnownMatcher(['泰安市市场监督管理局', '泰安市市场监管局', '泰安市文化馆']);
  const entries = (blocks: string[]) => Object.fromEntries(m.entries(find(m, blocks)));
  // In full: under both keys, the short one pointing at the full text for its snippet.
  assert.deepEqual(entries(['无关', '泰安市市场监督管理局']), { 泰安市市场监督管理局: { block: 1, text: '泰安市市场监督管理局' }, 泰安市市场监管局: { block: 1, text: '泰安市市场监督管理局' } });
  // In short only: under the short key alone (typed in full, the search finds only the full form).
  assert.deepEqual(entries(['泰安市市场监管局']), { 泰安市市场监管局: { block: 0, text: '泰安市市场监管局' } });
  // Both ways: the short key once, at the first block either stands in.
  assert.deepEqual(entries(['泰安市市场监管局', '泰安市市场监督管理局']), { 泰安市市场监督管理局: { block: 1, text: '泰安市市场监督管理局' }, 泰安市市场监管局: { block: 0, text: '泰安市市场监管局' } });
  assert.deepEqual(entries(['泰安市市场监督管理局', '泰安市市场监管局']), { 泰安市市场监督管理局: { block: 0, text: '泰安市市场监督管理局' }, 泰安市市场监管局: { block: 0, text: '泰安市市场监督管理局' } });
  // A short key given alone still has its full form looked for.
  const alone = new KnownMatcher(['泰安市住建局']);
  assert.deepEqual([...alone.entries(find(alone, ['泰安市住房和城乡建设局'])).keys()].sort(), ['泰安市住建局', '泰安市住房和城乡建设局'].sort());
});

test("a snippet is the page's text around the phrase, forty characters each side, across blocks", () => {
  const block = `${'甲'.repeat(50)}泰安市文化和旅游局${'乙'.repeat(50)}`;
  assert.equal(knownContext([block], 0, '泰安市文化和旅游局'), `${'甲'.repeat(40)}泰安市文化和旅游局${'乙'.repeat(40)}`);
  // Found in the third block: 40 甲, a line break, 5 乙 and a line break (47) stand before it, so
  // the 40 characters kept before it are 33 甲, the break, the 乙 and the break.
  assert.equal(knownContext(['甲'.repeat(40), '乙'.repeat(5), '泰安市文化和旅游局', '丙'], 2, '泰安市文化和旅游局'), `${'甲'.repeat(33)}\n${'乙'.repeat(5)}\n泰安市文化和旅游局\n丙`);
  // A key found in its normalized form (a code in lower case) is placed in the block as written.
  assert.equal(knownContext(['统一社会信用代码', '91370900MA3C 有效'], 1, '91370900ma3c'), '统一社会信用代码\n91370900MA3C 有效');
});

const page = (url: string, kind: string, date = '', region = '泰山区', status = ''): PinnedResult => ({ url, title: url, kind, region, date, status, text: '', shard: 'r0' });

test('an entry lists its own profile first, other profiles, then records newest first (URL breaks ties)', () => {
  const own = [page('/subjects/B/', 'subjects')];
  const pages = [page('/commitments/1/', 'commitments', '2025-01-02'), page('/subjects/A/', 'subjects'), page('/penalties/9/', 'penalties', '2026-03-01'), page('/commitments/0/', 'commitments', '2025-01-02')];
  const e = knownEntry(own, pages);
  assert.equal(e.count, 5);
  assert.ok(isComplete(e));
  assert.deepEqual(e.pages.map((p) => p.url), ['/subjects/B/', '/subjects/A/', '/penalties/9/', '/commitments/0/', '/commitments/1/']);
  // By date: records newest first, profiles last; filters keep the pages that pass.
  assert.deepEqual(knownPages(e, stateFromUrl('?q=x&sort=date')).map((p) => p.url), ['/penalties/9/', '/commitments/0/', '/commitments/1/', '/subjects/B/', '/subjects/A/']);
  assert.deepEqual(knownPages(e, stateFromUrl('?q=x&kind=commitments')).map((p) => p.url), ['/commitments/0/', '/commitments/1/']);
});

test('past the cap an entry keeps the count and the first page of both orders, also when trimmed as pages stream in', () => {
  const n = FULL_LIST_CAP + 40;
  // Records dated 2000-01-01 + i days; the newest ten are the last ten made.
  const records = Array.from({ length: n }, (_, i) => page(`/commitments/${String(i).padStart(4, '0')}/`, 'commitments', new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10)));
  const e = knownEntry([page('/subjects/OWN/', 'subjects')], records);
  assert.equal(e.count, n + 1);
  assert.ok(!isComplete(e));
  assert.deepEqual(e.pages.map((p) => p.url), ['/subjects/OWN/', ...Array.from({ length: 10 }, (_, k) => `/commitments/${String(n - 1 - k).padStart(4, '0')}/`)]);
  // Trimming half-way (as the indexer does past twice the cap) changes nothing.
  const half = knownEntry([], records.slice(0, 150), n + 1);
  const again = knownEntry([page('/subjects/OWN/', 'subjects')], [...half.pages, ...records.slice(150)], n + 1);
  assert.deepEqual(again, e);
});

test('keys are spread over a power of two of files of about 32 KB, and no power of two past the number of keys', () => {
  const KB = 1024;
  assert.deepEqual([[0, 0], [1, 200 * KB], [100, 32 * KB], [100, 33 * KB], [100, 64 * KB], [100, 65 * KB], [4000, 61 * 1024 * KB], [3, 1024 * KB]].map(([k, b]) => knownFileCount(k!, b!)), [1, 1, 1, 2, 2, 4, 2048, 4]);
});
