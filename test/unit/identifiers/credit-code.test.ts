import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { creditCodeCheckChar, parseCreditCode } from '../../../src/lib/identifiers/credit-code.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test('a code with a valid check character is accepted', () => {
    for (const code of ['91370900MA3C000044', '11370900MB2850001B', '12370911MB2850003C', '11370982MB2850005G', '11370900MB28500094']) {
      assert.deepEqual(parseCreditCode(code), { ok: true, code }, code);
    }
  });
  test('the check character is computed over the first 17 characters', () => {
    assert.equal(creditCodeCheckChar('91370900MA3C00004'), '4');
    assert.equal(creditCodeCheckChar('11370900MB2850001'), 'B');
    assert.equal(creditCodeCheckChar('11370900MB2850011'), 'C');
  });
  test('a wrong check character is rejected and the expected one named', () => {
    const r = parseCreditCode('91370900MA3C000045');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /校验位错误.*应为 4/);
  });
  test('lower case letters are upper-cased', () => {
    assert.deepEqual(parseCreditCode('11370900mb2850001b'), { ok: true, code: '11370900MB2850001B' });
  });
  test('a code that is not 18 characters long is rejected, naming the length', () => {
    for (const raw of ['91370900MA3C00004', '91370900MA3C0000444', '']) {
      const r = parseCreditCode(raw);
      assert.equal(r.ok, false);
      assert.match(!r.ok ? r.message : '', new RegExp(`实际为${raw.length}位`));
    }
  });
  test('the letters I, O, Z, S and V are not part of the character set', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const raw = `91370900MA3${letter}00004`;
      const code = raw + '0';
      const r = parseCreditCode(code);
      assert.equal(r.ok, false, code);
      assert.match(!r.ok ? r.message : '', /不允许的字符/);
    }
  });
  test('characters 3–8 (the administrative division code) must be digits', () => {
    const r = parseCreditCode('91A70900MA3C000044');
    assert.equal(r.ok, false);
  });
});
