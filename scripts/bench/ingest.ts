/**
 * npm run bench:ingest -- [--records 100000] [--runs 1]
 * Generates a synthetic export (kept under bench-out/ and reused when its manifest holds
 * exactly the requested rows), then validates it in a fresh process per run and prints
 * wall seconds and peak memory measured in that run.
 * Target on 2-core machines: 100,000 commitment rows (~100 MB) in < 15 s, peak < 1 GB.
 * Exit 1 when a run misses a target, 2 when a run fails or did not read every row:
 * a figure is only printed for a run that read the whole export.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine } from '../lib/cli.ts';

const TARGET = { seconds: 15, peakRssMB: 1024 };
const usage = 'npm run bench:ingest -- [--records 100000] [--runs 1]';
const { values } = parseCommandLine(usage, { options: { records: { type: 'string', default: '100000' }, runs: { type: 'string', default: '1' } } });
const records = Number(values.records);
const runs = Number(values.runs);
if (!Number.isInteger(records) || records < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error(`--records 与 --runs 应为正整数\n用法：${usage}`);
  process.exit(2);
}
const dir = join('bench-out', `ingest-${records}`);
const node = process.execPath;

const manifestRows = (): Record<string, number> | undefined => {
  try {
    const files: Record<string, { rows: number }> = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).files;
    return Object.fromEntries(Object.entries(files).map(([f, e]) => [f, e.rows]));
  } catch {
    return undefined;
  }
};
if (manifestRows()?.['commitments.csv'] !== records) {
  console.log(`生成合成导出：${records} 条承诺 → ${dir}`);
  execFileSync(node, ['scripts/bench/synthetic-export.ts', '--out', dir, '--records', String(records)], { stdio: 'inherit' });
}
const expected = manifestRows()!;
const mb = statSync(join(dir, 'commitments.csv')).size / 1e6;
let missed = false;
for (let run = 1; run <= runs; run++) {
  const child = spawnSync(node, ['scripts/bench/ingest-run.ts', dir], { encoding: 'utf8' });
  const last = child.stdout.trim().split('\n').pop();
  if (child.status !== 0 || !last) {
    console.error(`bench:ingest run ${run} failed (exit ${child.status}); no figures reported.\n${child.stderr}`);
    process.exit(2);
  }
  const r: { seconds: number; peakRssMB: number; rows: Record<string, number>; rejected: number } = JSON.parse(last);
  // A run that stopped short of the export measured something else.
  for (const [file, rows] of Object.entries(expected)) {
    if (r.rows[file] !== rows) {
      console.error(`bench:ingest run ${run}: ${file} read ${r.rows[file] ?? 0} of ${rows} rows; no figures reported.`);
      process.exit(2);
    }
  }
  const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
  const ok = r.seconds < TARGET.seconds && r.peakRssMB < TARGET.peakRssMB;
  missed ||= !ok;
  console.log(`bench:ingest run ${run}: ${total} rows (commitments.csv ${mb.toFixed(1)} MB), ${r.rejected} rejected — ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMB.toFixed(0)} MB (target < ${TARGET.seconds} s, < ${TARGET.peakRssMB} MB: ${ok ? '达标' : '未达标'})`);
}
process.exit(missed ? 1 : 0);
