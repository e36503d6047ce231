/**
 * npm run bench:ingest -- --records 100000
 * Generates a synthetic export (kept under bench-out/ and reused when present), then
 * validates it in a fresh process and prints wall seconds and peak memory.
 * Target on 2-core machines: 100,000 commitment rows (~100 MB) in < 15 s, peak < 1 GB.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { records: { type: 'string', default: '100000' }, runs: { type: 'string', default: '1' } } });
const records = Number(values.records);
const dir = join('bench-out', `ingest-${records}`);
const node = process.execPath;

if (!existsSync(join(dir, 'manifest.json'))) {
  console.log(`生成合成导出：${records} 条承诺 → ${dir}`);
  execFileSync(node, ['scripts/bench/synthetic-export.ts', '--out', dir, '--records', String(records)], { stdio: 'inherit' });
}
const mb = statSync(join(dir, 'commitments.csv')).size / 1e6;
for (let run = 1; run <= Number(values.runs); run++) {
  const out = execFileSync(node, ['scripts/bench/ingest-run.ts', dir], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  const verdict = r.seconds < 15 && r.peakRssMB < 1024 ? '达标' : '未达标';
  console.log(`bench:ingest run ${run}: ${r.rows} rows (commitments.csv ${mb.toFixed(1)} MB), ${r.rejected} rejected — ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMB.toFixed(0)} MB (target < 15 s, < 1024 MB: ${verdict})`);
}
