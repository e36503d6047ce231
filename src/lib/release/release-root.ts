/**
 * The release root on the server's disk:
 *
 *   ROOT/.portal-release-root   marker: this folder is ours (nothing else is ever touched)
 *   ROOT/current -> releases/<id>   the served site, switched in one rename(2)
 *   ROOT/releases/<id>/         complete builds, oldest first by id
 *   ROOT/work/<id>/             one run's download, unpacked export, build and report
 *   ROOT/work/.trash/           old releases and runs, removed by a background process
 *   ROOT/work/reports/<id>.json each run's report (or failure), the newest REPORTS_KEPT kept
 *
 * A failed run writes only inside ROOT/work/.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { copyFile, mkdir, open, readFile, readdir, rename, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { setPriority } from 'node:os';
import { readsDir } from './page-reads.ts';

const MARKER = '.portal-release-root';
const RELEASE_ID = /^\d{8}T\d{9}Z$/;

export class ReleaseRootError extends Error {}

export interface ReleaseRoot {
  root: string;
  releases: string;
  current: string;
  work: string;
  trash: string;
  reports: string;
}

function layout(root: string): ReleaseRoot {
  const r = resolve(root);
  return { root: r, releases: join(r, 'releases'), current: join(r, 'current'), work: join(r, 'work'), trash: join(r, 'work', '.trash'), reports: join(r, 'work', 'reports') };
}

/** An existing release root; anything else is an error (so a typo never deletes a folder). */
export function openReleaseRoot(root: string): ReleaseRoot {
  if (!existsSync(join(root, MARKER))) throw new ReleaseRootError(`${resolve(root)} 不是发布根目录（缺少 ${MARKER}）`);
  return layout(root);
}

/** Opens a release root, making one when the folder does not exist or is empty. */
export async function openOrCreateReleaseRoot(root: string): Promise<ReleaseRoot> {
  if (existsSync(root) && !existsSync(join(root, MARKER))) {
    if (!lstatSync(root).isDirectory() || readdirSync(root).length > 0) throw new ReleaseRootError(`${resolve(root)} 不是发布根目录，也不是空目录（缺少 ${MARKER}），拒绝写入`);
  }
  const r = layout(root);
  await mkdir(r.releases, { recursive: true });
  await mkdir(r.trash, { recursive: true });
  if (!existsSync(join(r.root, MARKER))) await writeFile(join(r.root, MARKER), '{"format":1}\n');
  return r;
}

/** Sortable and unique per millisecond: 20261128T061502123Z. */
export function newReleaseId(now: Date = new Date()): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

/** Release ids, oldest first. */
export function listReleases(r: ReleaseRoot): string[] {
  if (!existsSync(r.releases)) return [];
  return readdirSync(r.releases).filter((n) => RELEASE_ID.test(n)).sort();
}

/** The id `current` points at, or undefined before the first release. */
export function currentRelease(r: ReleaseRoot): string | undefined {
  try {
    return basename(readlinkSync(r.current));
  } catch {
    return undefined;
  }
}

export const releaseDir = (r: ReleaseRoot, id: string) => join(r.releases, id);

/**
 * The release the site is served from: `current`'s. When `current` points at a release whose
 * folder is gone (removed by hand), the site is down: then the newest kept release stands in for
 * it, and `missing` names the one that is gone, so that publish and rollback bring the site back
 * and say why.
 */
export function servedRelease(r: ReleaseRoot): { id: string | undefined; missing?: string } {
  const id = currentRelease(r);
  if (id === undefined || existsSync(releaseDir(r, id))) return { id };
  const kept = listReleases(r);
  return { id: kept.filter((k) => !isRolledBack(r, k)).at(-1) ?? kept.at(-1), missing: id };
}

/** The mark of a release rolled back from: rollback never goes back to it, and pruning takes it first. */
const rolledBackMark = (r: ReleaseRoot, id: string) => join(r.releases, `${id}.rolled-back`);
export const isRolledBack = (r: ReleaseRoot, id: string): boolean => existsSync(rolledBackMark(r, id));

/** What to tell an operator when `current` points at a release that is gone. */
export const missingReleaseMessage = (r: ReleaseRoot, missing: string): string => `${r.current} 指向的版本 ${missing} 不存在（可能被手动删除），网站无法访问`;

/** Points `current` at a release in one step: a new link renamed over the old one. */
export async function switchCurrent(r: ReleaseRoot, id: string): Promise<void> {
  if (!existsSync(releaseDir(r, id))) throw new ReleaseRootError(`发布 ${id} 不存在`);
  const tmp = join(r.root, `.current-${id}-${process.pid}`);
  await unlink(tmp).catch(() => {});
  await symlink(join('releases', id), tmp);
  await rename(tmp, r.current);
}

/**
 * Goes back one release: to the newest release older than the current one that was not rolled
 * back from before (a bad release rolled back, then a good one published: rolling that back must
 * not bring the bad one back). The release left is marked. When the current release is gone, to
 * the newest kept one: the site comes back.
 */
