import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { discloseDishonestListing, discloseEnforcement, isListedOn } from '../../../src/lib/rules/court-lists.ts';

describe('被执行人 enforcement cases', () => {
  for (const outcome of ['未履行', '部分履行']) {
    test(`an enforcement case is published while 履行情况 is ${outcome}`, () => {
      assert.deepEqual(discloseEnforcement({ outcome }), { status: 'published' });
    });
  }
  for (const outcome of ['全部履行', '执行和解', '终结执行']) {
    test(`an enforcement case is withheld as closed once 履行情况 is ${outcome}`, () => {
      assert.deepEqual(discloseEnforcement({ outcome }), { status: 'withheld', reason: 'case_closed' });
    });
  }
});

describe('失信被执行人 listings', () => {
  test('a listing without 移出日期 is published', () => {
    assert.deepEqual(discloseDishonestListing({}, '2026-11-28'), { status: 'published' });
  });
  test('a listing is published the day before its 移出日期', () => {
    assert.deepEqual(discloseDishonestListing({ removedOn: '2026-11-29' }, '2026-11-28'), { status: 'published' });
  });
  test('a listing is withheld from its 移出日期 on', () => {
    assert.deepEqual(discloseDishonestListing({ removedOn: '2026-11-28' }, '2026-11-28'), { status: 'withheld', reason: 'removed_from_list' });
    assert.deepEqual(discloseDishonestListing({ removedOn: '2025-09-30' }, '2026-11-28'), { status: 'withheld', reason: 'removed_from_list' });
  });
  test('isListedOn counts a listing from 发布时间 up to the day before 移出日期', () => {
    const d = { listedOn: '2025-03-01', removedOn: '2025-09-30' };
    assert.equal(isListedOn(d, '2025-02-28'), false);
    assert.equal(isListedOn(d, '2025-03-01'), true);
    assert.equal(isListedOn(d, '2025-09-29'), true);
    assert.equal(isListedOn(d, '2025-09-30'), false);
    assert.equal(isListedOn({ listedOn: '2025-03-01' }, '2030-01-01'), true);
  });
});
