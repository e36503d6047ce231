/** changes.json and the drop guard, against changes worked out by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carriedMoves, compareReleases, extendHistory, goneKeys, goneNoticeKeys, HISTORY_LIMIT, releaseDigest, type ReleaseDigest } from '../../../src/lib/release/changes.ts';
import { dropGuard, dropGuards, olderThanLive } from '../../../src/lib/release/publish.ts';

const before: ReleaseDigest = {
  as_of: '2026-11-27',
  exported_at: '2026-11-26T23:00:00+08:00',
  published_rows: 4,
  published: { 'commitments/C1': 'aaa', 'commitments/C2': 'bbb', 'penalties/P1': 'ccc', 'subjects/S1': 'ddd' },
  withheld: { 'honors/H1': 'period_ended' },
};
const after: ReleaseDigest = {
  as_of: '2026-11-28',
  exported_at: '2026-11-27T23:00:00+08:00',
  published_rows: 4,
  // C1 unchanged, C2 edited, P1 repaired (withheld), H1 published again, C3 new, S1 gone from the export.
  published: { 'commitments/C1': 'aaa', 'commitments/C2': 'bbX', 'commitments/C3': 'eee', 'honors/H1': 'fff' },
  withheld: { 'penalties/P1': 'repaired' },
};

test('a release lists newly published, withdrawn (with reason or absent) and changed records', () => {
  assert.deepEqual(compareReleases(after, before), {
    as_of: '2026-11-28',
    exported_at: '2026-11-27T23:00:00+08:00',
    previous: { as_of: '2026-11-27', exported_at: '2026-11-26T23:00:00+08:00' },
    published: [
      { kind: 'commitments', id: 'C3' },
      { kind: 'honors', id: 'H1' },
    ],
    withdrawn: [
      { kind: 'penalties', id: 'P1', reason: 'repaired' },
      { kind: 'subjects', id: 'S1', reason: 'absent' },
    ],
    changed: [{ kind: 'commitments', id: 'C2' }],
  });
});

test('a case renamed (its old key in redirect_from, its old address redirecting) is a change, not a withdrawal and a new case', () => {
  const was: ReleaseDigest = { ...before, published: { 'cases/old-key': 'aaa', 'cases/gone': 'bbb' } };
  const now: ReleaseDigest = { ...after, published: { 'cases/new-key': 'aaa', 'cases/fresh': 'ccc' }, withheld: {}, moved: { 'cases/old-key': 'cases/new-key', 'cases/never-published': 'cases/fresh' } };
  const c = compareReleases(now, was);
  assert.deepEqual(c.changed, [{ kind: 'cases', id: 'new-key', renamed_from: 'old-key' }]);
  // fresh's earlier key was never published: fresh is new; gone has no redirect: withdrawn.
  assert.deepEqual(c.published, [{ kind: 'cases', id: 'fresh' }]);
  assert.deepEqual(c.withdrawn, [{ kind: 'cases', id: 'gone', reason: 'absent' }]);
});

test('a record gone from the export keeps its notice from release to release until it comes back; a renamed case has its redirect instead', () => {
  const was: ReleaseDigest = { ...before, gone: ['commitments/C0', 'commitments/C5'], published: { 'commitments/C1': 'a', 'commitments/C2': 'b', 'subjects/S1': 'c', 'cases/old-key': 'd' }, withheld: { 'honors/H1': 'period_ended' } };
  const now: ReleaseDigest = { ...after, published: { 'commitments/C1': 'a', 'commitments/C5': 'e', 'cases/new-key': 'd' }, withheld: { 'penalties/P1': 'repaired' }, moved: { 'cases/old-key': 'cases/new-key' } };
  // C0 gone before and still; C2, S1 and H1 gone now; C5 back; old-key redirects; P1 is new.
  assert.deepEqual(goneKeys(now, was), ['commitments/C0', 'commitments/C2', 'honors/H1', 'subjects/S1']);
  assert.deepEqual(goneKeys(now, undefined), []);
});

test("the rows an export has but rejected are known by their report's errors, and a record published before and rejected now is withdrawn as rejected", () => {
  const report = {
    as_of: '2026-11-28',
    export: { exported_at: '2026-11-27T23:00:00+08:00' },
    files: {},
    problems: [
      { file: 'commitments.csv', line: 3, id: 'C2', field: '承诺内容', severity: 'error', message: '必填项为空' },
      { file: 'commitments.csv', line: 4, id: 'C3', severity: 'warning', message: '未知列' },
      { file: 'subjects.csv', line: 2, id: '11370900MB2850001B', field: '联系电话', severity: 'error', message: '…' },
      { file: 'cases/old-key.md', line: 1, id: 'old-key', severity: 'error', message: '…' },
      { file: 'penalties.csv', severity: 'error', message: '表头缺少必需的列' },
    ],
  } as never;
  const none = { subjects: [], commitments: [], penalties: [], enforcement: [], dishonest: [], honors: [], cases: [], withheld: [] } as never;
  const digest = releaseDigest(none, report);
  assert.deepEqual(digest.rejected, ['cases/old-key', 'commitments/C2', 'subjects/11370900MB2850001B']);
  assert.deepEqual(compareReleases(digest, before).withdrawn, [
    { kind: 'commitments', id: 'C1', reason: 'absent' },
    { kind: 'commitments', id: 'C2', reason: 'rejected' },
    { kind: 'penalties', id: 'P1', reason: 'absent' },
    { kind: 'subjects', id: 'S1', reason: 'absent' },
  ]);
});

test('two cases merged into one: both earlier keys redirect, neither is withdrawn; the new case names the first as renamed, the second as merged', () => {
  const was: ReleaseDigest = { ...before, published: { 'cases/a': 'x', 'cases/b': 'y', 'cases/kept': 'k' }, withheld: {} };
  const now: ReleaseDigest = { ...after, published: { 'cases/c': 'z', 'cases/kept': 'k2' }, withheld: {}, moved: { 'cases/a': 'cases/c', 'cases/b': 'cases/c', 'cases/old-kept': 'cases/kept' } };
  const c = compareReleases(now, was);
  assert.deepEqual(c.changed, [{ kind: 'cases', id: 'c', renamed_from: 'a', merged_from: ['b'] }, { kind: 'cases', id: 'kept' }]);
  assert.deepEqual([c.published, c.withdrawn], [[], []]);
  assert.deepEqual(goneKeys(now, was), []);
});

test('a case merged into one that was already published is named by it, not dropped from the changes', () => {
  const was: ReleaseDigest = { ...before, published: { 'cases/a': 'x', 'cases/b': 'y' }, withheld: {} };
  const now: ReleaseDigest = { ...after, published: { 'cases/b': 'y2' }, withheld: {}, moved: { 'cases/a': 'cases/b' } };
  const c = compareReleases(now, was);
  assert.deepEqual(c.changed, [{ kind: 'cases', id: 'b', merged_from: ['a'] }]);
  assert.deepEqual([c.published, c.withdrawn], [[], []]);
});

test("a case renamed twice keeps its first address, redirected to today's; a redirect whose case is gone becomes a notice; a key with a page again is not redirected", () => {
  const day1: ReleaseDigest = { ...before, published: { 'cases/k1': 'a', 'cases/other': 'o' }, withheld: {} };
  const day2: ReleaseDigest = { ...after, published: { 'cases/k2': 'a', 'cases/other': 'o' }, withheld: {}, moved: { 'cases/k1': 'cases/k2' } };
  day2.moved = carriedMoves(day2, day1);
  assert.deepEqual(day2.moved, { 'cases/k1': 'cases/k2' });
  // Day 3: k2 renamed k3, naming only k2 in redirect_from.
  const day3: ReleaseDigest = { ...after, published: { 'cases/k3': 'a', 'cases/other': 'o' }, withheld: {}, moved: { 'cases/k2': 'cases/k3' } };
  day3.moved = carriedMoves(day3, day2);
  assert.deepEqual(day3.moved, { 'cases/k1': 'cases/k3', 'cases/k2': 'cases/k3' });
  assert.deepEqual(goneKeys(day3, day2), []);
  // Day 4: the case is gone, and another case takes k1 as its own key: k2 and k3 keep notices.
  const day4: ReleaseDigest = { ...after, published: { 'cases/k1': 'n', 'cases/other': 'o' }, withheld: {} };
  day4.moved = carriedMoves(day4, day3);
  assert.deepEqual(day4.moved, {});
  assert.deepEqual(goneKeys(day4, day3), ['cases/k2', 'cases/k3']);
});

test('a key gone in one letter case and present today in another keeps no notice while the other has its page, but is remembered for the day it does not', () => {
  const day1: ReleaseDigest = { ...before, published: { 'commitments/AB1': 'a' }, withheld: {} };
  const day2: ReleaseDigest = { ...after, published: { 'commitments/ab1': 'a' }, withheld: {} };
  day2.gone = goneKeys(day2, day1);
  assert.deepEqual(day2.gone, ['commitments/AB1']);
  // On a host that ignores case /commitments/AB1/ is ab1's page: no notice in its place.
  assert.deepEqual(goneNoticeKeys(day2), []);
  const day3: ReleaseDigest = { ...after, published: {}, withheld: {} };
  day3.gone = goneKeys(day3, day2);
  assert.deepEqual(day3.gone, ['commitments/AB1', 'commitments/ab1']);
  assert.deepEqual(goneNoticeKeys(day3), ['commitments/AB1', 'commitments/ab1']);
  // A row rejected today is a plain 404 and stays remembered.
  assert.deepEqual(goneNoticeKeys({ ...day3, rejected: ['commitments/ab1'] }), ['commitments/AB1']);
});

test('the first release has nothing to compare with: previous is null and the lists are empty', () => {
  const c = compareReleases(after, undefined);
  assert.equal(c.previous, null);
  assert.deepEqual([c.published, c.withdrawn, c.changed], [[], [], []]);
});

test('the history gains an entry only when a release changed something, newest first, capped', () => {
  const changed = compareReleases(after, before);
  const same = compareReleases(before, before);
  assert.deepEqual(extendHistory([], same), []);
  const h = extendHistory([same], changed);
  assert.equal(h[0], changed);
  const full = Array.from({ length: HISTORY_LIMIT }, () => changed);
  assert.equal(extendHistory(full, changed).length, HISTORY_LIMIT);
});

test('the drop guard stops a fall of more than the limit and lets the limit itself through', () => {
  assert.match(dropGuard(17, 13, 0.2) ?? '', /17 条降到 13 条（减少 23\.5%，超过允许的 20\.0%）/);
  assert.equal(dropGuard(17, 14, 0.2), undefined); // 17.6% fewer
  assert.equal(dropGuard(100, 80, 0.2), undefined); // exactly 20%
  assert.notEqual(dropGuard(100, 79, 0.2), undefined);
  assert.equal(dropGuard(17, 13, 0.25), undefined);
  assert.equal(dropGuard(0, 0, 0.2), undefined);
  assert.equal(dropGuard(10, 30, 0.2), undefined);
});

/** A digest of `n` published records of each kind given (ids 0…n−1) and `w` withheld ones. */
function digestOf(published: Record<string, number>, withheld: Record<string, number> = {}, stamp = { as_of: '2026-11-28', exported_at: '2026-11-27T23:00:00+08:00' }): ReleaseDigest {
  const keys = (counts: Record<string, number>) => Object.entries(counts).flatMap(([kind, n]) => Array.from({ length: n }, (_, i) => `${kind}/${i}`));
  const p = keys(published);
  return { ...stamp, published_rows: p.length, published: Object.fromEntries(p.map((k) => [k, 'h'])), withheld: Object.fromEntries(keys(withheld).map((k) => [k, 'removed_from_list' as const])) };
}

