import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { discloseCommitment, discloseHonor } from '../../../src/lib/rules/commitments-and-honors.ts';
import { hasEnded, WITHHELD_REASONS } from '../../../src/lib/rules/decision.ts';

describe('信用承诺 disclosure', () => {
  test('a commitment 可向社会公开 is published', () => {
    assert.deepEqual(discloseCommitment({ scope: '可向社会公开' }, '2026-11-28'), { decision: { status: 'published' }, expired: false });
  });
  for (const scope of ['不可公开', '特定范围内公开']) {
    test(`a commitment ${scope} is withheld as not public`, () => {
      assert.deepEqual(discloseCommitment({ scope }, '2026-11-28').decision, { status: 'withheld', reason: 'not_public' });
    });
  }
  test('an expired commitment stays published, marked expired, from its 承诺有效期至 on', () => {
    assert.deepEqual(discloseCommitment({ scope: '可向社会公开', validUntil: '2026-06-30' }, '2026-06-30'), { decision: { status: 'published' }, expired: true });
    assert.deepEqual(discloseCommitment({ scope: '可向社会公开', validUntil: '2026-06-30' }, '2026-06-29'), { decision: { status: 'published' }, expired: false });
  });
  test('a commitment without 承诺有效期至 (长期有效) never expires', () => {
    assert.equal(discloseCommitment({ scope: '可向社会公开' }, '2099-12-31').expired, false);
  });
});

describe('表彰奖励 disclosure', () => {
  test('an honour without 有效期至 is published', () => {
    assert.deepEqual(discloseHonor({}, '2026-11-28'), { status: 'published' });
  });
  test('an honour is published the day before its 有效期至', () => {
    assert.deepEqual(discloseHonor({ validUntil: '2026-11-29' }, '2026-11-28'), { status: 'published' });
  });
  test('an honour is withheld from its 有效期至 on', () => {
    assert.deepEqual(discloseHonor({ validUntil: '2026-11-28' }, '2026-11-28'), { status: 'withheld', reason: 'period_ended' });
    assert.deepEqual(discloseHonor({ validUntil: '2025-04-30' }, '2026-11-28'), { status: 'withheld', reason: 'period_ended' });
  });
});

describe('§6 window end', () => {
  test('a window that ends on E is open on E − 1 and over on E', () => {
    assert.equal(hasEnded('2026-11-28', '2026-11-27'), false);
    assert.equal(hasEnded('2026-11-28', '2026-11-28'), true);
    assert.equal(hasEnded('2026-11-28', '2026-11-29'), true);
  });
  test('every withheld reason has a Chinese label for operators', () => {
    for (const label of Object.values(WITHHELD_REASONS)) assert.match(label, /\p{Script=Han}/u);
  });
});
