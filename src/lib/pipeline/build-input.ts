/**
 * The export and as-of date a build uses (§7): PORTAL_EXPORT (default data/export) and
 * PORTAL_AS_OF (default today in China Standard Time). One ingest per build process.
 */
import portal from '../../../portal.config.ts';
import { parseCivilDate, todayInChina } from '../dates/civil-date.ts';
import { ingestExport, type IngestResult } from './ingest.ts';
import { writeReport } from './write-report.ts';

export function buildAsOf(): string {
  const raw = process.env.PORTAL_AS_OF;
  if (!raw) return todayInChina();
  const date = parseCivilDate(raw);
  if (date !== raw) throw new Error(`PORTAL_AS_OF 不是 YYYY-MM-DD 格式的有效日期：${raw}`);
  return date;
}

export const buildExportDir = () => process.env.PORTAL_EXPORT ?? 'data/export';
export const buildReportPath = () => process.env.PORTAL_REPORT ?? 'reports/build-report.json';

let ingest: Promise<IngestResult> | undefined;

/** Runs the pipeline once per process and writes the build report. */
export function ingestForBuild(): Promise<IngestResult> {
  ingest ??= (async () => {
    const result = await ingestExport({ exportDir: buildExportDir(), asOf: buildAsOf(), regions: portal.regions });
    await writeReport(buildReportPath(), result.report);
    return result;
  })();
  return ingest;
}
