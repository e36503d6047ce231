/**
 * One timed run of the pipeline over an export, in a process of its own so that peak
 * memory is the pipeline's alone. Prints one JSON line; exits 2 (and prints no figures)
 * when the export could not be ingested. Used by scripts/bench/ingest.ts.
 *   node scripts/bench/ingest-run.ts DIR [--as-of YYYY-MM-DD] [--report FILE]
 */
import { ingestExport } from '../../src/lib/pipeline/ingest.ts';
import { writeReport } from '../../src/lib/pipeline/write-report.ts';
import portal from '../../portal.config.ts';
import { asOfOrExit, parseCommandLine } from '../lib/cli.ts';

const usage = 'node scripts/bench/ingest-run.ts DIR [--as-of YYYY-MM-DD] [--report 文件]';
const { values, positionals } = parseCommandLine(usage, { options: { 'as-of': { type: 'string', default: '2026-11-28' }, report: { type: 'string', default: 'reports/bench-ingest-report.json' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error(`用法：${usage}`);
  process.exit(2);
}
const asOf = asOfOrExit(values['as-of']);
const start = performance.now();
let report;
try {
  ({ report } = await ingestExport({ exportDir: positionals[0]!, asOf, regions: portal.regions, siteUrl: portal.siteUrl }));
} catch (e) {
  console.error(e);
  process.exit(2);
}
await writeReport(values.report, report);
const seconds = (performance.now() - start) / 1000;
const rows = Object.fromEntries(Object.entries(report.files).map(([file, t]) => [file, t.rows]));
const rejected = Object.values(report.files).reduce((n, t) => n + t.rejected, 0);
console.log(JSON.stringify({ seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, rows, rejected }));
