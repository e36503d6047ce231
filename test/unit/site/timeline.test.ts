import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeline } from '../../../src/lib/site/timeline.ts';
import { penalty } from './fixtures.ts';

const none = { subject: undefined as never, commitments: [], penalties: [], enforcement: [], dishonest: [], honors: [], cases: [] };
const open = { ...penalty().disclosure, repairOpen: true };

test('a penalty on the timeline shows the platform\'s repair status and, for 已修复, the day it takes effect', () => {
  const entries = timeline({
    ...none,
    penalties: [
      penalty({ id: 'P1', decidedOn: '2026-03-01', disclosure: open }),
      penalty({ id: 'P2', decidedOn: '2026-02-01', repairStatus: '已修复', repairedOn: '2026-12-10' }),
    ],
  });
  assert.deepEqual(
    entries.map((e) => [e.href, e.status, e.tone]),
    [
      ['/penalties/P1/', '一般失信 · 未修复 · 可申请修复', 'warn'],
      ['/penalties/P2/', '一般失信 · 已修复（2026年12月10日起生效）', 'neutral'],
    ],
  );
});
