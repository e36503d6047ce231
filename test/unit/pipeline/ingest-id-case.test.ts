import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import portal from '../../../portal.config.ts';
import { ingestExport } from '../../../src/lib/pipeline/ingest.ts';
import { assertEveryRowAccounted, fixture, problemsOf } from '../support/exports.ts';
import { tempDir } from '../support/temp-dir.ts';

test('two ids that differ only in case reject both rows: one address on a host that ignores case', async () => {
  const dir = join(tempDir('id-case-'), 'export');
  cpSync(fixture('good'), dir, { recursive: true });
  // Line 2 is BZ-2026-0001; the new last line spells it in lower case.
  appendFileSync(join(dir, 'honors.csv'), 'bz-2026-0001,11370900MB2850001B,泰安市发展和改革委员会,另一项表彰,泰安市人民政府,市级,2026-02-01,\n');
  assert.equal(spawnSync(process.execPath, ['scripts/export-manifest.ts', dir], { cwd: join(import.meta.dirname, '..', '..', '..') }).status, 0);
  const { report } = await ingestExport({ exportDir: dir, asOf: '2026-11-28', regions: portal.regions, siteUrl: portal.siteUrl });
  assertEveryRowAccounted(report);
  const message = '编号 BZ-2026-0001、bz-2026-0001 只有大小写不同，在不区分大小写的网站主机上是同一个网址（第 2、4 行），所有相关行均不予公示';
  for (const line of [2, 4]) assert.deepEqual(problemsOf(report, 'honors.csv', line).map((p) => [p.field, p.message]), [['信息编号', message]], `line ${line}`);
});