test('the drop guard looks at each kind too: a kind whose every row is gone, or a kind of 20 or more published that falls by more than the limit', () => {
  const live = digestOf({ commitments: 400, dishonest: 10, penalties: 30, honors: 3 });
  // dishonest.csv left out: 443 → 433 is 2.3 % of the whole, but every listing is gone.
  assert.deepEqual(dropGuards(live, digestOf({ commitments: 400, penalties: 30, honors: 3 }), 0.2), ['失信被执行人：当前版本有 10 条，本次导出中一条也没有（文件缺失或为空？）']);
  // Every listing removed (动态清零) keeps the rows in the export, withheld: no stop.
  assert.deepEqual(dropGuards(live, digestOf({ commitments: 400, penalties: 30, honors: 3 }, { dishonest: 10 }), 0.2), []);
  // penalties.csv cut short: 30 → 23 is 23.3 %; 3 honours → 1 is too few to tell.
  assert.deepEqual(dropGuards(live, digestOf({ commitments: 400, dishonest: 10, penalties: 23, honors: 1 }), 0.2), ['行政处罚：公示记录从当前版本的 30 条降到 23 条（减少 23.3%，超过允许的 20.0%）']);
  assert.deepEqual(dropGuards(live, digestOf({ commitments: 400, dishonest: 10, penalties: 24, honors: 1 }), 0.2), []); // exactly 20 %
  // The whole export halved: the total, and each kind that fell, are named.
  assert.deepEqual(dropGuards(live, digestOf({ commitments: 200, dishonest: 10, penalties: 30, honors: 3 }), 0.2), [
    '公示记录从当前版本的 443 条降到 243 条（减少 45.1%，超过允许的 20.0%）',
    '信用承诺：公示记录从当前版本的 400 条降到 200 条（减少 50.0%，超过允许的 20.0%）',
  ]);
});

