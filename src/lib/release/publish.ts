/**
 * `npm run publish`: one export in, one release out, or nothing changed at all.
 * download → unpack → validate (the pipeline) → freshness and drop guards → build (with the safety checks)
 * → releases/<id>/ → `current` switched in one step → old releases pruned in the background.
 * Every failure is a ReleaseFailure naming its stage; until the switch, only ROOT/work/ is written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CivilDate } from '../dates/civil-date.ts';
import { UnusableExport } from '../export/errors.ts';
import { ingestExport } from '../pipeline/ingest.ts';
import { stoppedReport, writeReport } from '../pipeline/write-report.ts';
import { carriedMoves, compareReleases, extendHistory, goneKeys, goneNoticeKeys, historySchema, recordRefOf, releaseDigest, releaseDigestSchema, type Changes, type History, type ReleaseDigest } from './changes.ts';
import { download, type DownloadLimits } from './download.ts';
import {
  clearOldWork,
  emptyTrashInBackground,
  keepReport,
  lockRoot,
  missingReleaseMessage,
  newReleaseId,
  openOrCreateReleaseRoot,
  pruneReleases,
  releaseDir,
  servedRelease,
  switchCurrent,
  type ReleaseRoot,
} from './release-root.ts';
import { unpackArchive, type UnpackLimits } from './unpack.ts';
import type { UpdatesFile } from './updates.ts';
import { readsDir } from './page-reads.ts';
import { PAGE_KIND_LABELS, PAGE_KINDS, type PageKind } from '../site/record-pages.ts';

export type ReleaseStage = 'root' | 'download' | 'unpack' | 'validate' | 'freshness' | 'drop-guard' | 'build' | 'safety' | 'publish';

export class ReleaseFailure extends Error {
  readonly stage: ReleaseStage;
  readonly reportPath: string | undefined;
  constructor(stage: ReleaseStage, message: string, reportPath?: string) {
    super(message);
    this.stage = stage;
    this.reportPath = reportPath;
  }
}

/** What the build step gets; `npm run publish` runs the build command (scripts/build.ts) with these as PORTAL_* variables. */
export interface BuildRequest {
  exportDir: string;
  asOf: CivilDate;
  outDir: string;
  reportPath: string;
  updatesPath: string;
  /** The live release's folder: its unchanged record pages are copied, not rendered again (page-reuse.ts). */
  reuseFrom?: string;
}

export interface PublishOptions {
  /** Export folder, local archive, or http(s) URL of a .zip / .tar.gz. */
  from: string;
  out: string;
  asOf: CivilDate;
  regions: readonly string[];
  /** The site's own origin (portal configuration): a case's link to it is checked as a relative one. */
  siteUrl: string;
  /** Releases kept (the current one always is). */
  keep: number;
  /** Largest accepted fall in published rows against the live release, as a fraction. */
  maxDrop: number;
  acceptDrop: boolean;
  /** Publish an export older than the live release's, or an earlier as-of date (olderThanLive). */
  acceptOlder: boolean;
  download: DownloadLimits;
  unpack: UnpackLimits;
  build: (request: BuildRequest) => Promise<void>;
  log?: (line: string) => void;
}

export interface PublishedRelease {
  id: string;
  dir: string;
  reportPath: string;
  changes: Changes;
  pruned: string[];
}

/** The live release (servedRelease), its digest and history, if there is one. */
function liveRelease(r: ReleaseRoot, log: (line: string) => void): { id?: string; digest?: ReleaseDigest; history: History } {
  const { id, missing } = servedRelease(r);
  if (missing) log(`注意：${missingReleaseMessage(r, missing)}；${id ? `以保留的最新版本 ${id} 作为上一版本` : '没有保留的版本，按首次发布处理'}`);
  if (!id) return { history: [] };
  const digestPath = join(releaseDir(r, id), 'release.json');
  const historyPath = join(releaseDir(r, id), 'updates', 'history.json');
  const parse = <T>(path: string, schema: { parse: (v: unknown) => T }): T => {
    try {
      return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch (e) {
      throw new ReleaseFailure('drop-guard', `无法读取当前版本的 ${path}：${(e as Error).message}`);
    }
  };
  return { id, digest: parse(digestPath, releaseDigestSchema), history: existsSync(historyPath) ? parse(historyPath, historySchema) : [] };
}

/** The export folder inside an unpacked archive: its top level, or its one folder. */
async function locateExport(dir: string): Promise<string> {
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.length === 1 && entries[0]!.isDirectory() && existsSync(join(dir, entries[0]!.name, 'manifest.json'))) return join(dir, entries[0]!.name);
  throw new ReleaseFailure('unpack', '压缩包中找不到 manifest.json（应在顶层或唯一的一级文件夹中）');
}

