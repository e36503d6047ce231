/**
 * The pipeline over the bundled sample export, damaged in ways no fixture foresaw (export-format.md
 * §7: bad rows are rejected with every error, nothing valid is lost, only a bad file stops the
 * build). Each case is seeded, and a failure names its seed and what it changed, so it replays.
 * The suite runs 30 of each kind; PORTAL_MUTATION_SEEDS=N runs N (2,000 of each passed on 2026-12-07).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import portal from '../../../portal.config.ts';
import { readCsv, type Encoding } from '../../../src/lib/export/csv.ts';
import { UnusableExport } from '../../../src/lib/export/errors.ts';
import { ingestExport, type IngestResult } from '../../../src/lib/pipeline/ingest.ts';
import { CONTRACT_FILES } from '../../../src/lib/schemas/contract.ts';
import { assertEveryRowAccounted } from '../support/exports.ts';
import { encodeGb18030 } from '../support/gb18030.ts';
import { tempDir } from '../support/temp-dir.ts';

const SAMPLE = join(import.meta.dirname, '../../../data/export');
const AS_OF = '2026-12-01';
const MANIFEST = JSON.parse(readFileSync(join(SAMPLE, 'manifest.json'), 'utf8')) as { files: Record<string, { rows: number; sha256: string; encoding: Encoding }> };
const RECORD_FILES = CONTRACT_FILES.filter((f) => f.kind !== 'subjects');
const SEEDS = Number(process.env.PORTAL_MUTATION_SEEDS ?? 30);

/** Cells an export should not hold but one day will: blanks, invisible and control characters, markup, dates that are not, other rows' values. */
const HOSTILE = ['', ' ', '\u0000', '\uFEFF', '\u200B', '\u202E', '=1+1', '<script>alert(1)</script>', 'x'.repeat(20_000), '9999-99-99', '2026-02-30', '2024-02-29', '0000-01-01', '2099-12-31', '2026/11/01', '20261101', '1e309', '-0', 'NaN', '-1', '99999999999999999999', 'constructor', '__proto__', 'toString', '😀', '\r', '\n', '"', ',', '\t', '../../etc/passwd', 'javascript:alert(1)', 'http://evil.example/', '{1+1}', '\\', '110101199003074514', '000000000000000000', 'ＡＢＣ', '已履行', '未履行', '是', '否', '长期有效', '2026-11-28', '2026-12-31', '2027-01-01', '0'];

/** mulberry32: a small seeded generator, so that every case replays. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { below: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}
type Random = ReturnType<typeof random>;

/** A copy of the sample export. */
function sampleCopy(): string {
  const dir = tempDir('portal-mutated-');
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

const readRows = (dir: string, file: string): string[][] => Papa.parse<string[]>(new TextDecoder(MANIFEST.files[file]!.encoding).decode(readFileSync(join(dir, file)))).data;

const encode = (file: string, text: string) => (MANIFEST.files[file]!.encoding === 'gb18030' ? encodeGb18030(text) : text);

/** Whether a value can be written in the file's encoding: the test's GB18030 encoder knows GBK's characters only. */
function writable(file: string, value: string): boolean {
  try {
    encode(file, value);
    return true;
  } catch {
    return false;
  }
}

const writeRows = (dir: string, file: string, rows: string[][]) => writeFileSync(join(dir, file), encode(file, Papa.unparse(rows, { newline: '\r\n' })));

/** The manifest signed again for the changed files, as the platform would, so that the damage reaches the rows. */
async function sign(dir: string): Promise<void> {
  const files = structuredClone(MANIFEST.files);
  for (const [file, entry] of Object.entries(files)) {
    if (readFileSync(join(dir, file)).equals(readFileSync(join(SAMPLE, file)))) continue;
    try {
      const { rows, sha256 } = await readCsv(join(dir, file), entry.encoding, () => {}, () => {});
      Object.assign(entry, { rows, sha256 });
    } catch {
      // Unreadable now (the damage is the point): its old signature stays, so the export is unusable.
    }
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...MANIFEST, files }));
}

const ingest = (dir: string) => ingestExport({ exportDir: dir, asOf: AS_OF, regions: portal.regions, siteUrl: portal.siteUrl });

/** Every record's outcome by file and key: what the site would show of it, or why it is withheld. */
function outcomes(result: IngestResult): Map<string, string> {
  const all = new Map<string, string>();
  for (const s of result.subjects) all.set(`subjects.csv#${s.creditCode}`, JSON.stringify(s));
  for (const { kind, definition } of RECORD_FILES) for (const r of result[kind] as { id: string }[]) all.set(`${definition.file}#${r.id}`, JSON.stringify(r));
  for (const w of result.withheld) all.set(`${w.kind}.csv#${w.id}`, `withheld: ${w.reason}`);
  for (const c of result.cases) all.set(`cases#${c.slug}`, JSON.stringify(c));
  return all;
}

const sampleOutcomes = outcomes(await ingest(SAMPLE));

