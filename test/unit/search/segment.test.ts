import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeToken, encodeCodePoint, hanTokens, indexContent, isHanToken, tokens } from '../../../src/lib/search/segment.ts';
import { parseQuery } from '../../../src/lib/search/query.ts';

const han = (ts: string[]) => ts.map((t) => (isHanToken(t) ? decodeToken(t) : `[${t}]`));

test('a run of Han characters becomes its overlapping bigrams and a closing unigram', () => {
  assert.deepEqual(han(tokens('泰安市')), ['泰安', '安市', '市']);
  assert.deepEqual(han(tokens('市')), ['市']);
});

test('punctuation and spaces end a run; ASCII words are kept, lower-cased, with the reserved prefix', () => {
  assert.deepEqual(han(tokens('泰山区，岱岳区 Bank')), ['泰山', '山区', '区', '岱岳', '岳区', '区', '[xbank]']);
  assert.deepEqual(han(tokens('（2026）鲁0902执123号')), ['[2026]', '鲁', '[0902]', '执', '[123]', '号']);
});

test('full-width letters and digits are folded (NFKC) on both sides', () => {
  assert.deepEqual(tokens('２０２６ＡＢ'), tokens('2026ab'));
});

test('Han tokens never collide with other words', () => {
  for (const cp of [0x3400, 0x4e00, 0x9fff, 0xf900, 0x20000, 0x3134f]) {
    const t = encodeCodePoint(cp);
    assert.ok(isHanToken(t), t);
    assert.equal(decodeToken(t), String.fromCodePoint(cp));
  }
  for (const w of tokens('bank data abcd abcdefgh 2026 x1')) assert.ok(!isHanToken(w), w);
});

test('blocks do not join: no bigram spans two blocks', () => {
  const content = indexContent(['处罚类别', '罚款']);
  assert.ok(!content.split(' ').map((t) => (isHanToken(t) ? decodeToken(t) : t)).includes('别罚'));
  assert.deepEqual([...hanTokens(['泰安', '泰安'])].map(decodeToken), ['泰安', '安']);
});

test('a query becomes one phrase per part, without the closing unigram', () => {
  const [p] = parseQuery('泰安市');
  assert.equal(p!.pagefind, `"${tokens('泰安市').slice(0, 2).join(' ')}"`);
  assert.deepEqual(p!.han.map(decodeToken), ['泰安', '安市']);
  assert.equal(p!.text, '泰安市');
});

test('a single character is a bare token (Pagefind prefix-matches every bigram it starts)', () => {
  const [p] = parseQuery('市');
  assert.equal(p!.pagefind, encodeCodePoint('市'.codePointAt(0)!));
});

test('a unigram inside a part stays (the page has it there too)', () => {
  const [p] = parseQuery('安市2026');
  assert.deepEqual(han(p!.pagefind.replace(/"/g, '').split(' ')), ['安市', '市', '[2026]']);
});

test('several parts, longest first; duplicates and empty parts dropped; ASCII parts searchable', () => {
  const parts = parseQuery(' 岱岳区  市场监督管理局，岱岳区 ！ ABC ');
  assert.deepEqual(parts.map((p) => p.text), ['市场监督管理局', '岱岳区', 'abc']);
  assert.equal(parts[2]!.pagefind, 'xabc');
  assert.deepEqual(parts[2]!.han, []);
  assert.deepEqual(parseQuery(' ，。！'), []);
});

test('indexBlocks gives the same content and routing tokens as indexContent and hanTokens', async () => {
  const { indexBlocks } = await import('../../../src/lib/search/segment.ts');
  const blocks = ['泰安市市场监督管理局', '（2026）鲁0902执123号', '', 'ABC 公司'];
  const into = new Set<string>();
  assert.equal(indexBlocks(blocks, into), indexContent(blocks));
  assert.deepEqual([...into].sort(), [...hanTokens(blocks)].sort());
});
