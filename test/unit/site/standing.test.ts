import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { disclosePenalty } from '../../../src/lib/rules/order-36-2025.ts';
import { expiryNote, repairStatusLabel, standingBadges, tallyCommitments } from '../../../src/lib/site/standing.ts';
import type { Dishonest } from '../../../src/lib/schemas/dishonest.ts';
import { commitment, penalty } from './fixtures.ts';

const none = { commitments: [], penalties: [], enforcement: [], dishonest: [], honors: [] };

test('a subject with no records is not a dishonest judgment debtor and has 0 unrepaired penalties', () => {
  const [dishonest, penalties] = standingBadges(none, '2026-12-08');
  assert.equal(dishonest!.tone, 'good');
  assert.match(dishonest!.value, /^否/);
  assert.equal(penalties!.value, '0 条');
});

const listing = (id: string, listedOn: string) => ({ id, listedOn }) as Dishonest;

test('an active listing makes the subject a dishonest judgment debtor now', () => {
  const [dishonest] = standingBadges({ ...none, dishonest: [listing('SX1', '2026-08-03'), listing('SX2', '2026-12-08')] }, '2026-12-08');
  assert.equal(dishonest!.tone, 'bad');
  assert.equal(dishonest!.value, '是，当前在列 2 条');
});

test('a listing whose 发布时间 is after the as-of date is not current (isListedOn, as the home page and /governance/ count it)', () => {
  const [only] = standingBadges({ ...none, dishonest: [listing('SX3', '2026-12-20')] }, '2026-12-08');
  assert.equal(only!.value, '否，当前未被列入；另有 1 条自2026年12月20日起列入');
  assert.equal(only!.tone, 'warn');
  const [both] = standingBadges({ ...none, dishonest: [listing('SX3', '2026-12-20'), listing('SX1', '2026-08-03')] }, '2026-12-08');
  assert.equal(both!.value, '是，当前在列 1 条；另有 1 条自2026年12月20日起列入');
  assert.equal(both!.tone, 'bad');
});

test('unrepaired penalties are counted, and those open for repair named', () => {
  const [, p] = standingBadges({ ...none, penalties: [penalty(), penalty({ id: 'P2', disclosure: { ...penalty().disclosure, repairOpen: true } })] }, '2026-12-08');
  assert.equal(p!.value, '2 条（其中 1 条可申请信用修复）');
});

test('commitments kept: broken ones turn the badge red', () => {
  const list = [commitment({ status: '全部履行' }), commitment({ status: '部分履行' }), commitment({ status: '履行中', expired: true })];
  assert.deepEqual(tallyCommitments(list), { total: 3, ongoing: 1, fulfilled: 1, partial: 1, unfulfilled: 0, expired: 1 });
  const badge = standingBadges({ ...none, commitments: list }, '2026-12-08')[3]!;
  assert.equal(badge.tone, 'bad');
  assert.equal(badge.value, '已认定 2 项，全部履行 1 项，未全部履行 1 项');
});

test("the badge counts the agency's own letters; its staff's personal ones (公务员, 国企高管) are only noted", () => {
  const own = commitment({ id: 'C1', status: '全部履行' });
  const staff = [
    commitment({ id: 'C2', committerCategory: '公务员', committer: '赵俊明', post: '科长', status: '全部未履行' }),
    commitment({ id: 'C3', committerCategory: '国企高管', committer: '钱某', post: '总经理', status: '履行中' }),
  ];
  const badge = standingBadges({ ...none, commitments: [own, ...staff] }, '2026-12-08')[3]!;
  assert.equal(badge.value, '已认定 1 项，全部履行 1 项；另有本单位工作人员的个人承诺 2 项（未全部履行 1 项）');
  assert.equal(badge.tone, 'good');
  const staffOnly = standingBadges({ ...none, commitments: [staff[1]!] }, '2026-12-08')[3]!;
  assert.equal(staffOnly.value, '暂无本单位的公开承诺；另有本单位工作人员的个人承诺 1 项');
  assert.equal(staffOnly.tone, 'neutral');
});

test('an ended term is noted 已到期, and 已到期，待认定 while the letter is still 履行中 (not yet assessed)', () => {
  assert.equal(expiryNote({ status: '履行中', expired: false }), undefined);
  assert.equal(expiryNote({ status: '全部履行', expired: false }), undefined);
  assert.equal(expiryNote({ status: '履行中', expired: true }), '已到期，待认定');
  for (const status of ['全部履行', '部分履行', '全部未履行']) assert.equal(expiryNote({ status, expired: true }), '已到期', status);
});

describe('信用修复状态 as the platform says it, with the day repair takes effect', () => {
  // Decided 2026-03-01, 一般失信: minimum over on 2026-06-01. The platform reports 已修复 from
  // 2026-12-10; as of 2026-11-28 the penalty is still published (repair not yet in effect).
  const terms = { ...penalty(), repairStatus: '已修复' as const, repairedOn: '2026-12-10' };
  const { decision, ...disclosure } = disclosePenalty(terms, '2026-11-28');
  const repaired = penalty({ id: 'P9', repairStatus: '已修复', repairedOn: '2026-12-10', disclosure });
  test('a 已修复 penalty whose 修复日期 is after the as-of date is published until that day, and repair is not offered again', () => {
    assert.equal(decision.status, 'published');
    assert.equal(disclosePenalty(terms, '2026-12-09').decision.status, 'published');
    assert.deepEqual(disclosePenalty(terms, '2026-12-10').decision, { status: 'withheld', reason: 'repaired' });
    assert.equal(disclosure.repairOpen, false);
  });
  test('the label says 已修复 and the date it takes effect; 未修复 stays 未修复', () => {
    assert.equal(repairStatusLabel(repaired), '已修复（2026年12月10日起生效）');
    assert.equal(repairStatusLabel(penalty()), '未修复');
  });
  test('the badge counts it as unrepaired on the as-of date (as /governance/ does: the repair has not happened yet) and says from when it takes effect', () => {
    const [, only] = standingBadges({ ...none, penalties: [repaired] }, '2026-11-28');
    assert.equal(only!.value, '1 条（其中 1 条的信用修复自2026年12月10日起生效）');
    assert.equal(only!.tone, 'warn');
    const later = penalty({ id: 'P8', repairStatus: '已修复', repairedOn: '2027-01-05', disclosure });
    const open = penalty({ id: 'P7', disclosure: { ...disclosure, repairOpen: true } });
    const [, mixed] = standingBadges({ ...none, penalties: [later, penalty(), repaired, open] }, '2026-11-28');
    assert.equal(mixed!.value, '4 条（其中 1 条可申请信用修复，2 条的信用修复自2026年12月10日、2027年1月5日起生效）');
    assert.equal(mixed!.tone, 'warn');
  });
});