export async function rollback(r: ReleaseRoot): Promise<{ from: string; to: string; missing?: boolean }> {
  const served = servedRelease(r);
  if (served.missing) {
    if (!served.id) throw new ReleaseRootError(`${missingReleaseMessage(r, served.missing)}，也没有保留的版本：请重新发布（npm run publish）`);
    await switchCurrent(r, served.id);
    return { from: served.missing, to: served.id, missing: true };
  }
  const from = served.id;
  if (!from) throw new ReleaseRootError('还没有发布过任何版本，无法回滚');
  const older = listReleases(r).filter((id) => id < from && !isRolledBack(r, id));
  const to = older.at(-1);
  if (!to) throw new ReleaseRootError(`当前版本 ${from} 之前没有保留的版本（已回滚过的版本不算），无法回滚`);
  await switchCurrent(r, to);
  await writeFile(rolledBackMark(r, from), `${new Date().toISOString()}\n`);
  return { from, to };
}

/**
 * One run at a time: a lock file holding the pid. A lock whose process is gone (a killed
 * run) is taken over.
 */
export async function lockRoot(r: ReleaseRoot): Promise<() => Promise<void>> {
  const path = join(r.work, '.lock');
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = await open(path, 'wx');
      await fd.write(String(process.pid));
      await fd.close();
      return () => unlink(path).catch(() => {});
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(await readFile(path, 'utf8').catch(() => ''));
      if (pid > 0 && isAlive(pid)) throw new ReleaseRootError(`另一个发布进程（pid ${pid}）正在使用 ${r.root}`);
      await unlink(path).catch(() => {});
    }
  }
  throw new ReleaseRootError(`无法锁定 ${r.root}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Moves a folder into the trash: one rename, however many files it holds. */
async function toTrash(r: ReleaseRoot, path: string): Promise<void> {
  await rename(path, join(r.trash, `${basename(path)}-${process.pid}-${Date.now()}`));
}

/** Old work folders of earlier runs go to the trash (the CI keeps their reports as artifacts). */
export async function clearOldWork(r: ReleaseRoot): Promise<void> {
  for (const name of readdirSync(r.work)) if (RELEASE_ID.test(name)) await toTrash(r, join(r.work, name));
}

/** Keeps the newest `keep` releases not rolled back from, and the current one; the rest go to the trash. */
export async function pruneReleases(r: ReleaseRoot, keep: number): Promise<string[]> {
  const ids = listReleases(r);
  const good = ids.filter((id) => !isRolledBack(r, id));
  const kept = new Set([...good.slice(Math.max(0, good.length - keep)), currentRelease(r)]);
  const old = ids.filter((id) => !kept.has(id));
  for (const id of old) {
    await toTrash(r, releaseDir(r, id));
    if (existsSync(readsDir(releaseDir(r, id)))) await toTrash(r, readsDir(releaseDir(r, id)));
    if (isRolledBack(r, id)) await unlink(rolledBackMark(r, id));
  }
  return old;
}

/**
 * Empties the trash in a detached, lowest-priority process, so deleting a whole old site
 * (hundreds of thousands of files) never slows this run or the next build.
 */
export const emptyTrashInBackground = (r: ReleaseRoot): void => emptyInBackground(r.trash);

/** Deletes what is in `dir` (not the folder itself) in a detached, lowest-priority process. */
export function emptyInBackground(dir: string): void {
  if (!existsSync(dir) || readdirSync(dir).length === 0) return;
  // Entry by entry, not the folder itself: the next run may be moving something in meanwhile.
  const script = `const fs = require('node:fs'), path = require('node:path'), t = ${JSON.stringify(dir)};
for (const n of fs.readdirSync(t)) fs.rmSync(path.join(t, n), { recursive: true, force: true });`;
  const child = spawn(process.execPath, ['-e', script], {
    detached: true,
    stdio: 'ignore',
  });
  try {
    if (child.pid) setPriority(child.pid, 19);
  } catch {
    // lowering the priority is a courtesy, not a requirement
  }
  child.unref();
}

/** Reports of this many runs are kept: a run's work folder goes at the next run, its report should not. */
export const REPORTS_KEPT = 100;

/** Keeps a run's report (or failure file) as ROOT/work/reports/<id>.json, and the newest REPORTS_KEPT of them; returns its path there. */
export async function keepReport(r: ReleaseRoot, id: string, path: string): Promise<string> {
  await mkdir(r.reports, { recursive: true });
  const kept = join(r.reports, `${id}.json`);
  await copyFile(path, kept);
  const reports = (await readdir(r.reports)).filter((n) => RELEASE_ID.test(n.replace(/\.json$/, ''))).sort();
  for (const old of reports.slice(0, Math.max(0, reports.length - REPORTS_KEPT))) await unlink(join(r.reports, old));
  return kept;
}
