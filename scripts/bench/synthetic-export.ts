/**
 * Writes a large, contract-conformant synthetic export for benchmarks.
 *
 *   node scripts/bench/synthetic-export.ts --out DIR --records N [--kinds commitments|mixed|city]
 *
 * `commitments` (default): N commitments of about 1 KB each (100 000 rows ≈ 100 MB) plus
 * 2 000 subjects. `mixed`: N records split across commitments, penalties, enforcement
 * cases, dishonest listings and honours, mostly published at as-of 2026-11-28. `city` (the
 * build benchmark's): N commitments with a city's proportions of everything else — 484
 * agencies per 20,000 commitments (issue 10's export), penalties, enforcement cases,
 * listings, honours and model cases in the shares below, letters of 200–1,500 characters
 * as in the sample, commitments.csv in GB18030 and subjects.csv with a UTF-8 BOM, a signed
 * PDF for one letter in 22 and a cover image for every other case. Files are written in
 * chunks with their sha256 computed on the way, so memory stays flat. The output is
 * deterministic for a given N and kind.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ManifestFile } from '../../src/lib/export/manifest.ts';
import { caseFrontMatter, CASE_CATEGORIES } from '../../src/lib/schemas/case.ts';
import {
  CodeBook,
  COLUMNS,
  commitmentRow,
  coverImage,
  createContext,
  createRng,
  csvLine,
  csvRecord,
  dishonestRow,
  encodeGb18030,
  enforcementRow,
  FIRST_DATE,
  generateSubjects,
  honorRow,
  LAST_DATE,
  minimalPdf,
  penaltyRow,
  randomDate,
  REGIONS,
  subjectRow,
  writeManifest,
  type ContractFileName,
  type GeneratorContext,
  type Rng,
  type Row,
  type Subject,
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

/** Per commitment in a `city` export; commitments are the bulk of what a city publishes. */
const CITY_SHARES: readonly [ContractFileName, number][] = [
  ['penalties.csv', 0.1],
  ['enforcement.csv', 0.05],
  ['dishonest.csv', 0.03],
  ['honors.csv', 0.05],
];
const CITY_AGENCIES_PER_COMMITMENT = 484 / 20_000;
const CITY_CASES_PER_COMMITMENT = 1 / 1000;

type Kinds = 'commitments' | 'mixed' | 'city';
type Encoding = ManifestFile['encoding'];

/** A CSV file written in chunks, hashed as it goes. */
interface CsvStream {
  add(row: Row): void;
  close(): ManifestFile;
}

function openCsv(path: string, columns: readonly string[], encoding: Encoding = 'utf-8', bom = false): CsvStream {
  const fd = openSync(path, 'w');
  const hash: Hash = createHash('sha256');
  let pending: string[] = bom ? ['\uFEFF'] : [];
  let pendingChars = 0;
  let rows = 0;
  const flush = () => {
    // Chunks end at row ends, so no character is split between two encodings.
    const text = pending.join('');
    const bytes = encoding === 'gb18030' ? encodeGb18030(text) : Buffer.from(text, 'utf8');
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
      return { rows, sha256: hash.digest('hex'), encoding };
    },
  };
}

type Generator = (ctx: GeneratorContext, index: number) => Row;

/** One signed letter in 22 has its PDF, as in the sample. */
const cityAttachment = (index: number, id: string) => (index % 22 === 7 ? `commitments/${id}.pdf` : undefined);

function generators(kinds: Kinds): Record<Exclude<ContractFileName, 'subjects.csv'>, Generator> {
  return {
    'commitments.csv': kinds === 'city' ? (ctx, i) => commitmentRow(ctx, i, { contentLength: [200, 1500], attachment: cityAttachment }) : (ctx, i) => commitmentRow(ctx, i, { contentLength: [220, 300] }),
    'penalties.csv': penaltyRow,
    'enforcement.csv': enforcementRow,
    'dishonest.csv': dishonestRow,
    'honors.csv': honorRow,
  };
}

function recordCounts(records: number, kinds: Kinds): Map<ContractFileName, number> {
  if (kinds === 'commitments') return new Map([['commitments.csv', records]]);
  if (kinds === 'city') return new Map([['commitments.csv', records], ...CITY_SHARES.map(([file, share]) => [file, Math.round(records * share)] as const)]);
  const counts = new Map<ContractFileName, number>(MIXED_SHARES.map(([file, share]) => [file, Math.floor(records * share)]));
  const taken = [...counts.values()].reduce((a, b) => a + b, 0);
  return new Map([['commitments.csv', records - taken], ...counts]);
}

/** How the platform writes each file in a `city` export (the others are plain UTF-8). */
const CITY_ENCODINGS: Partial<Record<ContractFileName, { encoding: Encoding; bom?: boolean }>> = {
  'commitments.csv': { encoding: 'gb18030' },
  'subjects.csv': { encoding: 'utf-8', bom: true },
};

function writeFile(out: string, file: ContractFileName, count: number, make: (index: number) => Row, kinds: Kinds): ManifestFile {
  const format = kinds === 'city' ? CITY_ENCODINGS[file] : undefined;
  const csv = openCsv(join(out, file), COLUMNS[file], format?.encoding, format?.bom);
  for (let i = 0; i < count; i++) {
    const row = make(i);
    csv.add(row);
    if (file === 'commitments.csv' && row['承诺书附件']) writeAttachment(out, row['承诺书附件'], minimalPdf([`Commitment letter ${row['信息编号']} (synthetic)`, 'Scanned copy of the signed letter.']));
  }
  return csv.close();
}

function writeAttachment(out: string, path: string, bytes: Buffer): void {
  const full = join(out, 'attachments', path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, bytes);
}

// ---------------------------------------------------------------------------
// Model cases (cases/*.md): a report of a few sections, 800–2,500 characters

