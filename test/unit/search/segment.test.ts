import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addRouteKeys, decodeToken, encodeCodePoint, isHanToken, queryKeys, routeKeys, segmentBlock, tokens } from '../../../src/lib/search/segment.ts';
import { parseQuery } from '../../../src/lib/search/query.ts';

const han = (ts: string[]) => ts.map((t) => (isHanToken(t) ? decodeToken(t) : `[${t}]`));
// Worked out by hand: 泰 U+6CF0 = 27888 = 1·26³ + 15·26² + 6·26 + 16 → b p g q; 安 U+5B89 → birh; 市 U+5E02 → bjpq.
const TAI = 'bpgq';
const AN = 'birh';
const SHI = 'bjpq';

test('a run of Han characters becomes its overlapping bigrams and a closing unigram', () => {
  assert.deepEqual(tokens('泰安市'), [TAI + AN, AN + SHI, SHI]);
  assert.deepEqual(tokens('市'), [SHI]);
});

test('punctuation and spaces end a run; ASCII words are kept, lower-cased, with the reserved prefix', () => {
  assert.deepEqual(han(tokens('泰山区，岱岳区 Bank')), ['泰山', '山区', '区', '岱岳', '岳区', '区', '[xbank]']);
  assert.deepEqual(han(tokens('（2026）鲁0902执123号')), ['[2026]', '鲁', '[0902]', '执', '[123]', '号']);
});

test('full-width letters and digits are folded (NFKC) on both sides', () => {
  assert.deepEqual(tokens('２０２６ＡＢ'), ['2026ab']);
});

test('Han tokens never collide with other words', () => {
  for (const cp of [0x3400, 0x4e00, 0x9fff, 0xf900, 0x20000, 0x3134f]) {
    const t = encodeCodePoint(cp);
    assert.ok(isHanToken(t), t);
    assert.equal(decodeToken(t), String.fromCodePoint(cp));
  }
  for (const w of tokens('bank data abcd abcdefgh 2026 x1')) assert.ok(!isHanToken(w), w);
});

test('blocks do not join: no bigram or routing key spans two blocks', () => {
  const into = new Set<string>();
  const blocks = ['泰安', '', '安市 2026'].map(segmentBlock);
  addRouteKeys(blocks, into);
  assert.deepEqual(blocks.map((b) => b.tokens), [[TAI + AN, AN], [], [AN + SHI, SHI, '2026']]);
  assert.deepEqual([...into].sort(), [TAI, AN, TAI + AN, SHI, AN + SHI, '2026'].sort());
});

test('routing keys: every character, bigram and trigram of a run, and the words; a query is routed by its trigrams', () => {
  assert.deepEqual(routeKeys('泰安市'), [TAI, AN, SHI, TAI + AN, AN + SHI, TAI + AN + SHI]);
  assert.deepEqual(queryKeys('泰安市'), [TAI + AN + SHI]);
  assert.deepEqual(queryKeys('安市2026'), [AN + SHI, '2026']);
  assert.deepEqual(queryKeys('市'), [SHI]);
});

test('a query becomes one phrase per part, without the closing unigram', () => {
  const [p] = parseQuery('泰安市');
  assert.deepEqual(p!.match, { phrase: [TAI + AN, AN + SHI] });
  assert.deepEqual(p!.route, [TAI + AN + SHI]);
  assert.equal(p!.text, '泰安市');
});

test('a single character is asked as a character (found wherever it stands)', () => {
  assert.deepEqual(parseQuery('市')[0]!.match, { char: SHI });
});

test('a single number or word is a phrase of one token, matched whole and not as a part of a longer one', () => {
  assert.deepEqual(parseQuery('CN2026000011')[0]!.match, { phrase: ['xcn2026000011'] });
  assert.deepEqual(parseQuery('2026')[0]!.match, { phrase: ['2026'] });
});

test('a unigram inside a part stays (the page has it there too)', () => {
  const [p] = parseQuery('安市2026');
  assert.deepEqual(p!.match, { phrase: [AN + SHI, SHI, '2026'] });
});

test('several parts, longest first; duplicates and empty parts dropped; ASCII parts searchable', () => {
  const parts = parseQuery(' 岱岳区  市场监督管理局，岱岳区 ！ ABC ');
  assert.deepEqual(parts.map((p) => p.text), ['市场监督管理局', '岱岳区', 'abc']);
  assert.deepEqual(parts[2]!.match, { phrase: ['xabc'] });
  assert.deepEqual(parts[2]!.route, ['xabc']);
  assert.deepEqual(parseQuery(' ，。！'), []);
});

test('a cell of a million Han characters is segmented, not a stack overflow', () => {
  // 60,000 characters: 59,999 bigrams and the closing unigram; routing keys 60,000 + 59,999 + 59,998.
  const long = segmentBlock('大'.repeat(60_000));
  assert.equal(long.tokens.length, 60_000);
  assert.equal(long.keys.length, 179_997);
  assert.equal(segmentBlock('政务诚信'.repeat(250_000)).tokens.length, 1_000_000);
  assert.equal(queryKeys('大'.repeat(60_000)).length, 59_998);
});
