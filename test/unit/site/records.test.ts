import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexRecords, newestFirst } from '../../../src/lib/site/records.ts';
import { timeline } from '../../../src/lib/site/timeline.ts';
import { commitment, penalty, subject } from './fixtures.ts';

const records = {
  subjects: [subject({ creditCode: 'B', name: '乙', region: '泰山区', parentCode: 'A' }), subject({ creditCode: 'A', name: '甲', region: '市直' })],
  commitments: [commitment({ id: 'C1', creditCode: 'A', madeOn: '2026-01-01' }), commitment({ id: 'C2', creditCode: 'A', madeOn: '2026-05-01' }), commitment({ id: 'C3', creditCode: 'B', madeOn: '2026-05-01' })],
  penalties: [penalty({ id: 'P1', creditCode: 'A', decidedOn: '2026-03-01' })],
  enforcement: [],
  dishonest: [],
  honors: [],
  cases: [{ slug: 'x', title: '案例', date: '2026-04-01', region: '市直', category: '诚信建设经验', summary: 's', subjects: ['A', 'A'], redirect_from: [], format: 'md', body: '' }] as never[],
  withheld: [],
  exportInfo: { platform: 'p', exportedAt: 'e', asOf: '2026-11-28', sample: true },
};

test('records are filed under their subject, newest first, ties by id descending', () => {
  const index = indexRecords(records, ['市直', '泰山区']);
  assert.deepEqual(index.commitments.map((c) => c.id), ['C3', 'C2', 'C1']);
  assert.deepEqual(index.byCode.get('A')!.commitments.map((c) => c.id), ['C2', 'C1']);
  assert.equal(index.byCode.get('A')!.cases.length, 1, 'a case naming a subject twice is filed once');
  assert.deepEqual(index.byCode.get('A')!.children.map((s) => s.creditCode), ['B']);
  assert.deepEqual(index.subjects.map((s) => s.creditCode), ['A', 'B'], 'subjects in configured region order');
});

test('a profile timeline merges every kind, newest first', () => {
  const index = indexRecords(records, ['市直', '泰山区']);
  const t = timeline(index.byCode.get('A')!, '2026-11-28');
  assert.deepEqual(t.map((e) => [e.date, e.kind]), [
    ['2026-05-01', '信用承诺'],
    ['2026-04-01', '典型案例'],
    ['2026-03-01', '行政处罚'],
    ['2026-01-01', '信用承诺'],
  ]);
  assert.equal(t[2]!.href, '/penalties/P1/');
});

test('newestFirst does not reorder its input', () => {
  const input = [{ d: '1', id: 'a' }, { d: '2', id: 'b' }];
  newestFirst(input, (x) => x.d, (x) => x.id);
  assert.equal(input[0]!.id, 'a');
});