const PRACTICES = [
  '建立承诺事项台账，逐项明确责任科室、责任人和办结时限，按季度比对履行情况。',
  '将政务承诺履行情况纳入年度绩效考核，考核结果与评先评优挂钩。',
  '依托公共信用信息平台归集承诺和履约信息，做到可查询、可追溯。',
  '对群众反映的违诺线索实行“一线索一核查”，核查结果及时向社会公开。',
  '组织开展政务诚信专题培训，覆盖全体干部职工和窗口工作人员。',
  '推行涉企行政执法“首违不罚”清单，引导经营主体主动整改、修复信用。',
  '对拖欠中小企业账款实行清单化管理，明确还款计划并定期调度。',
  '邀请人大代表、政协委员和企业代表担任政务诚信监督员，参与评议。',
];
const RESULTS = [
  '承诺事项按期履行率明显提高，群众满意度持续上升。',
  '全年未发生新的政务失信案件，历史遗留问题全部清零。',
  '涉企投诉数量同比下降，营商环境评价排名前移。',
  '形成的经验做法被上级部门转发推广。',
];

function caseBody(rng: Rng, subject: Subject): string {
  const practices = Array.from({ length: rng.int(3, 6) }, (_, i) => `${i + 1}. **${rng.pick(PRACTICES).slice(0, 8)}。** ${Array.from({ length: rng.int(2, 5) }, () => rng.pick(PRACTICES)).join('')}`);
  return [
    '## 基本情况',
    `${subject.name}坚持把政务诚信建设作为优化营商环境的重要抓手，围绕“言必信、行必果”的要求，健全承诺、履约、监督、评价的全链条工作机制。${rng.pick(PRACTICES)}`,
    '## 主要做法',
    practices.join('\n'),
    '## 工作成效',
    Array.from({ length: rng.int(2, 4) }, () => rng.pick(RESULTS)).join(''),
  ].join('\n\n');
}

function writeCases(out: string, rng: Rng, subjects: readonly Subject[], count: number): void {
  mkdirSync(join(out, 'cases'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const slug = `bench-case-${String(i + 1).padStart(6, '0')}`;
    const subject = rng.pick(subjects);
    const cover = i % 2 === 0 ? `cases/${slug}.png` : undefined;
    const front = {
      title: `${subject.name}扎实推进政务诚信建设（第${i + 1}例）`,
      date: randomDate(rng, FIRST_DATE, LAST_DATE),
      region: subject.region.name,
      category: CASE_CATEGORIES[i % CASE_CATEGORIES.length]!,
      summary: `${subject.name}健全政务承诺履约机制，${rng.pick(RESULTS)}`,
      subjects: [subject.code],
      source: '泰安市社会信用体系建设领导小组办公室',
      ...(cover ? { cover, cover_alt: '泰山远景示意图' } : {}),
    };
    const checked = caseFrontMatter.safeParse(front);
    if (!checked.success) throw new Error(`case ${slug}: ${checked.error.issues.map((e) => e.message).join('；')}`);
    const yaml = ['---', ...Object.entries(front).map(([k, v]) => (Array.isArray(v) ? `${k}:\n${v.map((x) => `  - ${JSON.stringify(x)}`).join('\n')}` : `${k}: ${JSON.stringify(v)}`)), '---', ''].join('\n');
    writeFileSync(join(out, 'cases', `${slug}.md`), `${yaml}\n${caseBody(rng, subject)}\n`);
    if (cover) writeAttachment(out, cover, coverImage([180, 205, 230], [70, 110, 90], [200, 190, 150]));
  }
}

function parseOptions(): { out: string; records: number; kinds: Kinds } {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      records: { type: 'string' },
      kinds: { type: 'string', default: 'commitments' },
    },
  });
  const records = Number(values.records);
  const kinds = values.kinds as Kinds;
  if (!values.out || !Number.isInteger(records) || records < 1 || !['commitments', 'mixed', 'city'].includes(kinds)) {
    console.error('usage: node scripts/bench/synthetic-export.ts --out DIR --records N [--kinds commitments|mixed|city]');
    process.exit(64);
  }
  return { out: values.out, records, kinds };
}

function main(): void {
  const started = performance.now();
  const { out, records, kinds } = parseOptions();
  mkdirSync(out, { recursive: true });
  // Stale contract files from an earlier run would not match the new manifest.
  for (const file of [...Object.keys(COLUMNS), 'manifest.json', 'cases', 'attachments']) rmSync(join(out, file), { force: true, recursive: true });

  const codes = new CodeBook();
  const agencies = kinds === 'city' ? Math.max(10 * REGIONS.length, Math.round(records * CITY_AGENCIES_PER_COMMITMENT)) : SUBJECTS;
  const subjects = generateSubjects(createRng(SEED), codes, () => agencies / REGIONS.length);
  const idWidth = Math.max(6, String(records).length);
  const files: Record<string, ManifestFile> = {
    'subjects.csv': writeFile(out, 'subjects.csv', subjects.length, (i) => subjectRow(subjects[i]!), kinds),
  };
  const make = generators(kinds);
  let stream = 1;
  for (const [file, count] of recordCounts(records, kinds)) {
    if (file === 'subjects.csv') continue;
    const ctx = createContext(createRng(SEED + stream++), codes, subjects, 'bench', idWidth);
    files[file] = writeFile(out, file, count, (i) => make[file](ctx, i), kinds);
  }
  if (kinds === 'city') writeCases(out, createRng(SEED + stream), subjects, Math.max(6, Math.round(records * CITY_CASES_PER_COMMITMENT)));

  writeManifest(out, files);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${Object.entries(files).map(([f, e]) => `${f} ${e.rows}`).join(', ')} → ${out} in ${seconds} s`);
}

main();
