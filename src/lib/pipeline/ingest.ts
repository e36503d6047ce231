/**
 * The one road from an export folder to publication decisions: read (manifest, CSV,
 * cases), validate (contract schemas, privacy, references, duplicates) and decide
 * (the publication rules), accounting for every row in the build report.
 * `npm run validate` and the site's content loader both call `ingestExport`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDateOf, type CivilDate } from '../dates/civil-date.ts';
import { attachmentKey, checkAttachment } from '../identifiers/attachments.ts';
import { findPersonalNumbers, maskPersonalNumbers, personalNumberMessage } from '../identifiers/personal-numbers.ts';
import { readCaseFiles } from '../export/cases.ts';
import { DecodeError, readCsv } from '../export/csv.ts';
import { UnusableExport } from '../export/errors.ts';
import { readManifest, type Manifest } from '../export/manifest.ts';
import { caseFrontMatter, type CaseFrontMatter } from '../schemas/case.ts';
import { forbiddenMarkup } from '../schemas/case-body.ts';
import type { Commitment } from '../schemas/commitment.ts';
import { CONTRACT_FILES, IDENTITY_NUMBER_HEADER, type RecordKind } from '../schemas/contract.ts';
import type { ContractFile } from '../schemas/contract-file.ts';
import type { Dishonest } from '../schemas/dishonest.ts';
import type { Enforcement } from '../schemas/enforcement.ts';
import type { Honor } from '../schemas/honor.ts';
import type { Penalty } from '../schemas/penalty.ts';
import type { Subject } from '../schemas/subject.ts';
import { discloseCommitment, discloseHonor } from '../rules/commitments-and-honors.ts';
import { discloseDishonestListing, discloseEnforcement } from '../rules/court-lists.ts';
import type { Decision, WithheldReason } from '../rules/decision.ts';
import { disclosePenalty, type PenaltyDisclosure } from '../rules/order-36-2025.ts';
import { calendarWarnings } from '../governance/calendar-warnings.ts';
import { emptyTally, type BuildReport, type FileTally, type Problem } from './report.ts';

export interface IngestOptions {
  exportDir: string;
  asOf: CivilDate;
  /** The configured regions (portal configuration). */
  regions: readonly string[];
}

export type PublishedCommitment = Commitment & { expired: boolean };
export type PublishedPenalty = Penalty & { disclosure: Omit<PenaltyDisclosure, 'decision'> };
export interface ModelCase extends CaseFrontMatter {
  slug: string;
  format: 'md' | 'mdx';
  body: string;
}
export interface WithheldRecord {
  kind: RecordKind;
  id: string;
  reason: WithheldReason;
}

/** What the site shows: every published record, and the ids of withheld ones. */
export interface PublishedRecords {
  subjects: Subject[];
  commitments: PublishedCommitment[];
  penalties: PublishedPenalty[];
  enforcement: Enforcement[];
  dishonest: Dishonest[];
  honors: Honor[];
  cases: ModelCase[];
  withheld: WithheldRecord[];
}

export interface IngestResult extends PublishedRecords {
  report: BuildReport;
  manifest: Manifest;
  /** Attachment keys (relative to attachments/) that published records show. */
  attachments: string[];
}

interface RowResult {
  line: number;
  key: string | undefined;
  record: Record<string, unknown> | undefined;
  problems: Problem[];
}

const KNOWN_ENTRIES = new Set(['manifest.json', 'cases', 'attachments', ...CONTRACT_FILES.map((f) => f.definition.file)]);

