/**
 * The open-data tables (/data/<kind>.csv and .json): exactly the published records of each
 * kind and only the contract's columns, under the contract's Chinese headers. Derived
 * values (the penalty window, a commitment's expiry) are not columns of the contract and
 * are left out; withheld records never appear.
 */
import Papa from 'papaparse';
import type { ModelCase, PublishedRecords } from '../pipeline/ingest.ts';
import { CONTRACT_FILES } from '../schemas/contract.ts';
import { isEmpty, MULTI_VALUED } from '../schemas/fields.ts';
import type { ContractColumns } from '../schemas/contract-file.ts';
import { DATE_FIELD } from '../site/fields.ts';

export type OpenDataKind = 'subjects' | 'commitments' | 'penalties' | 'enforcement' | 'dishonest' | 'honors' | 'cases';

export interface OpenColumn {
  field: string;
  /** The contract's Chinese header (for cases, the Chinese name of the front-matter field). */
  header: string;
  type: 'string' | 'date' | 'number' | 'list';
  /** Whether every published record has a value (the contract marks it R). */
  required: boolean;
}

export interface OpenTable {
  kind: OpenDataKind;
  title: string;
  columns: OpenColumn[];
  /** One value per column, in column order: text, number, list, or null for no value. */
  rows: (string | number | string[] | null)[][];
}

const TITLES: Record<OpenDataKind, string> = {
  subjects: '主体名录',
  commitments: '信用承诺',
  penalties: '行政处罚',
  enforcement: '被执行人案件',
  dishonest: '失信被执行人',
  honors: '表彰奖励',
  cases: '诚信典型案例',
};

/** Model cases have front matter, not a CSV header: these are the Chinese names of its fields. */
const CASE_COLUMNS: (OpenColumn & { field: keyof ModelCase })[] = [
  { field: 'slug', header: '案例标识', type: 'string', required: true },
  { field: 'title', header: '标题', type: 'string', required: true },
  { field: 'date', header: '发布日期', type: 'date', required: true },
  { field: 'region', header: '所属区域', type: 'string', required: true },
  { field: 'category', header: '类别', type: 'string', required: true },
  { field: 'summary', header: '摘要', type: 'string', required: true },
  { field: 'subjects', header: '涉及主体统一社会信用代码', type: 'list', required: false },
  { field: 'source', header: '来源', type: 'string', required: false },
  { field: 'cover', header: '封面图片', type: 'string', required: false },
  { field: 'cover_alt', header: '封面图片说明', type: 'string', required: false },
  { field: 'redirect_from', header: '曾用案例标识', type: 'list', required: false },
  { field: 'body', header: '正文', type: 'string', required: true },
];

function contractColumns(definition: ContractColumns): OpenColumn[] {
  return definition.fields.map((field) => {
    const type = definition.columns[field]!.type;
    const sample = type.safeParse('1');
    const kind: OpenColumn['type'] = type.description === MULTI_VALUED ? 'list' : DATE_FIELD.test(field) ? 'date' : sample.success && typeof sample.data === 'number' ? 'number' : 'string';
    return { field, header: definition.labels[field]!, type: kind, required: !type.safeParse(undefined).success };
  });
}

function table(kind: OpenDataKind, columns: OpenColumn[], records: readonly object[]): OpenTable {
  const rows = records.map((record) => {
    const data = record as Record<string, unknown>;
    return columns.map(({ field }) => {
      const v = data[field];
      if (isEmpty(v)) return null;
      if (Array.isArray(v)) return v.length === 0 ? null : v.map(String);
      return typeof v === 'number' ? v : String(v);
    });
  });
  return { kind, title: TITLES[kind], columns, rows };
}

/** The open-data kinds, in the contract's file order, model cases last. */
export const OPEN_KINDS: readonly OpenDataKind[] = [...CONTRACT_FILES.map((f) => f.kind), 'cases'];

/** One kind's table, records in the site's list order. */
export function openTable(kind: OpenDataKind, records: PublishedRecords): OpenTable {
  if (kind === 'cases') return table('cases', CASE_COLUMNS, records.cases);
  const { definition } = CONTRACT_FILES.find((f) => f.kind === kind)!;
  return table(kind, contractColumns(definition), records[kind]);
}

/** Multi-valued cells are joined as the contract writes them (§3). */
const LIST_SEPARATOR = '；';

/** Rows a piece of a table file holds: a few megabytes of text (tables.ts's files run to 300 MB at 100,000 records). */
const ROWS_A_PIECE = 1000;

const pieces = <T>(rows: readonly T[]): T[][] => Array.from({ length: Math.ceil(rows.length / ROWS_A_PIECE) }, (_, i) => rows.slice(i * ROWS_A_PIECE, (i + 1) * ROWS_A_PIECE));

/**
 * UTF-8 with a BOM (so that WPS and Excel detect the encoding), CRLF line ends (RFC 4180).
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets
 * a leading apostrophe: papaparse's escapeFormulae. Made ROWS_A_PIECE rows at a time (papaparse
 * quotes and escapes cell by cell, so the pieces join into what one call would give).
 */
export function* tableCsvText(t: OpenTable): Generator<string> {
  const options = { newline: '\r\n', escapeFormulae: true };
  // The header row is quoted and escaped as papaparse does its `fields`.
  yield '\uFEFF' + Papa.unparse([t.columns.map((c) => c.header)], options);
  for (const rows of pieces(t.rows)) {
    const data = rows.map((row) => row.map((v) => (v === null ? '' : Array.isArray(v) ? v.join(LIST_SEPARATOR) : String(v))));
    yield '\r\n' + Papa.unparse(data, options);
  }
  yield '\r\n';
}

/**
 * An array of objects keyed by the Chinese headers; no value is null, lists stay lists. Written
 * as JSON.stringify(objects, null, 1) writes it, ROWS_A_PIECE objects at a time: each object is
 * indented one level deeper (JSON escapes every line break inside a value).
 */
export function* tableJsonText(t: OpenTable): Generator<string> {
  if (t.rows.length === 0) {
    yield '[]\n';
    return;
  }
  let first = true;
  for (const rows of pieces(t.rows)) {
    const objects = rows.map((row) => ' ' + JSON.stringify(Object.fromEntries(t.columns.map((c, i) => [c.header, row[i]])), null, 1).replaceAll('\n', '\n '));
    yield (first ? '[\n' : ',\n') + objects.join(',\n');
    first = false;
  }
  yield '\n]\n';
}
