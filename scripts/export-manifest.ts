/**
 * npm run export:manifest -- DIR [--platform NAME] [--exported-at ISO] [--sample]
 * Writes DIR/manifest.json for the contract CSV files in DIR: rows counted by the same
 * reader the build uses, sha256 of the bytes, and the encoding (kept from an existing
 * manifest, else utf-8). A file the reader cannot read (undecodable, a quote that never
 * closes) gets no manifest: exit 2, naming the file and line, as the build would.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv, UnreadableCsv, type Encoding } from '../src/lib/export/csv.ts';
import { CONTRACT_FILES } from '../src/lib/schemas/contract.ts';
import { parseCommandLine } from './lib/cli.ts';

const usage = 'npm run export:manifest -- DIR [--platform 名称] [--exported-at 2026-11-27T23:10:00+08:00] [--sample]';
const { values, positionals } = parseCommandLine(usage, { options: { platform: { type: 'string' }, 'exported-at': { type: 'string' }, sample: { type: 'boolean' } }, allowPositionals: true });
const dir = positionals[0];
if (!dir || positionals.length > 1) {
  console.error(`用法：${usage}`);
  process.exit(2);
}
const path = join(dir, 'manifest.json');
let previous: { platform?: string; exported_at?: string; sample?: boolean; files?: Record<string, { encoding?: Encoding }> } = {};
try {
  if (existsSync(path)) previous = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
} catch (e) {
  console.error(`${path}：现有清单不是有效的 JSON，请先删除或修正它（${(e as Error).message}）`);
  process.exit(2);
}
const files: Record<string, { rows: number; sha256: string; encoding: Encoding }> = {};
for (const { definition } of CONTRACT_FILES) {
  const file = join(dir, definition.file);
  if (!existsSync(file)) continue;
  const encoding: Encoding = previous.files?.[definition.file]?.encoding ?? 'utf-8';
  try {
    const { rows, sha256 } = await readCsv(file, encoding, () => {}, () => {});
    files[definition.file] = { rows, sha256, encoding };
  } catch (e) {
    if (!(e instanceof UnreadableCsv)) throw e;
    console.error(`${definition.file}:${e.line}: ${e.message}`);
    console.error('未写入清单。');
    process.exit(2);
  }
}
const manifest = {
  schema_version: 1,
  platform: values.platform ?? previous.platform ?? '泰安市公共信用信息平台',
  exported_at: values['exported-at'] ?? previous.exported_at ?? new Date().toISOString(),
  ...((values.sample ?? previous.sample) ? { sample: true } : {}),
  files,
};
writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
console.log(`已写入 ${path}：${Object.entries(files).map(([f, m]) => `${f} ${m.rows} 行`).join('，')}`);
