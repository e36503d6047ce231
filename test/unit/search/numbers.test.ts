import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberFile, numberFileCount, numberKey } from '../../../src/lib/search/numbers.ts';

test('a pasted number is read the way the page writes it: brackets, spaces, width and case folded', () => {
  assert.equal(numberKey('（2024）鲁0982执2816号'), '(2024)鲁0982执2816号');
  assert.equal(numberKey('(2024) 鲁0982执2816号'), '(2024)鲁0982执2816号');
  assert.equal(numberKey('泰岱应急罚〔2026〕258号'), '泰岱应急罚(2026)258号');
  assert.equal(numberKey('泰岱应急罚[2026]258号'), '泰岱应急罚(2026)258号');
  assert.equal(numberKey(' cn 2026000011 '), 'CN2026000011');
  assert.equal(numberKey('９１３７０９１１ＭＡＤＪ４５ＥＤ９Ｙ'), '91370911MADJ45ED9Y');
});

test('text without letters or digits, or too short, is not a number', () => {
  assert.equal(numberKey('泰安市市场监督管理局'), undefined);
  assert.equal(numberKey('A1'), undefined);
  assert.equal(numberKey('x'.repeat(65)), undefined);
});

test('numbers are spread over a power of two of files, about 32 a file', () => {
  assert.deepEqual([0, 1, 32, 33, 64, 65, 100_000].map(numberFileCount), [1, 1, 1, 2, 2, 4, 4096]);
  assert.equal(numberFile('a', 1000), 220); // FNV-1a("a") = 3826002220
  assert.equal(numberFile('CN2026000011', 1), 0);
});
