/**
 * How a contract file is declared: each English field names its Chinese column and its
 * zod type. The same declaration gives the typed record, the labels pages show and the
 * row validator that collects every problem of a row, not only the first. What differs
 * between files lives here too — cross-field rules, attachment columns, which subject a
 * record is about — so the pipeline treats every file the same way.
 */
import { z } from 'zod';
import { findPersonalNumbers, personalNumberMessage } from '../identifiers/personal-numbers.ts';
import { findInvisibleCharacter } from './invisible-characters.ts';

export type AttachmentKind = 'pdf' | 'image';

export interface ColumnSpec<T extends z.ZodType = z.ZodType> {
  /** The Chinese header in the export. */
  column: string;
  type: T;
  /** Identifier columns (codes, 信息编号, 案号, 文号) are exempt from the personal-number scan. */
  identifier: boolean;
  /** A path under attachments/ of this kind: the pipeline checks the file and publishes it with the record. */
  attachment?: AttachmentKind;
}

export function column<T extends z.ZodType>(name: string, type: T, options: { identifier?: boolean; attachment?: AttachmentKind } = {}): ColumnSpec<T> {
  return { column: name, type, identifier: options.identifier ?? false, ...(options.attachment ? { attachment: options.attachment } : {}) };
}

export type Columns = Record<string, ColumnSpec>;
export type RecordOf<C extends Columns> = { [K in keyof C]: z.output<C[K]['type']> };

/** What a row is checked against besides its own cells. */
export interface RowSetting {
  /** The export's own date (manifest exported_at, CST). */
  exportDate: string;
  /** The regions of the portal configuration. */
  regions: readonly string[];
}

/** Cross-field rules see only the fields that parsed, and which cells were non-empty. */
export interface RuleContext<C extends Columns> extends RowSetting {
  row: Partial<RecordOf<C>>;
  filled: (field: keyof C) => boolean;
  problem: (field: keyof C, message: string) => void;
}

export interface FieldProblem { column: string; message: string }

/** The part of a declaration the pipeline reads, for a file whose records are R. */
export interface ContractFile<R> {
  file: string;
  /** Column of the field that identifies a row in reports and URLs. */
  keyColumn: string;
  headers: readonly string[];
  requiredHeaders: readonly string[];
  /** Columns holding attachment paths, checked on the raw cell so that a bad row still reports them. */
  attachmentColumns: readonly { column: string; kind: AttachmentKind }[];
  /** The row's key as the file means it (a code upper-cased), or the raw cell when it does not parse. */
  keyOf: (cells: Record<string, string | undefined>) => string | undefined;
  parseRow: (cells: Record<string, string | undefined>, setting: RowSetting) => { record: R | undefined; problems: FieldProblem[] };
  /** The subject (统一社会信用代码 in subjects.csv) a record is published under; undefined when it names none. */
  subjectOf: (record: R) => string | undefined;
  /** Attachment paths a published record shows, with their column. */
  attachmentsOf: (record: R) => { column: string; path: string }[];
}

/** What pages and downloads read of a declaration: its fields in order, their columns and Chinese labels. */
export interface ContractColumns {
  fields: readonly string[];
  columns: Columns;
  labels: Record<string, string>;
}

export function defineContractFile<const C extends Columns>(definition: {
  file: string;
  /** Field that identifies a row in reports and URLs. */
  key: keyof C & string;
  columns: C;
  rules?: (context: RuleContext<C>) => void;
  /** Which subject a record is about (§4: "must be in subjects.csv"); leave out for a file that names none. */
  subject?: (record: RecordOf<C>) => string | undefined;
}) {
  const { file, key, columns, rules, subject } = definition;
  const fields = Object.keys(columns) as (keyof C & string)[];
  const schema = z.object(Object.fromEntries(fields.map((f) => [f, columns[f]!.type]))) as unknown as z.ZodType<RecordOf<C>>;
  const labels = Object.fromEntries(fields.map((f) => [f, columns[f]!.column])) as { [K in keyof C]: string };
  const headers = fields.map((f) => columns[f]!.column);
  /** Columns a file must have: those whose type does not accept "no value". */
  const requiredHeaders = fields.filter((f) => !columns[f]!.type.safeParse(undefined).success).map((f) => columns[f]!.column);
  const attachmentFields = fields.filter((f) => columns[f]!.attachment);
  const attachmentColumns = attachmentFields.map((f) => ({ column: columns[f]!.column, kind: columns[f]!.attachment! }));

  function keyOf(cells: Record<string, string | undefined>) {
    const raw = cells[columns[key]!.column];
    const parsed = columns[key]!.type.safeParse(raw);
    return parsed.success && typeof parsed.data === 'string' ? parsed.data : raw;
  }

  /** Validates one row given by Chinese header; returns the record or every problem. */
  function parseRow(cells: Record<string, string | undefined>, setting: RowSetting) {
    const row: Partial<RecordOf<C>> = {};
    const problems: FieldProblem[] = [];
    for (const f of fields) {
      const { column: name, type } = columns[f]!;
      const cell = cells[name];
      // §3, for every column alike: an invisible character is the cell's error, whatever its type.
      const invisible = cell === undefined ? undefined : findInvisibleCharacter(cell);
      if (invisible) {
        problems.push({ column: name, message: invisible.message });
        continue;
      }
      const result = type.safeParse(cell);
      if (result.success) {
        if (result.data !== undefined) row[f] = result.data as RecordOf<C>[typeof f];
      } else {
        problems.push({ column: name, message: result.error.issues[0]!.message });
      }
    }
    rules?.({
      ...setting,
      row,
      filled: (f) => cells[columns[f]!.column] !== undefined,
      problem: (f, message) => problems.push({ column: columns[f]!.column, message }),
    });
    // §3 privacy: no published text cell may hold a personal number.
    for (const f of fields) {
      const { column: name, identifier } = columns[f]!;
      const cell = cells[name];
      if (identifier || !cell) continue;
      for (const hit of findPersonalNumbers(cell)) problems.push({ column: name, message: personalNumberMessage(hit) });
    }
    return problems.length === 0 ? { record: row as RecordOf<C>, problems } : { record: undefined, problems };
  }

  const contract: ContractFile<RecordOf<C>> = {
    file,
    keyColumn: columns[key]!.column,
    headers,
    requiredHeaders,
    attachmentColumns,
    keyOf,
    parseRow,
    subjectOf: (record) => subject?.(record),
    // Attachment columns hold optional text: a path or nothing.
    attachmentsOf: (record) => attachmentFields.flatMap((f) => (record[f] === undefined ? [] : [{ column: columns[f]!.column, path: record[f] as string }])),
  };
  return { ...contract, key, columns, fields, schema, labels };
}