/** Reads, validates and decides a whole export. Throws UnusableExport when it cannot be used at all. */
export async function ingestExport({ exportDir, asOf, regions }: IngestOptions): Promise<IngestResult> {
  const manifest = await readManifest(exportDir);
  const exportDate = chinaDateOf(manifest.exported_at)!;
  const problems: Problem[] = [];
  const fatal: Omit<Problem, 'severity'>[] = [];
  const warn = (p: Omit<Problem, 'severity'>) => problems.push({ ...p, severity: 'warning' });

  for (const entry of readdirSync(exportDir).sort()) {
    if (!KNOWN_ENTRIES.has(entry)) warn({ file: entry, message: '不是导出格式约定的文件，已忽略' });
  }
  for (const listed of Object.keys(manifest.files)) {
    if (!CONTRACT_FILES.some((f) => f.definition.file === listed)) warn({ file: 'manifest.json', field: `files.${listed}`, message: `清单列出了导出格式之外的文件 ${listed}，已忽略` });
  }

  // Read and validate every contract file present; collect every fatal problem before stopping.
  const rowsByFile = new Map<string, RowResult[]>();
  for (const { definition, required } of CONTRACT_FILES) {
    const file = definition.file;
    const present = existsSync(join(exportDir, file));
    const listed = manifest.files[file];
    if (!present && listed) fatal.push({ file, message: `manifest.json 列出了此文件，但导出目录中没有` });
    if (present && !listed) fatal.push({ file, message: `导出目录中有此文件，但 manifest.json 没有列出` });
    if (!present && !listed && required) fatal.push({ file, message: '缺少必需的文件' });
    if (!present || !listed) continue;
    const rows = await readContractFile(exportDir, definition, listed.encoding, exportDate, regions, fatal, warn);
    if (!rows) continue;
    if (rows.count !== listed.rows) fatal.push({ file, message: `数据行数与 manifest.json 不符：清单为 ${listed.rows} 行，文件实有 ${rows.count} 行（文件可能被截断）` });
    if (rows.sha256 !== listed.sha256.toLowerCase()) fatal.push({ file, message: `sha256 与 manifest.json 不符：清单为 ${listed.sha256}，文件实为 ${rows.sha256}（文件可能已损坏）` });
    rowsByFile.set(file, rows.results);
  }
  if (fatal.length > 0) throw new UnusableExport(fatal);

  // Cross-row rules: duplicate keys, then references to accepted subjects.
  for (const [file, rows] of rowsByFile) rejectDuplicateKeys(file, rows);
  const subjectRows = rowsByFile.get('subjects.csv')!;
  const subjectLines = new Map(subjectRows.filter((r) => r.key).map((r) => [r.key!, r]));
  const acceptedSubjects = new Map(subjectRows.filter((r) => r.record).map((r) => [r.key!, r.record as Subject]));
  for (const row of subjectRows) {
    const parent = (row.record as Subject | undefined)?.parentCode;
    if (parent && (!subjectLines.has(parent) || parent === row.key)) reject(row, 'subjects.csv', '上级主管部门', `上级主管部门 ${parent} 不是 subjects.csv 中的另一个主体`);
  }
  const subjectProblem = (code: string) => {
    if (acceptedSubjects.has(code)) return undefined;
    const row = subjectLines.get(code);
    return row ? `主体 ${code} 在 subjects.csv 第 ${row.line} 行被拒绝，引用它的记录不能公示` : `主体 ${code} 不在 subjects.csv 中`;
  };
  for (const { definition } of CONTRACT_FILES.slice(1)) {
    for (const row of rowsByFile.get(definition.file) ?? []) {
      // §4: penalties of 自然人 / 个体工商户 are withheld as not this portal's; their party is never a subject.
      if (definition.file === 'penalties.csv' && (row.record as Penalty | undefined)?.partyCategory !== '法人及非法人组织') continue;
      const code = (row.record as { creditCode?: string } | undefined)?.creditCode;
      const message = code ? subjectProblem(code) : undefined;
      if (message) reject(row, definition.file, '统一社会信用代码', message);
    }
  }

  // Decide every accepted row.
  const result: IngestResult = {
    report: { as_of: asOf, export: { platform: manifest.platform, exported_at: manifest.exported_at, schema_version: manifest.schema_version, ...(manifest.sample ? { sample: true } : {}) }, usable: true, files: {}, problems },
    manifest,
    subjects: [],
    commitments: [],
    penalties: [],
    enforcement: [],
    dishonest: [],
    honors: [],
    cases: [],
    withheld: [],
    attachments: [],
  };
  for (const { kind, definition } of CONTRACT_FILES) {
    const rows = rowsByFile.get(definition.file);
    if (!rows) continue;
    const tally = emptyTally();
    result.report.files[definition.file] = tally;
    for (const row of rows) {
      tally.rows++;
      if (!row.record) {
        tally.rejected++;
        problems.push(...row.problems);
        continue;
      }
      const decision = decide(kind, row.record, asOf, result);
      count(tally, decision);
      if (decision.status === 'withheld' && kind !== 'subjects') result.withheld.push({ kind, id: row.key!, reason: decision.reason });
    }
  }
  await ingestCases(exportDir, regions, acceptedSubjects, result);
  result.attachments.sort();
  result.report.problems.push(...calendarWarnings(result, asOf));
  return result;
}

