import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import portal from '../../../portal.config.ts';
import { ingestExport } from '../../../src/lib/pipeline/ingest.ts';
import { assertEveryRowAccounted, fixture, problemsOf } from '../support/exports.ts';
import { tempDir } from '../support/temp-dir.ts';

test('text after a closing quote in a file with no other quote rejects its row alone, with one problem; the rest of the file is read', async () => {
  const dir = join(tempDir('stray-quote-'), 'export');
  cpSync(fixture('good'), dir, { recursive: true });
  const lines = readFileSync(join(dir, 'honors.csv'), 'utf8').split('\n');
  assert.ok(!lines.join('\n').includes('"'));
  // Line 2: its 荣誉名称 quoted, with text after the closing quote.
  lines[1] = lines[1]!.replace('山东省社会信用体系建设先进集体', '"山东省社会信用体系建设先进集体"x');
  writeFileSync(join(dir, 'honors.csv'), lines.join('\n'));
  assert.equal(spawnSync(process.execPath, ['scripts/export-manifest.ts', dir], { cwd: join(import.meta.dirname, '..', '..', '..') }).status, 0);
  const { report } = await ingestExport({ exportDir: dir, asOf: '2026-11-28', regions: portal.regions, siteUrl: portal.siteUrl });
  assertEveryRowAccounted(report);
  assert.deepEqual(problemsOf(report, 'honors.csv', 2).map((p) => [p.field, p.message]), [['（整行）', '引号用法有误：加引号的字段在闭合引号后还有其他字符，本行无法按字段读取（字段内的引号应写作 ""），其余各行照常读取']]);
  const good = (await ingestExport({ exportDir: fixture('good'), asOf: '2026-11-28', regions: portal.regions, siteUrl: portal.siteUrl })).report.files['honors.csv']!;
  // The same file but one row: that row rejected instead of published, every other as before.
  assert.deepEqual(report.files['honors.csv'], { ...good, published: good.published - 1, rejected: good.rejected + 1 });
});
