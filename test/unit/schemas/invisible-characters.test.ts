import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findInvisibleCharacter } from '../../../src/lib/schemas/invisible-characters.ts';
import { commitmentFile } from '../../../src/lib/schemas/commitment.ts';
import { commitmentRow, SETTING } from '../support/rows.ts';

describe('§3 invisible characters', () => {
  test('every control character but tab and line breaks, DEL, the bidi overrides and isolates, and the BOM are found', () => {
    const forbidden = [
      ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => ![0x09, 0x0a, 0x0d].includes(c)),
      0x7f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
    ];
    assert.equal(forbidden.length, 29 + 1 + 5 + 4 + 1);
    for (const code of forbidden) assert.equal(findInvisibleCharacter(`甲${String.fromCharCode(code)}乙`)?.index, 1, code.toString(16));
  });
  test('tab, line feed, carriage return and ordinary Chinese punctuation are text', () => {
    assert.equal(findInvisibleCharacter('一\t二\r\n三\n四，“五”、（六）　七'), undefined);
  });
  test('neighbours of the ranges are not caught (U+0020, U+2029, U+202F, U+2065, U+206A, U+FEFE)', () => {
    for (const code of [0x20, 0x2029, 0x202f, 0x2065, 0x206a, 0xfefe]) assert.equal(findInvisibleCharacter(`a${String.fromCharCode(code)}b`), undefined, code.toString(16));
  });
  test('the message names the code point and what it is', () => {
    assert.equal(findInvisibleCharacter('x\u202Ey')?.message, '含有不可见字符 U+202E（从右至左覆盖），页面上看不见或会改变文字的显示，不得公示');
    assert.equal(findInvisibleCharacter('x\u0000y')?.message, '含有不可见字符 U+0000（空字符 NUL），页面上看不见或会改变文字的显示，不得公示');
  });
  test('a contract row reports it on the column, for text, enum and identifier columns alike', () => {
    const columns = (over: Record<string, string>) => commitmentFile.parseRow(commitmentRow(over), SETTING).problems.map((p) => p.column);
    assert.deepEqual(columns({ 承诺内容: '守信\u202E践诺' }), ['承诺内容']);
    assert.deepEqual(columns({ 承诺履行状态: '履行\u2066中' }), ['承诺履行状态']);
    assert.deepEqual(columns({ 信息编号: 'CN\u0000001' }), ['信息编号']);
  });
});