function reject(row: RowResult, file: string, field: string, message: string) {
  // A key is printed masked too: a 统一社会信用代码 cell may hold a person's identity number.
  row.problems.push({ file, line: row.line, ...(row.key ? { id: maskPersonalNumbers(row.key) } : {}), field, severity: 'error', message: maskPersonalNumbers(message) });
  row.record = undefined;
}

function count(tally: FileTally, decision: Decision) {
  if (decision.status === 'published') tally.published++;
  else {
    tally.withheld++;
    tally.withheld_reasons[decision.reason] = (tally.withheld_reasons[decision.reason] ?? 0) + 1;
  }
}

/** Applies the publication rule of a kind and files the record where the site finds it. */
function decide(kind: (typeof CONTRACT_FILES)[number]['kind'], record: Record<string, unknown>, asOf: CivilDate, out: IngestResult): Decision {
  switch (kind) {
    case 'subjects':
      out.subjects.push(record as Subject);
      return { status: 'published' };
    case 'commitments': {
      const c = record as Commitment;
      const { decision, expired } = discloseCommitment(c, asOf);
      if (decision.status === 'published') {
        out.commitments.push({ ...c, expired });
        if (c.attachment) out.attachments.push(attachmentKey(c.attachment));
      }
      return decision;
    }
    case 'penalties': {
      const { decision, ...disclosure } = disclosePenalty(record as Penalty, asOf);
      if (decision.status === 'published') out.penalties.push({ ...(record as Penalty), disclosure });
      return decision;
    }
    case 'enforcement': {
      const decision = discloseEnforcement(record as Enforcement);
      if (decision.status === 'published') out.enforcement.push(record as Enforcement);
      return decision;
    }
    case 'dishonest': {
      const decision = discloseDishonestListing(record as Dishonest, asOf);
      if (decision.status === 'published') out.dishonest.push(record as Dishonest);
      return decision;
    }
    case 'honors': {
      const decision = discloseHonor(record as Honor, asOf);
      if (decision.status === 'published') out.honors.push(record as Honor);
      return decision;
    }
  }
}

