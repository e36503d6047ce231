import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { UnusableExport } from '../export/errors.ts';
import type { BuildReport } from './report.ts';

export async function writeReport(path: string, report: BuildReport) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(report, null, 2) + '\n');
}

/** The report of an export that stopped the build: what made it unusable, nothing else. */
export function unusableReport(asOf: string, e: UnusableExport): BuildReport {
  return {
    as_of: asOf,
    export: { platform: '', exported_at: '', schema_version: 0 },
    usable: false,
    files: {},
    problems: e.problems.map((p) => ({ ...p, severity: 'error' as const })),
  };
}
