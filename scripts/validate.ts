/**
 * npm run validate -- --export DIR --as-of YYYY-MM-DD --report FILE [--strict]
 * Checks an export without building the site (export-format.md §7).
 * Exit 0: usable; 1: rows rejected and --strict; 2: export unusable.
 */
import { parseArgs } from 'node:util';
import portal from '../portal.config.ts';
import { parseCivilDate, todayInChina } from '../src/lib/dates/civil-date.ts';
import { UnusableExport } from '../src/lib/export/errors.ts';
import { ingestExport } from '../src/lib/pipeline/ingest.ts';
import { writeReport, unusableReport } from '../src/lib/pipeline/write-report.ts';
import { summarize } from '../src/lib/pipeline/summary.ts';

const { values } = parseArgs({
  options: {
    export: { type: 'string', default: process.env.PORTAL_EXPORT ?? 'data/export' },
    'as-of': { type: 'string', default: process.env.PORTAL_AS_OF },
    report: { type: 'string', default: 'reports/build-report.json' },
    strict: { type: 'boolean', default: false },
  },
});

const asOf = values['as-of'] ? parseCivilDate(values['as-of']) : todayInChina();
if (!asOf) {
  console.error(`--as-of 不是有效日期：${values['as-of']}（应为 YYYY-MM-DD）`);
  process.exit(2);
}

try {
  const { report } = await ingestExport({ exportDir: values.export, asOf, regions: portal.regions });
  await writeReport(values.report, report);
  console.log(summarize(report));
  const rejected = Object.values(report.files).some((t) => t.rejected > 0);
  process.exit(values.strict && rejected ? 1 : 0);
} catch (e) {
  if (!(e instanceof UnusableExport)) throw e;
  await writeReport(values.report, unusableReport(asOf, e));
  console.error(e.message);
  console.error('导出不可用，未做任何更改。');
  process.exit(2);
}
