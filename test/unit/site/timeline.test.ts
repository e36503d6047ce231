import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeline } from '../../../src/lib/site/timeline.ts';
import type { Dishonest } from '../../../src/lib/schemas/dishonest.ts';
import { commitment, penalty } from './fixtures.ts';

const none = { subject: undefined as never, commitments: [], penalties: [], enforcement: [], dishonest: [], honors: [], cases: [] };
const open = { ...penalty().disclosure, repairOpen: true };

test('a penalty on the timeline shows the platform\'s repair status and, for 已修复, the day it takes effect', () => {
  const entries = timeline({
    ...none,
    penalties: [
      penalty({ id: 'P1', decidedOn: '2026-03-01', disclosure: open }),
      penalty({ id: 'P2', decidedOn: '2026-02-01', repairStatus: '已修复', repairedOn: '2026-12-10' }),
    ],
  }, '2026-12-08');
  assert.deepEqual(
    entries.map((e) => [e.href, e.status, e.tone]),
    [
      ['/penalties/P1/', '一般失信 · 未修复 · 可申请修复', 'warn'],
      ['/penalties/P2/', '一般失信 · 已修复（2026年12月10日起生效）', 'neutral'],
    ],
  );
});

test('a listing is 在列 from its 发布时间: one published ahead of the as-of date says from when', () => {
  const entries = timeline(
    { ...none, dishonest: [{ id: 'SX1', listedOn: '2026-08-03', caseNumber: '（2026）鲁0902执1号', court: '法院' } as Dishonest, { id: 'SX3', listedOn: '2026-12-20', caseNumber: '（2026）鲁0902执3号', court: '法院' } as Dishonest] },
    '2026-12-08',
  );
  assert.deepEqual(
    entries.map((e) => [e.href, e.status, e.tone]),
    [
      ['/dishonest/SX3/', '2026年12月20日起在列', 'warn'],
      ['/dishonest/SX1/', '在列', 'bad'],
    ],
  );
});

test("a person's letter, filed under the agency they work in, names them; the agency's own letter needs no name", () => {
  const entries = timeline({
    ...none,
    commitments: [
      commitment({ id: 'C1', madeOn: '2026-03-01', committer: '赵俊明', committerCategory: '公务员', post: '科长', reason: '领导干部廉洁自律承诺', type: '廉洁自律' }),
      commitment({ id: 'C2', madeOn: '2026-02-01', committer: '某局', reason: '领导干部廉洁自律承诺', type: '廉洁自律' }),
      commitment({ id: 'C3', madeOn: '2026-01-01', committer: '钱某', committerCategory: '国企高管', post: '总经理', reason: '诚信经营', type: '其他' }),
    ],
  }, '2026-12-08');
  assert.deepEqual(
    entries.map((e) => e.title),
    ['赵俊明（科长）：领导干部廉洁自律承诺（廉洁自律）', '领导干部廉洁自律承诺（廉洁自律）', '钱某（总经理）：诚信经营（其他）'],
  );
});
