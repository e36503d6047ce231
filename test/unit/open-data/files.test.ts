import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import portal from '../../../portal.config.ts';
import { buildCalendar } from '../../../src/lib/calendar/calendar-files.ts';
import { governanceSummary } from '../../../src/lib/governance/summary.ts';
import { OPEN_FILE_NAMES, openFileBody, openFileIndex } from '../../../src/lib/open-data/files.ts';
import { ingestExport } from '../../../src/lib/pipeline/ingest.ts';
import { tempDir } from '../support/temp-dir.ts';

const asOf = '2026-11-27';
const records = await ingestExport({ exportDir: 'data/export', asOf, regions: portal.regions, siteUrl: portal.siteUrl });
const input = {
  records,
  summary: governanceSummary(records, { asOf, calendar: buildCalendar().calendar, regions: portal.regions }),
  info: { platform: records.manifest.platform, exportedAt: records.manifest.exported_at, asOf, sample: true },
  config: portal,
};

test('given a folder, the index writes every /data/ file as it measures it: each file holds its text and has the size and sha256 listed', () => {
  const dir = tempDir('open-data-');
  const index = openFileIndex(input, dir);
  assert.deepEqual(readdirSync(dir).sort(), [...OPEN_FILE_NAMES].sort());
  assert.deepEqual(openFileIndex(input), index); // without a folder, the same figures
  for (const f of index) {
    const bytes = readFileSync(join(dir, f.name));
    assert.equal(bytes.length, f.bytes, f.name);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), f.sha256, f.name);
    assert.equal(bytes.toString('utf8'), openFileBody(f.name, input, index), f.name);
  }
  // datapackage.json describes the other files with the sizes and digests of the files written.
  const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as { resources: { path: string; bytes: number; hash: string }[] };
  assert.deepEqual(
    pkg.resources.map((r) => [r.path, r.bytes, r.hash]),
    OPEN_FILE_NAMES.filter((n) => n !== 'datapackage.json').map((n) => {
      const bytes = readFileSync(join(dir, n));
      return [n, bytes.length, `sha256:${createHash('sha256').update(bytes).digest('hex')}`];
    }),
  );
});
