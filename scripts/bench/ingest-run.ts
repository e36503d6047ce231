/**
 * One timed run of the pipeline over an export, in a process of its own so that peak
 * memory is the pipeline's alone. Prints one JSON line. Used by scripts/bench/ingest.ts.
 */
import { ingestExport } from '../../src/lib/pipeline/ingest.ts';
import { writeReport } from '../../src/lib/pipeline/write-report.ts';
import portal from '../../portal.config.ts';

const [dir, asOf = '2026-11-28', reportPath = 'reports/bench-ingest-report.json'] = process.argv.slice(2);
const start = performance.now();
const { report } = await ingestExport({ exportDir: dir!, asOf, regions: portal.regions });
await writeReport(reportPath, report);
const seconds = (performance.now() - start) / 1000;
const rows = Object.values(report.files).reduce((n, t) => n + t.rows, 0);
const rejected = Object.values(report.files).reduce((n, t) => n + t.rejected, 0);
console.log(JSON.stringify({ seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, rows, rejected }));