/** Streams one contract CSV through its schema, the privacy scan and the file-level checks. */
async function readContractFile(
  exportDir: string,
  definition: ContractFile,
  encoding: 'utf-8' | 'gb18030',
  exportDate: CivilDate,
  regions: readonly string[],
  fatal: Omit<Problem, 'severity'>[],
  warn: (p: Omit<Problem, 'severity'>) => void,
): Promise<{ results: RowResult[]; count: number; sha256: string } | undefined> {
  const file = definition.file;
  const results: RowResult[] = [];
  const keyColumn = definition.columns[definition.key]!.column;
  const scanned = definition.fields.filter((f) => !definition.columns[f]!.identifier).map((f) => definition.columns[f]!.column);
  let usableHeader = true;
  let sawHeader = false;
  try {
    const { sha256, rows } = await readCsv(
      join(exportDir, file),
      encoding,
      (headers) => {
        sawHeader = true;
        const missing = definition.requiredHeaders.filter((h) => !headers.includes(h));
        if (missing.length > 0) {
          usableHeader = false;
          fatal.push({ file, line: 1, field: missing.join('、'), message: `缺少必需的列：${missing.join('、')}` });
        }
        const seen = new Set<string>();
        for (const h of headers) {
          if (h === '') continue; // a trailing separator in the header row
          if (seen.has(h)) fatal.push({ file, line: 1, field: h, message: '列名重复' });
          seen.add(h);
          if (definition.headers.includes(h)) continue;
          warn({ file, line: 1, field: h, message: IDENTITY_NUMBER_HEADER.test(h) ? '个人证件号码列不属于导出格式，已忽略，其内容不会被读取或公示' : '未知列，已忽略' });
        }
      },
      ({ line, cells, overflow }) => {
        if (!usableHeader) return;
        const rawKey = cells[keyColumn];
        const key = rawKey === undefined ? undefined : definition.key === 'creditCode' ? rawKey.toUpperCase() : rawKey;
        const { record, problems: fieldProblems } = definition.parseRow(cells, exportDate);
        // Every message quotes cells (a region, a path, a key): none may print a personal number in full.
        const id = key ? { id: maskPersonalNumbers(key) } : {};
        const problems: Problem[] = fieldProblems.map((p) => ({ file, line, ...id, field: p.column, severity: 'error', message: maskPersonalNumbers(p.message) }));
        const add = (field: string, message: string) => problems.push({ file, line, ...id, field, severity: 'error', message: maskPersonalNumbers(message) });
        for (const column of scanned) {
          const value = cells[column];
          if (!value) continue;
          for (const hit of findPersonalNumbers(value)) add(column, personalNumberMessage(hit));
        }
        if (overflow > 0) add('（整行）', `该行比表头多出 ${overflow} 个非空字段，可能有未加引号的逗号，各列已错位`);
        const region = cells['所属区域'];
        if (file === 'subjects.csv' && region && !regions.includes(region)) add('所属区域', `不是本门户配置的区域：${region}（允许：${regions.join(' / ')}）`);
        const attachment = file === 'commitments.csv' ? cells['承诺书附件'] : undefined;
        const attachmentProblem = attachment ? checkAttachment(exportDir, attachment, 'pdf') : undefined;
        if (attachmentProblem) add('承诺书附件', attachmentProblem);
        results.push({ line, key, record: problems.length === 0 ? record : undefined, problems });
      },
    );
    // An empty file has no header: its required columns are missing too.
    if (!sawHeader) fatal.push({ file, line: 1, field: definition.requiredHeaders.join('、'), message: `文件为空，缺少表头和必需的列：${definition.requiredHeaders.join('、')}` });
    return usableHeader && sawHeader ? { results, count: rows, sha256 } : undefined;
  } catch (e) {
    if (e instanceof DecodeError) {
      fatal.push({ file, line: e.line, message: e.message });
      return undefined;
    }
    throw e;
  }
}

/** §3: an id that occurs more than once rejects every row that carries it. */
function rejectDuplicateKeys(file: string, rows: RowResult[]) {
  const byKey = new Map<string, RowResult[]>();
  for (const row of rows) if (row.key) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  for (const [key, same] of byKey) {
    if (same.length < 2) continue;
    const lines = same.map((r) => r.line).join('、');
    for (const row of same) {
      reject(row, file, file === 'subjects.csv' ? '统一社会信用代码' : '信息编号', `编号 ${key} 在文件中出现 ${same.length} 次（第 ${lines} 行），所有相关行均不予公示`);
    }
  }
}

