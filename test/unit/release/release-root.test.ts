/** The release root: marker, one-step switch of current, rollback, pruning, the lock. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readsDir } from '../../../src/lib/release/page-reads.ts';
import {
  currentRelease,
  listReleases,
  lockRoot,
  newReleaseId,
  openOrCreateReleaseRoot,
  openReleaseRoot,
  pruneReleases,
  releaseDir,
  ReleaseRootError,
  rollback,
  servedRelease,
  switchCurrent,
} from '../../../src/lib/release/release-root.ts';
import { tempDir } from '../support/temp-dir.ts';

const fresh = () => join(tempDir('portal-root-'), 'root');

async function withReleases(ids: string[]) {
  const r = await openOrCreateReleaseRoot(fresh());
  for (const id of ids) {
    mkdirSync(releaseDir(r, id));
    writeFileSync(join(releaseDir(r, id), 'index.html'), id);
  }
  return r;
}
const IDS = ['20261101T000000000Z', '20261102T000000000Z', '20261103T000000000Z', '20261104T000000000Z'];

test('release ids sort by time', () => {
  assert.equal(newReleaseId(new Date('2026-11-28T06:15:02.123Z')), '20261128T061502123Z');
  assert.ok(newReleaseId(new Date('2026-11-28T06:15:02.124Z')) > newReleaseId(new Date('2026-11-28T06:15:02.123Z')));
});

test('a folder that is neither empty nor a release root is refused; an empty one becomes a root', async () => {
  const other = fresh();
  mkdirSync(other);
  writeFileSync(join(other, 'site.html'), 'x');
  await assert.rejects(openOrCreateReleaseRoot(other), ReleaseRootError);
  assert.throws(() => openReleaseRoot(other), ReleaseRootError);
  const empty = fresh();
  mkdirSync(empty);
  await openOrCreateReleaseRoot(empty);
  assert.doesNotThrow(() => openReleaseRoot(empty));
});

test('current is a relative link to releases/<id>, replaced in one rename', async () => {
  const r = await withReleases(IDS.slice(0, 2));
  await switchCurrent(r, IDS[0]!);
  await switchCurrent(r, IDS[1]!);
  assert.equal(readlinkSync(r.current), `releases/${IDS[1]}`);
  assert.deepEqual(readdirSync(r.root).sort(), ['.portal-release-root', 'current', 'releases', 'work']);
});

test('rollback goes to the newest release older than the current one, then the one before', async () => {
  const r = await withReleases(IDS.slice(0, 3));
  await switchCurrent(r, IDS[2]!);
  assert.deepEqual(await rollback(r), { from: IDS[2], to: IDS[1] });
  assert.deepEqual(await rollback(r), { from: IDS[1], to: IDS[0] });
  await assert.rejects(rollback(r), /之前没有保留的版本/);
  assert.equal(currentRelease(r), IDS[0]);
});

test('a release rolled back from is never rolled back to, and is pruned first: a bad release, rolled back, then a good one published', async () => {
  // A good (IDS[0]), B bad (IDS[1]) rolled back to A, then C (IDS[2]) published.
  const r = await withReleases(IDS.slice(0, 2));
  await switchCurrent(r, IDS[1]!);
  assert.deepEqual(await rollback(r), { from: IDS[1], to: IDS[0] });
  mkdirSync(releaseDir(r, IDS[2]!));
  await switchCurrent(r, IDS[2]!);
  // From C back to A, not to B.
  assert.deepEqual(await rollback(r), { from: IDS[2], to: IDS[0] });
  await assert.rejects(rollback(r), /之前没有保留的版本（已回滚过的版本不算）/);
  // D published: keeping 2 keeps D and A (current or not), B and C go with their marks.
  mkdirSync(releaseDir(r, IDS[3]!));
  await switchCurrent(r, IDS[3]!);
  assert.deepEqual(await pruneReleases(r, 2), [IDS[1], IDS[2]]);
  assert.deepEqual(readdirSync(r.releases).sort(), [IDS[0], IDS[3]]);
  // The site down (D removed by hand): the stand-in is the newest release not rolled back from.
  writeFileSync(join(r.releases, `${IDS[3]}.rolled-back`), '');
  rmSync(releaseDir(r, IDS[3]!), { recursive: true });
  mkdirSync(releaseDir(r, IDS[2]!));
  writeFileSync(join(r.releases, `${IDS[2]}.rolled-back`), '');
  assert.deepEqual(servedRelease(r), { id: IDS[0], missing: IDS[3] });
});

test('pruning keeps the newest N and the current release, moving the rest (with what their builds read) to the trash', async () => {
  const r = await withReleases(IDS);
  for (const id of IDS.slice(0, 3)) mkdirSync(readsDir(releaseDir(r, id)));
  await switchCurrent(r, IDS[0]!); // rolled back to the oldest
  assert.deepEqual(await pruneReleases(r, 2), [IDS[1]]);
  assert.deepEqual(listReleases(r), [IDS[0], IDS[2], IDS[3]]);
  assert.deepEqual(readdirSync(r.releases).sort(), [IDS[0], `${IDS[0]}.reads`, IDS[2], `${IDS[2]}.reads`, IDS[3]]);
  assert.equal(readdirSync(r.trash).length, 2);
});

test('a second run on the same root is refused while the first holds the lock; a dead holder is taken over', async () => {
  const r = await withReleases([]);
  const unlock = await lockRoot(r);
  await assert.rejects(lockRoot(r), /另一个发布进程/);
  await unlock();
  writeFileSync(join(r.work, '.lock'), '999999999'); // no such process
  const again = await lockRoot(r);
  await again();
});

test('a current release removed by hand: rollback points current at the newest kept release, whichever it is, and says so', async () => {
  const r = await withReleases(IDS.slice(0, 3));
  await switchCurrent(r, IDS[1]!);
  rmSync(releaseDir(r, IDS[1]!), { recursive: true });
  assert.deepEqual(servedRelease(r), { id: IDS[2], missing: IDS[1] });
  // Nothing older than the missing one but IDS[0]; the newest kept is IDS[2]: the site comes back on the newest.
  assert.deepEqual(await rollback(r), { from: IDS[1], to: IDS[2], missing: true });
  assert.equal(readlinkSync(r.current), `releases/${IDS[2]}`);
  assert.deepEqual(servedRelease(r), { id: IDS[2] });
  // With no release kept at all, it says what to do.
  for (const id of IDS.slice(0, 3)) rmSync(releaseDir(r, id), { recursive: true, force: true });
  await assert.rejects(rollback(r), /指向的版本 20261103T000000000Z 不存在（可能被手动删除），网站无法访问，也没有保留的版本：请重新发布/);
});
