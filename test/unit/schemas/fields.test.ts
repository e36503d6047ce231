import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { amount, civilDate, creditCode, manyOf, oneOf, recordId, text } from '../../../src/lib/schemas/fields.ts';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('§3 shared field types', () => {
  test('a required cell that is empty is 必填项为空', () => {
    for (const type of [text, recordId, creditCode, civilDate, oneOf(['甲', '乙'])]) {
      assert.equal(message(type.safeParse(undefined)), '必填项为空');
    }
  });
  test('信息编号 is 1–64 characters of A-Z a-z 0-9 - _', () => {
    assert.equal(recordId.safeParse('XZCF-2026_0001').success, true);
    assert.equal(recordId.safeParse('a'.repeat(64)).success, true);
    assert.equal(recordId.safeParse('a'.repeat(65)).success, false);
    for (const bad of ['CN 001', 'CN/001', 'CN.001', '编号1', 'CN#1']) assert.equal(recordId.safeParse(bad).success, false, bad);
  });
  test('统一社会信用代码 is upper-cased and its check digit verified', () => {
    assert.deepEqual(creditCode.safeParse('91370900ma3c000044').data, '91370900MA3C000044');
    assert.match(message(creditCode.safeParse('91370900MA3C000045')) ?? '', /校验位错误/);
  });
  test('a date in any accepted form is normalised to YYYY-MM-DD', () => {
    assert.equal(civilDate.safeParse('2026年1月5日').data, '2026-01-05');
  });
  test('an impossible date is 不是有效日期 quoting the cell', () => {
    assert.equal(message(civilDate.safeParse('2026-02-30')), '不是有效日期：2026-02-30');
  });
  test('amounts are non-negative decimals in 万元', () => {
    assert.equal(amount.safeParse('120.5').data, 120.5);
    assert.equal(amount.safeParse('0').data, 0);
    for (const bad of ['-1', '1,000', '五万', '1e3', '.5', '5.']) assert.match(message(amount.safeParse(bad)) ?? '', /金额应为非负的十进制数/, bad);
  });
  test('an amount a number cannot hold as written is refused, not published changed', () => {
    // Leading and trailing zeros are not part of what was written.
    for (const [raw, n] of [['007.50', 7.5], ['123456789012345', 123456789012345], ['0.000001', 0.000001], ['12345678.9012345', 12345678.9012345]] as const) assert.equal(amount.safeParse(raw).data, n, raw);
    // 20 digits (published as 12345678901234567000), 400 (Infinity), 22 (1e+21), 0.0000001 (1e-7), 2^53 + 1 (…992), 19 decimals (…68).
    for (const bad of ['12345678901234567890', `1${'0'.repeat(399)}`, `1${'0'.repeat(21)}`, '0.0000001', '9007199254740993', '0.1234567890123456789']) assert.match(message(amount.safeParse(bad)) ?? '', /金额的位数过多，无法原样公示/, bad);
  });
  test('an enum cell outside the contract list names the value and the allowed ones', () => {
    assert.equal(message(oneOf(['甲', '乙']).safeParse('丙')), '不是允许的值：丙（允许：甲 / 乙）');
  });
  test('multi-valued cells split on ； ; and 、', () => {
    const kinds = manyOf(['警告', '罚款', '其他']);
    assert.deepEqual(kinds.safeParse('警告；罚款').data, ['警告', '罚款']);
    assert.deepEqual(kinds.safeParse('警告;罚款').data, ['警告', '罚款']);
    assert.deepEqual(kinds.safeParse('警告、罚款、其他').data, ['警告', '罚款', '其他']);
    assert.deepEqual(kinds.safeParse('警告 ； 罚款').data, ['警告', '罚款']);
  });
  test('a multi-valued cell with one unknown value is rejected, naming it', () => {
    assert.match(message(manyOf(['警告', '罚款']).safeParse('警告；拘留')) ?? '', /不是允许的值：拘留/);
    assert.equal(manyOf(['警告']).safeParse('；').success, false);
  });
});
