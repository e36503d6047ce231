/**
 * The next day's export for the daily-rebuild benchmark:
 *
 *   node scripts/bench/changed-export.ts --from DIR --out DIR2 [--every 100]
 *
 * A copy of the export in which every --every-th row of each contract file (1% by default)
 * has one text cell corrected, as a platform's daily corrections would: an agency's address,
 * a letter's content, a penalty's facts, a case's issuing unit, a listing's conduct, an
 * honour's title. Files keep their encoding (and a UTF-8 file its BOM); the cases and
 * attachments are linked, not copied; the manifest is made anew by scripts/export-manifest.ts.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readCsv, type Encoding } from '../../src/lib/export/csv.ts';
import { COLUMNS, csvRecord, encodeGb18030, type ContractFileName } from '../lib/synthetic.ts';

/** The cell corrected in each file: free text of the contract, shown on the record's page. */
const CORRECTED: Record<ContractFileName, string> = {
  'subjects.csv': '办公地址',
  'commitments.csv': '承诺内容',
  'penalties.csv': '违法事实',
  'enforcement.csv': '做出执行依据单位',
  'dishonest.csv': '失信被执行人行为具体情形',
  'honors.csv': '荣誉名称',
};

const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string' }, every: { type: 'string', default: '100' } } });
if (!values.from || !values.out) throw new Error('usage: node scripts/bench/changed-export.ts --from DIR --out DIR2 [--every 100]');
const from = values.from;
const out = values.out;
const every = Number(values.every);

const startsWithBom = (path: string) => {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(3);
  readSync(fd, head, 0, 3, 0);
  closeSync(fd);
  return head.equals(Buffer.from([0xef, 0xbb, 0xbf]));
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// Cases and attachments unchanged: hard links, so a 100,000-record export costs no copy. The
// manifest is copied: it is rewritten below, and writing through a link would change the original.
for (const e of readdirSync(from, { recursive: true, withFileTypes: true })) {
  const rel = relative(from, join(e.parentPath, e.name));
  if (e.isDirectory()) mkdirSync(join(out, rel), { recursive: true });
  else if (rel === 'manifest.json') copyFileSync(join(from, rel), join(out, rel));
  else if (!(rel in CORRECTED)) linkSync(join(from, rel), join(out, rel));
}
const manifest = JSON.parse(readFileSync(join(from, 'manifest.json'), 'utf8')) as { files: Record<string, { encoding?: Encoding }> };
let changed = 0;
let rows = 0;
for (const [file, column] of Object.entries(CORRECTED) as [ContractFileName, string][]) {
  const path = join(from, file);
  if (!existsSync(path)) continue;
  const encoding = manifest.files[file]?.encoding ?? 'utf-8';
  const headers = COLUMNS[file];
  const lines: string[] = [csvRecord(headers, Object.fromEntries(headers.map((h) => [h, h])), '\r\n')];
  let n = 0;
  await readCsv(path, encoding, () => {}, ({ cells }) => {
    const row = Object.fromEntries(headers.map((h) => [h, cells[h] ?? '']));
    if (++n % every === 0 && row[column]) {
      row[column] += '（更正）';
      changed++;
    }
    lines.push(csvRecord(headers, row, '\r\n'));
  });
  rows += n;
  const text = lines.join('');
  writeFileSync(join(out, file), encoding === 'gb18030' ? encodeGb18030(text) : (startsWithBom(path) ? '\uFEFF' : '') + text);
}
execFileSync(process.execPath, [join(import.meta.dirname, '../export-manifest.ts'), out], { stdio: 'ignore' });
console.log(`${out}：${rows} 行中更正了 ${changed} 行`);
