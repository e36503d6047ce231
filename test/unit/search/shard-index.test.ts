import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery } from '../../../src/lib/search/query.ts';
import { segmentBlock } from '../../../src/lib/search/segment.ts';
import { CHAR_KEY, HEADING_WEIGHT, headingWeight, indexFile, matchPart, parseIndexFile, partKeys, relevance, ShardIndexBuilder, type IndexFile } from '../../../src/lib/search/shard-index.ts';

const facts = { kind: 'commitments', region: '泰山区', date: '2026-01-02', status: '' };

/** Builds a shard of pages (each a list of blocks; `headings[i]`: page i's heading block) and reads its files back as the browser does. */
function shard(pages: string[][], headings: number[] = []) {
  const b = new ShardIndexBuilder();
  pages.forEach((blocks, i) => assert.equal(b.add(facts, blocks.map((t) => b.tokenIds(segmentBlock(t).tokens)), headings[i]), i));
  const { pages: table, index } = b.files();
  const files: IndexFile[] = index.map(parseIndexFile);
  const find = (q: string, weighed = false) => {
    const [part] = parseQuery(q);
    return Object.fromEntries(matchPart(part!.match, (key) => files[indexFile(key, files.length)]!.get(key), weighed ? headingWeight(JSON.parse(table)) : undefined));
  };
  return { table: JSON.parse(table), files, find };
}

test('a phrase is found where its text stands in one block, with how often; never across two blocks', () => {
  const { find, table } = shard([['泰安市', '安市场'], ['市场 2026'], ['2026', '年度报告'], ['2026年度报告']]);
  assert.deepEqual(find('安市'), { 0: 2 });
  assert.deepEqual(find('泰安市'), { 0: 1 });
  // 市安: 泰安市 ends one block and 安市场 starts the next.
  assert.deepEqual(find('市安'), {});
  // A number and the run after it: page 2 has them in two blocks, page 3 in one.
  assert.deepEqual(find('2026年度'), { 3: 1 });
  assert.deepEqual(find('2026'), { 1: 1, 2: 1, 3: 1 });
  // Spaces are not tokens: 市场 2026 holds 市场2026 (a space in a query splits it into parts).
  assert.deepEqual(find('市场2026'), { 1: 1 });
  // Tokens per page, with one gap after each block: 泰安 安市 市 | 安市 市场 场 → 3 + 1 + 3 + 1; no heading.
  assert.deepEqual(table[0], ['commitments', '泰山区', '2026-01-02', '', 8, 0, 0]);
});

test("a page's heading is kept as its positions, and a match starting there counts HEADING_WEIGHT times", () => {
  // Page 0: its heading 某医院名 is the second block: 行政 is 行政 政 (positions 0, 1) and a gap (2),
  // so 某医 医院 院名 名 are 3–6. Page 1: 医院 twice in its text, no heading. Page 2: an empty block
  // (no tokens, no gap) before the heading 医院 at 0–1.
  const { table, find } = shard([['行政', '某医院名', '医院'], ['某县医院', '某镇医院'], ['', '医院']], [1, -1, 1]);
  assert.deepEqual(table.map((p: number[]) => p.slice(4)), [[11, 3, 7], [10, 0, 0], [3, 0, 2]]);
  assert.equal(HEADING_WEIGHT, 3);
  assert.deepEqual(find('医院', true), { 0: 3 + 1, 1: 2, 2: 3 });
  // Unweighed, a match is one; a lone character has no positions and is counted once too.
  assert.deepEqual(find('医院'), { 0: 2, 1: 2, 2: 1 });
  assert.deepEqual(find('医', true), { 0: 2, 1: 2, 2: 1 });
  // A match is weighed by where it starts: 院名 at 5, inside page 0's heading.
  assert.deepEqual(find('院名', true), { 0: 3 });
});

test('one character is found wherever it stands: inside a run, or as its last', () => {
  const { find } = shard([['泰安市', '安市场'], ['市场'], ['场地 场'], ['市场 市场']]);
  // Page 3 holds the token 市场 twice (and the unigram 场 twice): each counts.
  assert.deepEqual(find('市'), { 0: 2, 1: 1, 3: 2 });
  assert.deepEqual(find('场'), { 0: 1, 1: 1, 2: 2, 3: 2 });
  assert.deepEqual(find('泰'), { 0: 1 });
  assert.deepEqual(find('国'), {});
});

test('a phrase is checked by every other bigram of a run (and its last), and every word', () => {
  const keys = (q: string) => partKeys(parseQuery(q)[0]!.match).map((k) => k.offset);
  assert.deepEqual(keys('泰安'), [0]);
  assert.deepEqual(keys('泰安市'), [0, 1]);
  assert.deepEqual(keys('市场监督管理局'), [0, 2, 4, 5]);
  // 安市 (0) 市 (1, the run's last) 2026 (2) 年度 (3)
  assert.deepEqual(keys('安市2026年度'), [0, 1, 2, 3]);
  assert.deepEqual(partKeys({ char: 'abcd' }), [{ key: `${CHAR_KEY}abcd`, offset: 0 }]);
  // Skipped bigrams are still pinned: 市场监管 does not match 市场监督管理局.
  const { find } = shard([['市场监督管理局'], ['市场监管局']]);
  assert.deepEqual(find('市场监督管理局'), { 0: 1 });
  assert.deepEqual(find('市场监管'), { 1: 1 });
});

test('positions and page ids past one and two varint bytes read back exactly', () => {
  // 目标词 after 16,383 words: 目标 at position 16,383 (two bytes), 标词 at 16,384 (three).
  const long = Array.from({ length: 16_383 }, (_, i) => `w${i}`).join(' ');
  const pages = [[long + ' 目标词'], ...Array.from({ length: 300 }, (_, i) => [`第${i}页`]), ['目标词']];
  const { find } = shard(pages);
  assert.deepEqual(find('目标词'), { 0: 1, 301: 1 });
  assert.deepEqual(find('w16382目标'), { 0: 1 });
  assert.deepEqual(find('w16381目标'), {});
});

test('a big shard is split into several postings files, each key in the file its hash names', () => {
  const { files, find } = shard(Array.from({ length: 3000 }, (_, i) => [`k${i} 共同`]));
  assert.ok(files.length >= 2, `${files.length} files`);
  files.forEach((f, n) => {
    for (const key of f.keys()) assert.equal(indexFile(key, files.length), n, key);
  });
  assert.deepEqual(find('k2999'), { 2999: 1 });
  assert.equal(Object.keys(find('共同')).length, 3000);
});

test('relevance: more matches rank higher, with diminishing returns; a shorter page above a longer one', () => {
  assert.ok(relevance(2, 100, 100) > relevance(1, 100, 100));
  assert.ok(relevance(2, 100, 100) - relevance(1, 100, 100) > relevance(3, 100, 100) - relevance(2, 100, 100));
  assert.ok(relevance(1, 50, 100) > relevance(1, 200, 100));
  // BM25 with k1 1.2, b 0.75 at the average length: 1 × 2.2 / (1 + 1.2) = 1.
  assert.equal(relevance(1, 100, 100), 1);
});
