import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineLines, repairWaitText } from '../../../src/lib/governance/labels.ts';

test('a late notice says 逾期 N 个工作日 with the deadline and report dates', () => {
  assert.deepEqual(deadlineLines({ state: 'late', due: { ok: true, value: '2025-03-12' }, reportedOn: '2025-03-20', lateBy: { ok: true, value: 6 } }), { due: '2025年3月12日', reported: '2025年3月20日', verdict: '逾期 6 个工作日', tone: 'bad' });
});
test('a deadline in a missing year says 暂无法计算 and names the year', () => {
  const l = deadlineLines({ state: 'unknown', missingYear: 2027 });
  assert.equal(l.verdict, '暂无法计算');
  assert.equal(l.due, '暂无法计算（缺少2027年的法定节假日安排，无法确定工作日）');
  assert.equal(l.reported, '尚未通报');
});
test('a late report whose count needs a missing year is late, with the count 暂无法计算', () => {
  assert.match(deadlineLines({ state: 'late', due: { ok: true, value: '2026-12-31' }, reportedOn: '2027-01-20', lateBy: { ok: false, missingYear: 2027 } }).verdict, /^逾期，逾期天数暂无法计算（缺少2027年/);
});
test('late by the covered days alone, with the 7th working day in a missing year: 逾期, and the deadline 暂无法计算', () => {
  const l = deadlineLines({ state: 'late', due: { ok: false, missingYear: 2003 }, reportedOn: '2004-01-13', lateBy: { ok: false, missingYear: 2003 } });
  assert.equal(l.due, '暂无法计算（缺少2003年的法定节假日安排，无法确定工作日）');
  assert.equal(l.tone, 'bad');
});
test('on time says 按期; not yet due says so; a 7th working day in a missing year is 暂无法计算 beside either', () => {
  assert.deepEqual(deadlineLines({ state: 'on-time', due: { ok: true, value: '2026-08-12' }, reportedOn: '2026-08-12' }), { due: '2026年8月12日', reported: '2026年8月12日', verdict: '按期', tone: 'good' });
  assert.equal(deadlineLines({ state: 'pending', due: { ok: true, value: '2026-12-30' } }).verdict, '尚未通报，期限未到');
  assert.deepEqual(deadlineLines({ state: 'on-time', due: { ok: false, missingYear: 2027 }, reportedOn: '2026-12-25' }), { due: '暂无法计算（缺少2027年的法定节假日安排，无法确定工作日）', reported: '2026年12月25日', verdict: '按期', tone: 'good' });
});
test('repair wait in working days, or 暂无法计算 with the year', () => {
  assert.equal(repairWaitText('2026-09-15', { ok: true, value: 70 }), '自2026年9月15日起可申请信用修复，已过 70 个工作日仍未修复。');
  assert.equal(repairWaitText('2026-12-01', { ok: false, missingYear: 2027 }), '自2026年12月1日起可申请信用修复，已过的工作日数暂无法计算（缺少2027年的法定节假日安排，无法确定工作日）。');
});