async function fetchExport(o: PublishOptions, work: string, log: (l: string) => void): Promise<string> {
  const unpacked = join(work, 'export');
  let archive: string;
  if (/^https?:\/\//i.test(o.from)) {
    archive = join(work, 'export-archive');
    try {
      const bytes = await download(o.from, archive, o.download, log);
      log(`已下载 ${(bytes / 1e6).toFixed(2)} MB`);
    } catch (e) {
      throw new ReleaseFailure('download', `下载 ${o.from} 失败：${(e as Error).message}`);
    }
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(o.from)) {
    throw new ReleaseFailure('download', `只支持 http(s) 地址：${o.from}`);
  } else if (!existsSync(o.from)) {
    throw new ReleaseFailure('download', `导出不存在：${resolve(o.from)}`);
  } else if (statSync(o.from).isDirectory()) {
    return resolve(o.from);
  } else {
    archive = resolve(o.from);
  }
  try {
    const format = await unpackArchive(archive, unpacked, o.unpack);
    log(`已解压（${format}）`);
  } catch (e) {
    throw new ReleaseFailure('unpack', `解压失败：${(e as Error).message}`);
  }
  return locateExport(unpacked);
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The drop guard: a half-empty export is likelier than half the records expiring overnight. */
export function dropGuard(live: number, next: number, maxDrop: number): string | undefined {
  if (live === 0 || next >= live * (1 - maxDrop)) return undefined;
  return `公示记录从当前版本的 ${live} 条降到 ${next} 条（减少 ${percent(1 - next / live)}，超过允许的 ${percent(maxDrop)}）`;
}

/** Below this many published records of a kind, a day's change of a few is no sign of a broken file. */
const KIND_GUARD_MIN = 20;

/**
 * The drop guard over the whole export and over each kind: a file missing or cut short hides in
 * the total when other files are large (every dishonest listing gone, the city's headline figure
 * at 0, was 2 % of the rows). A kind with records (published or withheld) that has none at all
 * today is stopped whatever its size: a listing removed stays in the export, withheld.
 */
export function dropGuards(live: ReleaseDigest, next: ReleaseDigest, maxDrop: number): string[] {
  const found: string[] = [];
  const total = dropGuard(live.published_rows, next.published_rows, maxDrop);
  if (total) found.push(total);
  const count = (keys: Record<string, unknown>, kind: PageKind) => Object.keys(keys).filter((k) => k.startsWith(`${kind}/`)).length;
  for (const kind of PAGE_KINDS) {
    const [was, now] = [count(live.published, kind), count(next.published, kind)];
    const [wasAll, nowAll] = [was + count(live.withheld, kind), now + count(next.withheld, kind)];
    if (wasAll > 0 && nowAll === 0) found.push(`${PAGE_KIND_LABELS[kind]}：当前版本有 ${wasAll} 条，本次导出中一条也没有（文件缺失或为空？）`);
    else if (was >= KIND_GUARD_MIN) {
      const drop = dropGuard(was, now, maxDrop);
      if (drop) found.push(`${PAGE_KIND_LABELS[kind]}：${drop}`);
    }
  }
  return found;
}

/**
 * An export older than the live release's, or an earlier as-of date: publishing it would bring
 * back records whose publication period has ended and put the history out of order. Going back
 * is what rollback is for.
 */
export function olderThanLive(live: ReleaseDigest, next: ReleaseDigest): string | undefined {
  if (next.as_of < live.as_of) return `公示基准日 ${next.as_of} 早于当前版本的 ${live.as_of}`;
  if (Date.parse(next.exported_at) < Date.parse(live.exported_at)) return `导出时间 ${next.exported_at} 早于当前版本导出的 ${live.exported_at}`;
  return undefined;
}

export async function publishRelease(o: PublishOptions): Promise<PublishedRelease> {
  const log = o.log ?? (() => {});
  let r: ReleaseRoot;
  try {
    r = await openOrCreateReleaseRoot(o.out);
  } catch (e) {
    throw new ReleaseFailure('root', (e as Error).message);
  }
  let unlock: () => Promise<void>;
  try {
    unlock = await lockRoot(r);
  } catch (e) {
    throw new ReleaseFailure('root', (e as Error).message);
  }
  try {
    // Earlier runs' folders (a failed run's download and build included) go now, not at the next success.
    await clearOldWork(r);
    emptyTrashInBackground(r);
    const id = newReleaseId();
    const work = join(r.work, id);
    await mkdir(work, { recursive: true });
    log(`发布 ${id}：工作目录 ${work}`);
    try {
      const released = await release(o, r, id, work, log);
      return { ...released, reportPath: await keepReport(r, id, released.reportPath) };
    } catch (e) {
      // Every run leaves a result file beside its report, so the CI artifact always says what failed.
      const failure = e instanceof ReleaseFailure ? e : new ReleaseFailure('publish', `意外错误：${(e as Error).stack ?? e}`);
      const resultPath = join(work, 'publish-failure.json');
      await writeFile(resultPath, JSON.stringify({ id, stage: failure.stage, message: failure.message, report: failure.reportPath ?? null }, null, 2) + '\n');
      throw new ReleaseFailure(failure.stage, failure.message, await keepReport(r, id, failure.reportPath ?? resultPath));
    }
  } finally {
    await unlock();
  }
}

async function release(o: PublishOptions, r: ReleaseRoot, id: string, work: string, log: (line: string) => void): Promise<PublishedRelease> {
  const reportPath = join(work, 'build-report.json');

  const exportDir = await fetchExport(o, work, log);

  let digest: ReleaseDigest;
  try {
    const result = await ingestExport({ exportDir, asOf: o.asOf, regions: o.regions, siteUrl: o.siteUrl });
    await writeReport(reportPath, result.report);
    digest = releaseDigest(result, result.report);
  } catch (e) {
    if (e instanceof UnusableExport) {
      await writeReport(reportPath, stoppedReport(o.asOf, exportDir, e));
      throw new ReleaseFailure('validate', `导出不可用：\n${e.message}`, reportPath);
    }
    throw new ReleaseFailure('validate', `校验时出错：${(e as Error).message}`, reportPath);
  }

  const live = liveRelease(r, log);
  if (live.digest) {
    const older = olderThanLive(live.digest, digest);
    if (older && !o.acceptOlder) throw new ReleaseFailure('freshness', `${older}：可能是旧的导出或日期有误；要回到上一版本请用 npm run rollback，核实无误后可加 --accept-older 重新发布`, reportPath);
    if (older) log(`已确认（--accept-older）：${older}`);
    const drops = dropGuards(live.digest, digest, o.maxDrop);
    if (drops.length && !o.acceptDrop) throw new ReleaseFailure('drop-guard', `${drops.join('；')}；核实导出无误后加 --accept-drop 重新发布`, reportPath);
    if (drops.length) log(`已确认（--accept-drop）：${drops.join('；')}`);
  }
  digest.moved = carriedMoves(digest, live.digest);
  const changes = compareReleases(digest, live.digest);
  digest.gone = goneKeys(digest, live.digest);
  const moved = Object.fromEntries(Object.entries(digest.moved).map(([from, to]) => [recordRefOf(from).id, recordRefOf(to).id]));
  const updates: UpdatesFile = { changes, history: extendHistory(live.history, changes), gone: goneNoticeKeys(digest).map(recordRefOf), moved };
  const updatesPath = join(work, 'updates.json');
  await writeFile(updatesPath, JSON.stringify(updates) + '\n');

  const outDir = join(work, 'site');
  try {
    await o.build({ exportDir, asOf: o.asOf, outDir, reportPath, updatesPath, ...(live.id ? { reuseFrom: releaseDir(r, live.id) } : {}) });
  } catch (e) {
    const safety = readSafety(reportPath);
    throw new ReleaseFailure(safety === false ? 'safety' : 'build', (e as Error).message, reportPath);
  }
  if (readSafety(reportPath) !== true) throw new ReleaseFailure('safety', '构建报告中没有通过安全检查的记录', reportPath);
  await writeFile(join(outDir, 'release.json'), JSON.stringify(digest) + '\n');

  try {
    await rename(outDir, releaseDir(r, id));
    // What the build read of its pages goes with it, for the next run (page-reads.ts).
    if (existsSync(readsDir(outDir))) await rename(readsDir(outDir), readsDir(releaseDir(r, id)));
    await switchCurrent(r, id);
  } catch (e) {
    throw new ReleaseFailure('publish', `切换版本失败：${(e as Error).message}`, reportPath);
  }
  const pruned = await pruneReleases(r, o.keep);
  emptyTrashInBackground(r);
  return { id, dir: releaseDir(r, id), reportPath, changes, pruned };
}

/** Whether the build report says the safety checks passed (undefined: they did not run). */
function readSafety(reportPath: string): boolean | undefined {
  try {
    return JSON.parse(readFileSync(reportPath, 'utf8')).safety?.passed;
  } catch {
    return undefined;
  }
}
