/**
 * npm run validate -- --export DIR --as-of YYYY-MM-DD --report FILE [--strict]
 * Checks an export without building the site (export-format.md §7).
 * Exit 0: usable; 1: rows rejected and --strict; 2: export unusable, a bad command line, a
 * report path that cannot be written, or an error nobody foresaw — the report is written in
 * every other case, with the error in it.
 */
import portal from '../portal.config.ts';
import { UnusableExport } from '../src/lib/export/errors.ts';
import { ingestExport } from '../src/lib/pipeline/ingest.ts';
import { formatProblem, type BuildReport } from '../src/lib/pipeline/report.ts';
import { ReportUnwritable, stoppedReport, writeReport } from '../src/lib/pipeline/write-report.ts';
import { summarize } from '../src/lib/pipeline/summary.ts';
import { asOfOrExit, parseCommandLine } from './lib/cli.ts';

const { values } = parseCommandLine('npm run validate -- [--export 目录] [--as-of YYYY-MM-DD] [--report 文件] [--strict]', { options: {
  export: { type: 'string', default: process.env.PORTAL_EXPORT ?? 'data/export' },
  'as-of': { type: 'string' },
  report: { type: 'string', default: 'reports/build-report.json' },
  strict: { type: 'boolean', default: false },
} });
const asOf = asOfOrExit(values['as-of']);

let report: BuildReport;
let exitCode: number;
try {
  report = (await ingestExport({ exportDir: values.export, asOf, regions: portal.regions, siteUrl: portal.siteUrl })).report;
  console.log(summarize(report));
  const rejected = Object.values(report.files).some((t) => t.rejected > 0);
  exitCode = values.strict && rejected ? 1 : 0;
} catch (e) {
  report = stoppedReport(asOf, values.export, e);
  if (e instanceof UnusableExport) console.error(e.message);
  else console.error(report.problems.map(formatProblem).join('\n'), '\n', e);
  console.error('导出不可用，未做任何更改。');
  exitCode = 2;
}
try {
  await writeReport(values.report, report);
} catch (e) {
  if (!(e instanceof ReportUnwritable)) throw e;
  console.error(e.message);
  exitCode = 2;
}
// Not process.exit(): into a pipe, it dropped the output the pipe had not yet taken.
process.exitCode = exitCode;
