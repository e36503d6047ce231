/** Runs the pipeline over a fixture export under test/fixtures/exports/. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import portal from '../../../portal.config.ts';
import { UnusableExport } from '../../../src/lib/export/errors.ts';
import { ingestExport } from '../../../src/lib/pipeline/ingest.ts';
import type { BuildReport, Problem } from '../../../src/lib/pipeline/report.ts';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'exports');
export const fixture = (name: string) => join(FIXTURES, name);

export function ingestFixture(name: string, asOf = '2026-11-28') {
  return ingestExport({ exportDir: fixture(name), asOf, regions: portal.regions, siteUrl: portal.siteUrl });
}

/** The UnusableExport that ingesting the export in `exportDir` throws; any other outcome fails the test. */
export async function unusableExport(exportDir: string, asOf = '2026-11-28'): Promise<UnusableExport> {
  try {
    await ingestExport({ exportDir, asOf, regions: portal.regions, siteUrl: portal.siteUrl });
  } catch (e) {
    if (e instanceof UnusableExport) return e;
    throw e;
  }
  assert.fail(`expected ${exportDir} to be unusable`);
}

export const unusableFixture = (name: string, asOf?: string) => unusableExport(fixture(name), asOf);

/** §6: the report accounts for every row of every file. */
export function assertEveryRowAccounted(report: BuildReport) {
  for (const [file, t] of Object.entries(report.files)) {
    assert.equal(t.rows, t.published + t.withheld + t.rejected, `${file}: rows = published + withheld + rejected`);
    assert.equal(t.withheld, Object.values(t.withheld_reasons).reduce((a, b) => a + (b ?? 0), 0), `${file}: withheld reasons add up`);
  }
}

export const problemsOf = (report: BuildReport, file: string, line?: number) =>
  report.problems.filter((p) => p.file === file && (line === undefined || p.line === line));
export const fieldsOf = (problems: Problem[]) => problems.map((p) => p.field).sort();
