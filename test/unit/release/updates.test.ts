/** What /updates/ shows, and how the build reads the updates file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Changes } from '../../../src/lib/release/changes.ts';
import { buildUpdates } from '../../../src/lib/release/updates.ts';
import { LIST_LIMIT, updateEntries } from '../../../src/lib/release/updates-view.ts';
import type { PublishedRecords } from '../../../src/lib/pipeline/ingest.ts';
import { tempDir } from '../support/temp-dir.ts';

const records = {
  subjects: [{ creditCode: '11370900MB2850001B' }],
  commitments: [{ id: 'C1' }],
  penalties: [],
  enforcement: [],
  dishonest: [],
  honors: [],
  cases: [],
  withheld: [{ kind: 'penalties', id: 'P1', reason: 'repaired' }],
} as unknown as PublishedRecords;

const changes = (over: Partial<Changes>): Changes => ({ as_of: '2026-11-28', exported_at: '2026-11-27T23:10:00+08:00', previous: { as_of: '2026-11-27', exported_at: '' }, published: [], withdrawn: [], changed: [], ...over });

test('an agency and a case are named where this build has them; a renamed case says its old address still works', () => {
  const named = { ...records, subjects: [{ creditCode: '11370900MB2850001B', name: '泰安市某局' }], cases: [{ slug: 'new-key', title: '某案例', redirect_from: ['old-key'] }] } as unknown as PublishedRecords;
  const [entry] = updateEntries([changes({ published: [{ kind: 'subjects', id: '11370900MB2850001B' }], changed: [{ kind: 'cases', id: 'new-key', renamed_from: 'old-key' }] })], named, []);
  assert.deepEqual(entry!.lists, [
    { title: '新公示', total: 1, items: [{ label: '信用画像 泰安市某局（11370900MB2850001B）', href: '/subjects/11370900MB2850001B/' }] },
    { title: '内容有更新', total: 1, items: [{ label: '诚信典型案例 某案例', href: '/cases/new-key/', note: '网址已更改，原网址 /cases/old-key/ 继续有效' }] },
  ]);
  // Cases merged into it: their addresses named, renamed or not.
  const [merged] = updateEntries([changes({ changed: [{ kind: 'cases', id: 'new-key', renamed_from: 'old-key', merged_from: ['a', 'b'] }] })], named, []);
  assert.equal(merged!.lists[0]!.items[0]!.note, '网址已更改，原网址 /cases/old-key/ 继续有效；并入了原网址为 /cases/a/、/cases/b/ 的案例，原网址转到此页');
});

test('a record links to its page only when this build has one (published, withheld, or gone from the export with a notice)', () => {
  const [entry] = updateEntries(
    [
      changes({
        published: [{ kind: 'commitments', id: 'C1' }],
        withdrawn: [
          { kind: 'penalties', id: 'P1', reason: 'repaired' },
          { kind: 'commitments', id: 'C9', reason: 'absent' },
          { kind: 'subjects', id: 'S9', reason: 'absent' },
          { kind: 'honors', id: 'H9', reason: 'rejected' },
        ],
      }),
    ],
    records,
    // A record or profile gone from the export keeps a notice; a rejected row (H9) has no page.
    [{ kind: 'commitments', id: 'C9' }, { kind: 'subjects', id: 'S9' }],
  );
  assert.deepEqual(entry!.lists, [
    { title: '新公示', total: 1, items: [{ label: '信用承诺 C1', href: '/commitments/C1/' }] },
    {
      title: '停止公示',
      total: 4,
      items: [
        { label: '行政处罚 P1', href: '/penalties/P1/', note: '已完成信用修复' },
        { label: '信用承诺 C9', href: '/commitments/C9/', note: '导出中已无此记录' },
        { label: '信用画像 S9', href: '/subjects/S9/', note: '导出中已无此记录' },
        { label: '表彰奖励 H9', note: '本次导出中该记录的数据有误，暂不公示' },
      ],
    },
  ]);
  assert.equal(entry!.previousAsOf, '2026-11-27');
  assert.equal(entry!.exportedOn, '2026-11-27'); // 23:10 China time on the 27th
});

test(`a list longer than ${LIST_LIMIT} is cut on the page but keeps its total`, () => {
  const many = Array.from({ length: LIST_LIMIT + 5 }, (_, i) => ({ kind: 'commitments' as const, id: `X${i}` }));
  const [entry] = updateEntries([changes({ changed: many })], records, []);
  assert.equal(entry!.lists[0]!.total, LIST_LIMIT + 5);
  assert.equal(entry!.lists[0]!.items.length, LIST_LIMIT);
});

test('no PORTAL_UPDATES means no history; a malformed updates file stops the build naming the field', () => {
  assert.equal(buildUpdates(undefined), undefined);
  const file = join(tempDir('portal-updates-'), 'u.json');
  writeFileSync(file, JSON.stringify({ changes: changes({}), history: [{ as_of: 1 }] }));
  assert.throws(() => buildUpdates(file), /history\.0\.as_of/);
});