async function ingestCases(exportDir: string, regions: readonly string[], subjects: Map<string, Subject>, out: IngestResult) {
  const { cases, ignored } = await readCaseFiles(exportDir);
  for (const file of ignored) out.report.problems.push({ file, severity: 'warning', message: '不是 .md 或 .mdx 案例文件，已忽略' });
  const tally = emptyTally();
  if (cases.length > 0) out.report.files['cases'] = tally;
  const accepted: { modelCase: ModelCase; file: string; redirectLine: number; problems: Problem[] }[] = [];
  for (const c of cases) {
    tally.rows++;
    const problems: Problem[] = [];
    const add = (field: string | undefined, line: number, message: string) =>
      problems.push({ file: c.file, line, id: c.slug, ...(field ? { field } : {}), severity: 'error', message: maskPersonalNumbers(message) });
    if (!/^[a-z0-9-]+$/.test(c.slug)) add(undefined, 1, '案例文件名（URL 键）只能由小写字母、数字和“-”组成');
    if (c.yamlError) add(undefined, 1, c.yamlError);
    const parsed = caseFrontMatter.safeParse(c.data);
    if (!parsed.success) for (const i of parsed.error.issues) add(String(i.path[0] ?? ''), c.lineOf(String(i.path[0] ?? '')), i.message);
    const fm = parsed.success ? parsed.data : undefined;
    if (fm && !regions.includes(fm.region)) add('region', c.lineOf('region'), `不是本门户配置的区域：${fm.region}`);
    for (const code of fm?.subjects ?? []) if (!subjects.has(code)) add('subjects', c.lineOf('subjects'), `主体 ${code} 不在 subjects.csv 中或已被拒绝`);
    if (fm?.cover) {
      const message = checkAttachment(exportDir, fm.cover, 'image');
      if (message) add('cover', c.lineOf('cover'), message);
    }
    for (const f of forbiddenMarkup(c.body, c.format)) add(undefined, c.bodyLine + f.offsetLine, f.message);
    for (const field of ['title', 'summary', 'source', 'cover_alt'] as const) {
      const value = fm?.[field];
      for (const hit of value ? findPersonalNumbers(value) : []) add(field, c.lineOf(field), personalNumberMessage(hit));
    }
    const bodyLineAt = (index: number) => c.bodyLine + c.body.slice(0, index).split(/\r?\n/).length - 1;
    for (const hit of findPersonalNumbers(c.body)) add(undefined, bodyLineAt(hit.index), `正文${personalNumberMessage(hit)}`);
    if (fm) accepted.push({ modelCase: { ...fm, slug: c.slug, format: c.format, body: c.body }, file: c.file, redirectLine: c.lineOf('redirect_from'), problems });
    else out.report.problems.push(...problems);
    if (!fm) tally.rejected++;
  }
  // A slug or redirect_from key may name one case only: journalists' links must not change meaning.
  const owners = new Map<string, string[]>();
  for (const { modelCase } of accepted) for (const key of [modelCase.slug, ...modelCase.redirect_from]) owners.set(key, [...(owners.get(key) ?? []), modelCase.slug]);
  for (const entry of accepted) {
    const { slug } = entry.modelCase;
    const add = (message: string) => entry.problems.push({ file: entry.file, line: entry.redirectLine, id: slug, field: 'redirect_from', severity: 'error', message });
    for (const key of entry.modelCase.redirect_from) {
      const claimants = owners.get(key)!;
      if (key === slug) add(`redirect_from 列出了本案例自己的 URL 键 ${key}`);
      else if (claimants.length > 1) add(`URL 键 ${key} 同时属于多个案例：${claimants.join('、')}`);
    }
    if (entry.problems.length > 0) {
      tally.rejected++;
      out.report.problems.push(...entry.problems);
      continue;
    }
    tally.published++;
    out.cases.push(entry.modelCase);
    if (entry.modelCase.cover) out.attachments.push(attachmentKey(entry.modelCase.cover));
  }
}
