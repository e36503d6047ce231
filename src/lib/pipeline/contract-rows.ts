/**
 * Reads one contract CSV into typed rows: the file-level checks against the manifest and
 * the header, then every row through its declaration (schema, invisible characters,
 * privacy), the CSV parser's findings, attachments, and §3's duplicate ids. A problem
 * that makes the export unusable goes to `fatal`; a row's problems stay with the row.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { checkAttachment } from '../identifiers/attachments.ts';
import { maskPersonalNumbers } from '../identifiers/personal-numbers.ts';
import { fileSha256, readCsv, UnreadableCsv, type CsvRow } from '../export/csv.ts';
import type { ExportProblem } from '../export/errors.ts';
import type { Manifest } from '../export/manifest.ts';
import type { ContractFile, RowSetting } from '../schemas/contract-file.ts';
import { IDENTITY_NUMBER_HEADER } from '../schemas/contract.ts';
import type { Problem } from './report.ts';

/** One data row: its record when valid, else every problem found in it. */
export interface Row<R> {
  line: number;
  key: string | undefined;
  record: R | undefined;
  problems: Problem[];
}

export interface ReadContext {
  exportDir: string;
  manifest: Manifest;
  setting: RowSetting;
  fatal: ExportProblem[];
  warn: (p: Omit<Problem, 'severity'>) => void;
}

/** Rejects a row with one more problem. A key is printed masked: a code cell may hold a person's identity number. */
export function rejectRow(row: Row<unknown>, file: string, field: string, message: string) {
  row.problems.push({ file, line: row.line, ...(row.key ? { id: maskPersonalNumbers(row.key) } : {}), field, severity: 'error', message: maskPersonalNumbers(message) });
  row.record = undefined;
}

/** Reads a contract file, or returns undefined when it is absent (or unusable: see `fatal`). */
export async function readContractFile<R>({ definition, required }: { definition: ContractFile<R>; required: boolean }, context: ReadContext): Promise<Row<R>[] | undefined> {
  const { exportDir, manifest, setting, fatal, warn } = context;
  const file = definition.file;
  const path = join(exportDir, file);
  const entry = presence(path);
  const listed = manifest.files[file];
  if (entry === 'absent' && listed) fatal.push({ file, message: 'manifest.json 列出了此文件，但导出目录中没有' });
  if (entry !== 'absent' && !listed) fatal.push({ file, message: '导出目录中有此文件，但 manifest.json 没有列出' });
  if (entry === 'absent' && !listed && required) fatal.push({ file, message: '缺少必需的文件' });
  if (entry === 'absent' || !listed) return undefined;
  if (entry !== 'file') {
    fatal.push({ file, message: entry });
    return undefined;
  }

  const rows: Row<R>[] = [];
  let usableHeader = false;
  let sawHeader = false;
  const onHeader = (headers: string[]) => {
    sawHeader = true;
    // A column of the contract written in another form of its characters (罚款金额(万元)): §3 matches names exactly, so it is named for the operator.
    const writtenAs = (column: string) => headers.find((h) => h !== column && looseHeader(h) === looseHeader(column));
    const missing = definition.requiredHeaders.filter((h) => !headers.includes(h));
    const hints = missing.flatMap((m) => (writtenAs(m) ? [`表头中的“${writtenAs(m)}”与“${m}”写法不同`] : []));
    if (missing.length > 0) fatal.push({ file, line: 1, field: missing.join('、'), message: `缺少必需的列：${missing.join('、')}${hints.length ? `（${hints.join('；')}，列名须与导出格式完全一致）` : ''}` });
    const seen = new Set<string>();
    let duplicated = false;
    for (const h of headers) {
      if (h === '') continue; // a trailing separator in the header row
      if (seen.has(h)) {
        duplicated = true;
        fatal.push({ file, line: 1, field: h, message: '列名重复：无法确定哪一列是该字段' });
      }
      seen.add(h);
      if (definition.headers.includes(h)) continue;
      const meant = definition.headers.find((c) => looseHeader(c) === looseHeader(h));
      warn({ file, line: 1, field: h, message: IDENTITY_NUMBER_HEADER.test(h) ? '个人证件号码列不属于导出格式，已忽略，其内容不会被读取或公示' : meant ? `未知列，已忽略：与导出格式的“${meant}”写法不同（列名须完全一致），该列的值均未读取` : '未知列，已忽略' });
    }
    usableHeader = missing.length === 0 && !duplicated;
  };
  const onRow = ({ line, cells, overflow, quoting }: CsvRow) => {
    if (!usableHeader) return;
    const key = definition.keyOf(cells);
    // A row the CSV reader could not split into cells has its quoting problem alone, not one per empty field.
    const unsplit = quoting.length > 0 && Object.keys(cells).length === 0;
    const { record, problems } = unsplit ? { record: undefined, problems: [] } : definition.parseRow(cells, setting);
    const row: Row<R> = { line, key, record: undefined, problems: [] };
    for (const p of problems) rejectRow(row, file, p.column, p.message);
    for (const message of quoting) rejectRow(row, file, '（整行）', message);
    if (overflow > 0) rejectRow(row, file, '（整行）', `该行比表头多出 ${overflow} 个非空字段，可能有未加引号的逗号，各列已错位`);
    for (const { column, kind } of definition.attachmentColumns) {
      const value = cells[column];
      const message = value ? checkAttachment(exportDir, value, kind) : undefined;
      if (message) rejectRow(row, file, column, message);
    }
    row.record = row.problems.length === 0 ? record : undefined;
    rows.push(row);
  };

  /** §5: the bytes are not the ones the platform listed (a cut or damaged transfer). */
  const checkDigest = (sha256: string) => {
    if (sha256 !== listed.sha256.toLowerCase()) fatal.push({ file, message: `sha256 与 manifest.json 不符：清单为 ${listed.sha256}，文件实为 ${sha256}（文件可能已损坏）` });
  };
  let read: { sha256: string; rows: number };
  try {
    read = await readCsv(path, listed.encoding, onHeader, onRow);
  } catch (e) {
    if (!(e instanceof UnreadableCsv)) throw e;
    // A file cut short inside a quoted cell reads as a quote that never closes: the digest
    // says first whether the file is the one listed, so the operator fetches it again
    // rather than asking the platform about its quoting.
    checkDigest(await fileSha256(path));
    fatal.push({ file, line: e.line, message: e.message });
    return undefined;
  }
  // An empty file has no header: its required columns are missing too.
  if (!sawHeader) fatal.push({ file, line: 1, field: definition.requiredHeaders.join('、'), message: `文件为空，缺少表头和必需的列：${definition.requiredHeaders.join('、')}` });
  if (read.rows !== listed.rows) fatal.push({ file, message: `数据行数与 manifest.json 不符：清单为 ${listed.rows} 行，文件实有 ${read.rows} 行（文件可能被截断）` });
  checkDigest(read.sha256);
  if (!usableHeader) return undefined;
  rejectDuplicateKeys(file, definition.keyColumn, rows);
  return rows;
}

