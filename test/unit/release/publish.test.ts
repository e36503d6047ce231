/**
 * `publish` when the release `current` points at was removed by hand (the site is down): the newest
 * kept release stands in for it, for the drop guard, the history and the pages to reuse, and the new
 * release brings the site back. The build is a stand-in that records what it was asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import portal from '../../../portal.config.ts';
import { publishRelease, ReleaseFailure, type BuildRequest, type PublishOptions } from '../../../src/lib/release/publish.ts';
import { keepReport, newReleaseId, openOrCreateReleaseRoot, openReleaseRoot, releaseDir, REPORTS_KEPT, rollback } from '../../../src/lib/release/release-root.ts';
import { fixture } from '../support/exports.ts';
import { tempDir } from '../support/temp-dir.ts';

const temp = tempDir('portal-publish-');
const out = join(temp, 'root');
const requests: BuildRequest[] = [];
const lines: string[] = [];
const options = (from: string): PublishOptions => ({
  from,
  out,
  asOf: '2026-11-28',
  regions: portal.regions,
  siteUrl: portal.siteUrl,
  keep: 7,
  maxDrop: 0.2,
  acceptDrop: false,
  acceptOlder: false,
  download: { timeoutMs: 1000, retries: 0, retryDelayMs: 0, maxBytes: 1 },
  unpack: { maxBytes: 1, maxFiles: 1 },
  log: (line) => lines.push(line),
  // A site of one page, whose safety checks passed.
  build: async (request) => {
    requests.push(request);
    mkdirSync(request.outDir, { recursive: true });
    writeFileSync(join(request.outDir, 'index.html'), request.outDir);
    const report = JSON.parse(readFileSync(request.reportPath, 'utf8'));
    writeFileSync(request.reportPath, JSON.stringify({ ...report, safety: { passed: true, problems: [] } }));
  },
});

test('a current release removed by hand: the newest kept one stands in, and the next publish brings the site back', async () => {
  const first = await publishRelease(options(fixture('good')));
  const second = await publishRelease(options(fixture('good')));
  const r = openReleaseRoot(out);
  await rollback(r);
  assert.equal(readlinkSync(r.current), `releases/${first.id}`);
  renameSync(releaseDir(r, first.id), join(temp, 'moved-away'));

  // The drop guard compares with the stand-in's 17 published rows (the `withdrawn` export has 13).
  await assert.rejects(publishRelease(options(fixture('withdrawn'))), (e: unknown) => e instanceof ReleaseFailure && e.stage === 'drop-guard' && e.message.startsWith('公示记录从当前版本的 17 条降到 13 条'));
  assert.ok(lines.some((l) => l === `注意：${r.current} 指向的版本 ${first.id} 不存在（可能被手动删除），网站无法访问；以保留的最新版本 ${second.id} 作为上一版本`), lines.join('\n'));

  const third = await publishRelease(options(fixture('good')));
  assert.equal(requests.at(-1)!.reuseFrom, releaseDir(r, second.id));
  assert.equal(readlinkSync(r.current), `releases/${third.id}`);
  assert.equal(readFileSync(join(r.current, 'index.html'), 'utf8'), requests.at(-1)!.outDir);
});

test("a record gone from the export is remembered and gets a notice; one whose row is rejected today is remembered but gets none (its address is a plain 404, portal.md)", async () => {
  const root = join(temp, 'gone-root');
  const dir = join(tempDir('portal-gone-'), 'export');
  cpSync(fixture('withdrawn'), dir, { recursive: true });
  // The withdrawn export drops CN2026000002–04; CN2026000006's row is made invalid here.
  const csv = Papa.parse<string[]>(readFileSync(join(dir, 'commitments.csv'), 'utf8'), { skipEmptyLines: true }).data;
  const dateColumn = csv[0]!.indexOf('承诺作出日期');
  csv.find((row) => row[0] === 'CN2026000006')![dateColumn] = '不是日期';
  writeFileSync(join(dir, 'commitments.csv'), Papa.unparse(csv) + '\n');
  assert.equal(spawnSync(process.execPath, ['scripts/export-manifest.ts', dir], { cwd: join(import.meta.dirname, '..', '..', '..') }).status, 0);
  await publishRelease({ ...options(fixture('good')), out: root });
  const released = await publishRelease({ ...options(dir), out: root, acceptDrop: true });
  const updates = JSON.parse(readFileSync(requests.at(-1)!.updatesPath, 'utf8'));
  assert.deepEqual(updates.gone, ['CN2026000002', 'CN2026000003', 'CN2026000004'].map((id) => ({ kind: 'commitments', id })));
  const digest = JSON.parse(readFileSync(join(released.dir, 'release.json'), 'utf8'));
  assert.deepEqual(digest.gone, ['commitments/CN2026000002', 'commitments/CN2026000003', 'commitments/CN2026000004', 'commitments/CN2026000006']);
});

test('the guards run before the build: an earlier as-of date, and an export without dishonest.csv, stop with their stage and leave current as it was', async () => {
  const root = join(temp, 'guard-root');
  const first = await publishRelease({ ...options(fixture('good')), out: root });
  const built = requests.length;
  let failed: ReleaseFailure | undefined;
  await assert.rejects(publishRelease({ ...options(fixture('good')), out: root, asOf: '2026-11-27' }), (e: unknown) => (failed = e as ReleaseFailure) instanceof ReleaseFailure && failed.stage === 'freshness' && failed.message.startsWith('公示基准日 2026-11-27 早于当前版本的 2026-11-28'));
  // Its report is kept where the next run does not clear it (that run's work folder goes to the trash).
  assert.match(failed!.reportPath!, new RegExp(`^${join(root, 'work', 'reports')}/\\d{8}T\\d{9}Z\\.json$`));
  // The good export without its two dishonest listings: 17 published rows → 15, 11.8 %.
  const dir = join(tempDir('portal-guard-'), 'export');
  cpSync(fixture('good'), dir, { recursive: true });
  rmSync(join(dir, 'dishonest.csv'));
  assert.equal(spawnSync(process.execPath, ['scripts/export-manifest.ts', dir], { cwd: join(import.meta.dirname, '..', '..', '..') }).status, 0);
  await assert.rejects(publishRelease({ ...options(dir), out: root }), (e: unknown) => e instanceof ReleaseFailure && e.stage === 'drop-guard' && /^失信被执行人：当前版本有 2 条，本次导出中一条也没有/.test(e.message));
  assert.equal(requests.length, built);
  assert.equal(readlinkSync(openReleaseRoot(root).current), `releases/${first.id}`);
  // Each lets the export through once it has been checked.
  await publishRelease({ ...options(dir), out: root, acceptDrop: true });
  assert.equal(requests.length, built + 1);
  assert.equal(JSON.parse(readFileSync(failed!.reportPath!, 'utf8')).as_of, '2026-11-27');
});

test(`a root keeps the reports of the newest ${REPORTS_KEPT} runs`, async () => {
  const r = await openOrCreateReleaseRoot(join(temp, 'reports-root'));
  const report = join(temp, 'a-report.json');
  writeFileSync(report, '{}');
  // Ids a millisecond apart, oldest first, as newReleaseId makes them.
  const ids = Array.from({ length: REPORTS_KEPT + 3 }, (_, i) => newReleaseId(new Date(Date.UTC(2026, 10, 28, 6, 0, 0, i))));
  for (const id of ids) assert.equal(await keepReport(r, id, report), join(r.reports, `${id}.json`));
  assert.deepEqual(readdirSync(r.reports).sort(), ids.slice(3).map((id) => `${id}.json`));
});
