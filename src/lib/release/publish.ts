/**
 * `npm run publish`: one export in, one release out, or nothing changed at all.
 * download → unpack → validate (the pipeline) → drop guard → build (with the safety checks)
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
import { compareReleases, extendHistory, goneKeys, goneNoticeKeys, historySchema, recordRefOf, releaseDigest, releaseDigestSchema, type Changes, type History, type ReleaseDigest } from './changes.ts';
import { download, type DownloadLimits } from './download.ts';
import {
  clearOldWork,
  emptyTrashInBackground,
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

export type ReleaseStage = 'root' | 'download' | 'unpack' | 'validate' | 'drop-guard' | 'build' | 'safety' | 'publish';

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
      return await release(o, r, id, work, log);
    } catch (e) {
      // Every run leaves a result file beside its report, so the CI artifact always says what failed.
      const failure = e instanceof ReleaseFailure ? e : new ReleaseFailure('publish', `意外错误：${(e as Error).stack ?? e}`);
      const resultPath = join(work, 'publish-failure.json');
      await writeFile(resultPath, JSON.stringify({ id, stage: failure.stage, message: failure.message, report: failure.reportPath ?? null }, null, 2) + '\n');
      throw new ReleaseFailure(failure.stage, failure.message, failure.reportPath ?? resultPath);
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
    const drop = dropGuard(live.digest.published_rows, digest.published_rows, o.maxDrop);
    if (drop && !o.acceptDrop) throw new ReleaseFailure('drop-guard', `${drop}；核实导出无误后加 --accept-drop 重新发布`, reportPath);
    if (drop) log(`已确认（--accept-drop）：${drop}`);
  }
  const changes = compareReleases(digest, live.digest);
  digest.gone = goneKeys(digest, live.digest);
  const updates: UpdatesFile = { changes, history: extendHistory(live.history, changes), gone: goneNoticeKeys(digest).map(recordRefOf) };
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
