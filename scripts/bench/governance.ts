/**
 * node scripts/bench/governance.ts DIR [--as-of YYYY-MM-DD]
 * Times, on an export, what the governance and open-data pages add to a build: the
 * /governance/ figures and the size/sha256 index of every /data/ file, with peak memory.
 * Prints one JSON line of figures measured in this run.
 */
import { parseArgs } from 'node:util';
import portal from '../../portal.config.ts';
import { buildCalendar } from '../../src/lib/calendar/calendar-files.ts';
import { governanceSummary } from '../../src/lib/governance/summary.ts';
import { openFileIndex } from '../../src/lib/open-data/files.ts';
import { ingestExport } from '../../src/lib/pipeline/ingest.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'as-of': { type: 'string', default: '2026-11-28' } } });
const exportDir = positionals[0];
if (!exportDir) {
  console.error('用法：node scripts/bench/governance.ts DIR [--as-of YYYY-MM-DD]');
  process.exit(2);
}
const asOf = values['as-of']!;
const records = await ingestExport({ exportDir, asOf, regions: portal.regions, siteUrl: portal.siteUrl });
const rss = () => process.memoryUsage().rss / 2 ** 20;
let peak = rss();
const timer = setInterval(() => (peak = Math.max(peak, rss())), 20);
const t0 = performance.now();
const summary = governanceSummary(records, { asOf, calendar: buildCalendar().calendar, regions: portal.regions });
const t1 = performance.now();
const info = { platform: records.manifest.platform, exportedAt: records.manifest.exported_at, asOf, sample: false };
const index = openFileIndex({ records, summary, info, config: portal });
const t2 = performance.now();
clearInterval(timer);
peak = Math.max(peak, rss());
const published = records.commitments.length + records.penalties.length + records.enforcement.length + records.dishonest.length + records.honors.length;
console.log(JSON.stringify({ published, governanceSeconds: (t1 - t0) / 1000, openDataSeconds: (t2 - t1) / 1000, openDataMB: index.reduce((a, f) => a + f.bytes, 0) / 1e6, peakRssMB: Math.round(peak) }));