test('an export older than the live one, or an earlier as-of date, is named; the same or a later one is not', () => {
  const live = digestOf({}, {}, { as_of: '2027-01-12', exported_at: '2027-01-11T23:10:00+08:00' });
  assert.equal(olderThanLive(live, digestOf({}, {}, { as_of: '2026-12-15', exported_at: '2027-01-11T23:10:00+08:00' })), '公示基准日 2026-12-15 早于当前版本的 2027-01-12');
  assert.equal(olderThanLive(live, digestOf({}, {}, { as_of: '2027-01-13', exported_at: '2026-11-27T23:10:00+08:00' })), '导出时间 2026-11-27T23:10:00+08:00 早于当前版本导出的 2027-01-11T23:10:00+08:00');
  // The same instant written in another offset is not older; a rerun of the same export is not either.
  assert.equal(olderThanLive(live, digestOf({}, {}, { as_of: '2027-01-12', exported_at: '2027-01-11T15:10:00Z' })), undefined);
  assert.equal(olderThanLive(live, digestOf({}, {}, { as_of: '2027-01-12', exported_at: '2027-01-11T23:10:00+08:00' })), undefined);
  assert.equal(olderThanLive(live, digestOf({}, {}, { as_of: '2027-01-13', exported_at: '2027-01-12T23:10:00+08:00' })), undefined);
});
