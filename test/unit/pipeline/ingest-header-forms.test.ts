/** A contract column written in another form of its characters: named for the operator, never read as the column (§3 matches names exactly). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import portal from '../../../portal.config.ts';
import { ingestExport } from '../../../src/lib/pipeline/ingest.ts';
import { fixture, problemsOf, unusableExport } from '../support/exports.ts';
import { tempDir } from '../support/temp-dir.ts';

/** The good fixture with one header of `file` rewritten, its manifest made again. */
function withHeader(file: string, from: string, to: string): string {
  const dir = join(tempDir('header-forms-'), 'export');
  cpSync(fixture('good'), dir, { recursive: true });
  const text = readFileSync(join(dir, file), 'utf8');
  const end = text.indexOf('\n');
  writeFileSync(join(dir, file), text.slice(0, end).replace(from, to) + text.slice(end));
  assert.equal(spawnSync(process.execPath, ['scripts/export-manifest.ts', dir], { cwd: join(import.meta.dirname, '..', '..', '..') }).status, 0);
  return dir;
}

test('an optional column written with ASCII brackets is named as the column it resembles, and its values are not read', async () => {
  const { report, penalties } = await ingestExport({ exportDir: withHeader('penalties.csv', '罚款金额（万元）', '罚款金额(万元)'), asOf: '2026-11-28', regions: portal.regions, siteUrl: portal.siteUrl });
  assert.deepEqual(problemsOf(report, 'penalties.csv', 1).map((p) => [p.severity, p.field, p.message]), [['warning', '罚款金额(万元)', '未知列，已忽略：与导出格式的“罚款金额（万元）”写法不同（列名须完全一致），该列的值均未读取']]);
  assert.ok(penalties.every((p) => p.fine === undefined));
});

test('a required column written with a space is missing, and the message names the header that resembles it', async () => {
  const e = await unusableExport(withHeader('commitments.csv', '承诺事由', '承诺 事由'));
  assert.deepEqual(
    e.problems.filter((p) => p.file === 'commitments.csv').map((p) => p.message),
    ['缺少必需的列：承诺事由（表头中的“承诺 事由”与“承诺事由”写法不同，列名须与导出格式完全一致）'],
  );
});
