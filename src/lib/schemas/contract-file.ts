/**
 * How a contract file is declared: each English field names its Chinese column and its
 * zod type. The same declaration gives the typed record, the labels pages show and the
 * row validator that collects every problem of a row, not only the first.
 */
import { z } from 'zod';

export interface ColumnSpec<T extends z.ZodType = z.ZodType> {
  /** The Chinese header in the export. */
  column: string;
  type: T;
  /** Identifier columns (codes, 信息编号, 案号, 文号) are exempt from the personal-number scan. */
  identifier: boolean;
}

export function column<T extends z.ZodType>(name: string, type: T, options: { identifier?: boolean } = {}): ColumnSpec<T> {
  return { column: name, type, identifier: options.identifier ?? false };
}

export type Columns = Record<string, ColumnSpec>;
export type RecordOf<C extends Columns> = { [K in keyof C]: z.output<C[K]['type']> };

/** Cross-field rules see only the fields that parsed, and which cells were non-empty. */
export interface RuleContext<C extends Columns> {
  row: Partial<RecordOf<C>>;
  filled: (field: keyof C) => boolean;
  problem: (field: keyof C, message: string) => void;
  /** The export's own date (manifest exported_at, CST). */
  exportDate: string;
}

export interface FieldProblem { column: string; message: string }

export function defineContractFile<const C extends Columns>(definition: {
  file: string;
  /** Field that identifies a row in reports and URLs. */
  key: keyof C & string;
  columns: C;
  rules?: (context: RuleContext<C>) => void;
}) {
  const { file, key, columns, rules } = definition;
  const fields = Object.keys(columns) as (keyof C & string)[];
  const schema = z.object(Object.fromEntries(fields.map((f) => [f, columns[f]!.type]))) as unknown as z.ZodType<RecordOf<C>>;
  const labels = Object.fromEntries(fields.map((f) => [f, columns[f]!.column])) as { [K in keyof C]: string };
  const headers = fields.map((f) => columns[f]!.column);
  /** Columns a file must have: those whose type does not accept "no value". */
  const requiredHeaders = fields.filter((f) => !columns[f]!.type.safeParse(undefined).success).map((f) => columns[f]!.column);

  /** Validates one row given by Chinese header; returns the record or every problem. */
  function parseRow(cells: Record<string, string | undefined>, exportDate: string) {
    const row: Partial<RecordOf<C>> = {};
    const problems: FieldProblem[] = [];
    for (const f of fields) {
      const result = columns[f]!.type.safeParse(cells[columns[f]!.column]);
      if (result.success) {
        if (result.data !== undefined) row[f] = result.data as RecordOf<C>[typeof f];
      } else {
        problems.push({ column: columns[f]!.column, message: result.error.issues[0]!.message });
      }
    }
    rules?.({
      row,
      filled: (f) => cells[columns[f]!.column] !== undefined,
      problem: (f, message) => problems.push({ column: columns[f]!.column, message }),
      exportDate,
    });
    return problems.length === 0 ? { record: row as RecordOf<C>, problems } : { record: undefined, problems };
  }

  return { file, key, columns, fields, schema, labels, headers, requiredHeaders, parseRow };
}

export type ContractFile = ReturnType<typeof defineContractFile>;