/** A header as its characters read, whatever their form: NFKC (ASCII and full-width brackets alike) and without white space. */
const looseHeader = (h: string) => h.normalize('NFKC').replace(/\s+/g, '');

/** Whether the file is there and is a regular file (a folder or device named like one is unusable). */
function presence(path: string): 'absent' | 'file' | string {
  try {
    const stat = lstatSync(path);
    if (stat.isFile()) return 'file';
    return stat.isDirectory() ? '这是一个文件夹，不是 CSV 文件' : stat.isSymbolicLink() ? '这是一个符号链接，导出中的文件必须是普通文件' : '不是普通文件';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : `无法读取：${(e as Error).message}`;
  }
}

/**
 * §3: an id that occurs more than once rejects every row that carries it. Ids that differ only
 * in case count as one: they are one address on a host that ignores case (and one folder when
 * the site is built on such a disk), so one record's page would replace the other's.
 */
function rejectDuplicateKeys(file: string, keyColumn: string, rows: Row<unknown>[]) {
  const byKey = new Map<string, Row<unknown>[]>();
  for (const row of rows) {
    const key = row.key?.toUpperCase();
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  for (const same of byKey.values()) {
    if (same.length < 2) continue;
    const lines = same.map((r) => r.line).join('、');
    const spellings = [...new Set(same.map((r) => r.key))];
    const message =
      spellings.length === 1
        ? `编号 ${spellings[0]} 在文件中出现 ${same.length} 次（第 ${lines} 行），所有相关行均不予公示`
        : `编号 ${spellings.join('、')} 只有大小写不同，在不区分大小写的网站主机上是同一个网址（第 ${lines} 行），所有相关行均不予公示`;
    for (const row of same) rejectRow(row, file, keyColumn, message);
  }
}
