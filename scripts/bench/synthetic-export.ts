/**
 * Writes a large, contract-conformant synthetic export for benchmarks.
 *
 *   node scripts/bench/synthetic-export.ts --out DIR --records N [--kinds commitments|mixed]
 *
 * `commitments` (default): N commitments of about 1 KB each (100 000 rows ≈ 100 MB) plus
 * 2 000 subjects. `mixed`: N records split across commitments, penalties, enforcement
 * cases, dishonest listings and honours, mostly published at as-of 2026-11-28. Files are
 * written in chunks with their sha256 computed on the way, so memory stays flat. The
 * output is deterministic for a given N and kind.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ManifestFile } from '../../src/lib/export/manifest.ts';
import {
  CodeBook,
  COLUMNS,
  commitmentRow,
  createContext,
  createRng,
  csvLine,
  csvRecord,
  dishonestRow,
  enforcementRow,
  generateSubjects,
  honorRow,
  penaltyRow,
  REGIONS,
  subjectRow,
  writeManifest,
  type ContractFileName,
  type GeneratorContext,
  type Row,
} from '../lib/synthetic.ts';

const SEED = 7_000_001;
const SUBJECTS = 2000;
const FLUSH_CHARS = 1 << 20;

/** Shares of a mixed export; commitments take what rounding leaves. */
const MIXED_SHARES: readonly [ContractFileName, number][] = [
  ['penalties.csv', 0.2],
  ['enforcement.csv', 0.12],
  ['dishonest.csv', 0.06],
  ['honors.csv', 0.12],
];

/** A CSV file written in chunks, hashed as it goes. */
interface CsvStream {
  add(row: Row): void;
  close(): ManifestFile;
}

function openCsv(path: string, columns: readonly string[]): CsvStream {
  const fd = openSync(path, 'w');
  const hash: Hash = createHash('sha256');
  let pending: string[] = [];
  let pendingChars = 0;
  let rows = 0;
  const flush = () => {
    const bytes = Buffer.from(pending.join(''), 'utf8');
    writeSync(fd, bytes);
    hash.update(bytes);
    pending = [];
    pendingChars = 0;
  };
  const push = (text: string) => {
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars >= FLUSH_CHARS) flush();
  };
  push(csvLine(columns, '\n'));
  return {
    add(row) {
      push(csvRecord(columns, row, '\n'));
      rows += 1;
    },
    close() {
      flush();
      closeSync(fd);
      return { rows, sha256: hash.digest('hex'), encoding: 'utf-8' };
    },
  };
}

type Generator = (ctx: GeneratorContext, index: number) => Row;

const GENERATORS: Record<Exclude<ContractFileName, 'subjects.csv'>, Generator> = {
  'commitments.csv': (ctx, i) => commitmentRow(ctx, i, { contentLength: [220, 300] }),
  'penalties.csv': penaltyRow,
  'enforcement.csv': enforcementRow,
  'dishonest.csv': dishonestRow,
  'honors.csv': honorRow,
};

function recordCounts(records: number, kinds: 'commitments' | 'mixed'): Map<ContractFileName, number> {
  if (kinds === 'commitments') return new Map([['commitments.csv', records]]);
  const counts = new Map<ContractFileName, number>(MIXED_SHARES.map(([file, share]) => [file, Math.floor(records * share)]));
  const taken = [...counts.values()].reduce((a, b) => a + b, 0);
  return new Map([['commitments.csv', records - taken], ...counts]);
}

function writeFile(out: string, file: ContractFileName, count: number, make: (index: number) => Row): ManifestFile {
  const csv = openCsv(join(out, file), COLUMNS[file]);
  for (let i = 0; i < count; i++) csv.add(make(i));
  return csv.close();
}

function parseOptions(): { out: string; records: number; kinds: 'commitments' | 'mixed' } {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      records: { type: 'string' },
      kinds: { type: 'string', default: 'commitments' },
    },
  });
  const records = Number(values.records);
  if (!values.out || !Number.isInteger(records) || records < 1 || (values.kinds !== 'commitments' && values.kinds !== 'mixed')) {
    console.error('usage: node scripts/bench/synthetic-export.ts --out DIR --records N [--kinds commitments|mixed]');
    process.exit(64);
  }
  return { out: values.out, records, kinds: values.kinds };
}

function main(): void {
  const started = performance.now();
  const { out, records, kinds } = parseOptions();
  mkdirSync(out, { recursive: true });
  // Stale contract files from an earlier run would not match the new manifest.
  for (const file of [...Object.keys(COLUMNS), 'manifest.json']) rmSync(join(out, file), { force: true });

  const codes = new CodeBook();
  const subjects = generateSubjects(createRng(SEED), codes, () => SUBJECTS / REGIONS.length);
  const idWidth = Math.max(6, String(records).length);
  const files: Record<string, ManifestFile> = {
    'subjects.csv': writeFile(out, 'subjects.csv', subjects.length, (i) => subjectRow(subjects[i]!)),
  };
  let stream = 1;
  for (const [file, count] of recordCounts(records, kinds)) {
    if (file === 'subjects.csv') continue;
    const ctx = createContext(createRng(SEED + stream++), codes, subjects, 'bench', idWidth);
    files[file] = writeFile(out, file, count, (i) => GENERATORS[file](ctx, i));
  }

  writeManifest(out, files);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${Object.entries(files).map(([f, e]) => `${f} ${e.rows}`).join(', ')} → ${out} in ${seconds} s`);
}

main();
