import { test } from 'node:test';
import assert from 'node:assert/strict';
import { standingBadges, tallyCommitments } from '../../../src/lib/site/standing.ts';
import { commitment, penalty } from './fixtures.ts';

const none = { commitments: [], penalties: [], enforcement: [], dishonest: [], honors: [] };

test('a subject with no records is not a dishonest judgment debtor and has 0 unrepaired penalties', () => {
  const [dishonest, penalties] = standingBadges(none);
  assert.equal(dishonest!.tone, 'good');
  assert.match(dishonest!.value, /^否/);
  assert.equal(penalties!.value, '0 条');
});

test('an active listing makes the subject a dishonest judgment debtor now', () => {
  const [dishonest] = standingBadges({ ...none, dishonest: [{} as never, {} as never] });
  assert.equal(dishonest!.tone, 'bad');
  assert.equal(dishonest!.value, '是，当前在列 2 条');
});

test('unrepaired penalties are counted, and those open for repair named', () => {
  const [, p] = standingBadges({ ...none, penalties: [penalty(), penalty({ id: 'P2', disclosure: { ...penalty().disclosure, repairOpen: true } })] });
  assert.equal(p!.value, '2 条（其中 1 条可申请信用修复）');
});

test('commitments kept: broken ones turn the badge red', () => {
  const list = [commitment({ status: '全部履行' }), commitment({ status: '部分履行' }), commitment({ status: '履行中', expired: true })];
  assert.deepEqual(tallyCommitments(list), { total: 3, ongoing: 1, fulfilled: 1, partial: 1, unfulfilled: 0, expired: 1 });
  const badge = standingBadges({ ...none, commitments: list })[3]!;
  assert.equal(badge.tone, 'bad');
  assert.equal(badge.value, '已认定 2 项，全部履行 1 项，未全部履行 1 项');
});