describe('a hostile cell changes the outcome of its own row, and of nothing else', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    test(`seed ${seed}`, async () => {
      const rnd = random(seed);
      const dir = sampleCopy();
      const files = new Map<string, string[][]>();
      // The rows' own keys, before and after, and so any other row that shares the key one now has.
      const own = new Set<string>();
      const changes: string[] = [];
      for (let cell = 0; cell < 6; cell++) {
        const { file, keyColumn } = rnd.pick(RECORD_FILES).definition;
        const rows = files.get(file) ?? readRows(dir, file);
        files.set(file, rows);
        const header = rows[0]!;
        const key = header.indexOf(keyColumn);
        const line = 1 + rnd.below(rows.length - 2); // not the last: the parser's empty final row
        const column = rnd.below(header.length);
        own.add(`${file}#${rows[line]![key]}`);
        // A hostile value, or another row's value of the column (a copied key makes two rows share it).
        const value = rnd.below(4) === 0 ? rows[1 + rnd.below(rows.length - 2)]![column]! : rnd.pick(HOSTILE.filter((v) => writable(file, v)));
        rows[line]![column] = value;
        own.add(`${file}#${rows[line]![key]}`);
        changes.push(`${file} row ${line} ${header[column]} = ${JSON.stringify(value.slice(0, 30))}`);
      }
      for (const [file, rows] of files) writeRows(dir, file, rows);
      await sign(dir);
      const now = outcomes(await ingest(dir));
      const changed = [...new Set([...sampleOutcomes.keys(), ...now.keys()])].filter((k) => !own.has(k) && sampleOutcomes.get(k) !== now.get(k));
      assert.deepEqual(changed, [], changes.join('; '));
    });
  }
});

/** The GB18030 file cut short, or a byte inserted: the file or a row of it no longer decodes. */
function cutBytes(dir: string, rnd: Random): string {
  const file = 'commitments.csv';
  const bytes = readFileSync(join(dir, file));
  const at = rnd.below(bytes.length);
  const cut = rnd.below(2) === 0;
  writeFileSync(join(dir, file), cut ? bytes.subarray(0, at) : Buffer.concat([bytes.subarray(0, at), Buffer.from([rnd.below(256)]), bytes.subarray(at)]));
  return `${file}: ${cut ? 'cut' : 'a byte inserted'} at byte ${at}`;
}

/** Damage beyond one cell: rows repeated, lost or ragged, headers swapped, bytes cut or inserted, markup in a case body. */
const DAMAGE: ((dir: string, rnd: Random) => string)[] = [
  (dir, rnd) => {
    const { definition } = rnd.pick(RECORD_FILES);
    const rows = readRows(dir, definition.file);
    const line = 1 + rnd.below(rows.length - 2);
    const how = rnd.below(4);
    if (how === 0) rows.splice(line, 0, [...rows[line]!]);
    else if (how === 1) rows.splice(line, 1);
    else if (how === 2) rows[line]!.pop();
    else rows[line]!.push('多出的一格');
    writeRows(dir, definition.file, rows);
    return `${definition.file} row ${line}: ${['repeated', 'removed', 'one cell short', 'one cell long'][how]}`;
  },
  (dir, rnd) => {
    const file = rnd.pick(CONTRACT_FILES).definition.file;
    const rows = readRows(dir, file);
    const [i, j] = [rnd.below(rows[0]!.length), rnd.below(rows[0]!.length)];
    [rows[0]![i], rows[0]![j]] = [rows[0]![j]!, rows[0]![i]!];
    writeRows(dir, file, rows);
    return `${file}: header columns ${i} and ${j} swapped`;
  },
  cutBytes,
  (dir, rnd) => {
    const name = rnd.pick(readdirSync(join(dir, 'cases')));
    const body = readFileSync(join(dir, 'cases', name), 'utf8');
    const at = rnd.below(body.length);
    const markup = rnd.pick(['import x from "y"\n', 'export const a = 1\n', '{process.exit(1)}', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '---\n', '<iframe src="http://evil.example/">', '[x](javascript:alert(1))', '![x](http://evil.example/a.png)', '<Foo />', '\u0000', '{', '<']);
    writeFileSync(join(dir, 'cases', name), body.slice(0, at) + markup + body.slice(at));
    return `cases/${name}: ${JSON.stringify(markup)} at ${at}`;
  },
];

describe('damaged exports: the pipeline decides every row or stops with its reasons, and never crashes', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    test(`seed ${seed}`, async () => {
      const rnd = random(1000 + seed);
      const dir = sampleCopy();
      // The bytes last: the other damage reads its file as text first.
      const damage = Array.from({ length: 1 + rnd.below(3) }, () => rnd.pick(DAMAGE)).sort((a, b) => Number(a === cutBytes) - Number(b === cutBytes));
      const what = damage.map((d) => d(dir, rnd)).join('; ');
      await sign(dir);
      let result: IngestResult;
      try {
        result = await ingest(dir);
      } catch (e) {
        if (!(e instanceof UnusableExport)) throw new Error(`${what}: ${(e as Error).stack}`);
        assert.ok(e.problems.length > 0 && e.problems.every((p) => p.file && p.message), what);
        return;
      }
      const { report } = result;
      assertEveryRowAccounted(report);
      for (const { definition } of CONTRACT_FILES) {
        const tally = report.files[definition.file];
        if (!tally) continue;
        // Every rejected row has its errors at its own line.
        const lines = new Set(report.problems.filter((p) => p.file === definition.file && p.severity === 'error' && p.line).map((p) => p.line));
        assert.equal(lines.size, tally.rejected, `${what}: ${definition.file} rejected rows and lines with errors`);
      }
      for (const p of report.problems) assert.ok(p.file && p.message, `${what}: ${JSON.stringify(p)}`);
    });
  }
});
