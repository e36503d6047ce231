import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UnusableExport } from '../export/errors.ts';
import { maskPersonalNumbers } from '../identifiers/personal-numbers.ts';
import type { BuildReport, Problem } from './report.ts';

/** A report path that cannot be written: the command line's mistake, told in one line. */
export class ReportUnwritable extends Error {}

export async function writeReport(path: string, report: BuildReport) {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(report, null, 2) + '\n');
  } catch (e) {
    throw new ReportUnwritable(`无法写入报告 ${path}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
}

/**
 * The report of a run that stopped: what made the export unusable, or — for an error
 * nobody foresaw — that error itself, so that the operator sees it in the report too.
 * Its message is masked like every other: it may quote a cell.
 */
export function stoppedReport(asOf: string, exportDir: string, e: unknown): BuildReport {
  const problems: Problem[] =
    e instanceof UnusableExport
      ? e.problems.map((p) => ({ ...p, severity: 'error' as const }))
      : [{ file: exportDir, severity: 'error', message: maskPersonalNumbers(`检查意外中止（程序错误，请报告）：${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`) }];
  const info = e instanceof UnusableExport ? e.exportInfo : undefined;
  return { as_of: asOf, export: info ?? { platform: '', exported_at: '', schema_version: 0 }, usable: false, files: {}, problems };
}
