/**
 * The export and as-of date a build uses (§7): PORTAL_EXPORT (default data/export) and
 * PORTAL_AS_OF (default today in China Standard Time). One ingest per build process.
 */
import portal from '../../../portal.config.ts';
import { parseAsOf } from '../dates/civil-date.ts';
import { UnusableExport } from '../export/errors.ts';
import { formatProblem } from './report.ts';
import { ingestExport, type IngestResult } from './ingest.ts';
import { stoppedReport, writeReport } from './write-report.ts';
import { buildExportDir, buildReportPath } from './build-env.ts';

export function buildAsOf(): string {
  const parsed = parseAsOf(process.env.PORTAL_AS_OF);
  if (!parsed.ok) throw new BuildStopped(`PORTAL_AS_OF ${parsed.message}`);
  return parsed.date;
}

/**
 * The build stops on purpose: an unusable export or setting, not a fault in the code.
 * It carries no stack trace — the message names file, line and field, which is all the
 * operator needs — so the build prints the reasons and nothing that looks like a crash.
 */
export class BuildStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildStopped';
    // Empty, not merely frameless: Astro prints any stack under a heading of its own.
    this.stack = '';
  }
}

/** Runs the pipeline once, writing the report whatever happens; an export that cannot be published stops the build. */
export async function ingestForBuildOnce(exportDir: string, reportPath: string): Promise<IngestResult> {
  const asOf = buildAsOf();
  let result: IngestResult;
  try {
    result = await ingestExport({ exportDir, asOf, regions: portal.regions, siteUrl: portal.siteUrl });
  } catch (e) {
    const report = stoppedReport(asOf, exportDir, e);
    await writeReport(reportPath, report);
    if (!(e instanceof UnusableExport)) throw e; // a fault in the code: its trace helps whoever fixes it
    throw new BuildStopped(`导出不可用，构建已停止（报告：${reportPath}）：\n${report.problems.map(formatProblem).join('\n')}`);
  }
  await writeReport(reportPath, result.report);
  return result;
}

let ingest: Promise<IngestResult> | undefined;

/** Runs the pipeline once per process and writes the build report. */
export function ingestForBuild(): Promise<IngestResult> {
  ingest ??= ingestForBuildOnce(buildExportDir(), buildReportPath());
  return ingest;
}
