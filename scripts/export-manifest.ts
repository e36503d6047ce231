/**
 * npm run export:manifest -- DIR [--platform NAME] [--exported-at ISO] [--sample]
 * Writes DIR/manifest.json for the contract CSV files in DIR: rows counted by the same
 * reader the build uses, sha256 of the bytes, and the encoding (kept from an existing
 * manifest, else utf-8).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCsv, type Encoding } from '../src/lib/export/csv.ts';
import { CONTRACT_FILES } from '../src/lib/schemas/contract.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { platform: { type: 'string' }, 'exported-at': { type: 'string' }, sample: { type: 'boolean' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('用法：npm run export:manifest -- DIR [--platform 名称] [--exported-at 2026-11-27T23:10:00+08:00] [--sample]');
  process.exit(2);
}
const path = join(dir, 'manifest.json');
const previous = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
const files: Record<string, { rows: number; sha256: string; encoding: Encoding }> = {};
for (const { definition } of CONTRACT_FILES) {
  const file = join(dir, definition.file);
  if (!existsSync(file)) continue;
  const encoding: Encoding = previous.files?.[definition.file]?.encoding ?? 'utf-8';
  const { rows, sha256 } = await readCsv(file, encoding, () => {}, () => {});
  files[definition.file] = { rows, sha256, encoding };
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
