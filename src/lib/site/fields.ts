/**
 * A record as label/value rows in the national standard's field order, with the Chinese
 * labels the schemas declare. Values are plain text: templates render them escaped.
 */
import { formatChineseDate } from '../dates/civil-date.ts';
import type { ContractColumns } from '../schemas/contract-file.ts';
import { isEmpty } from '../schemas/fields.ts';

export interface FieldRow {
  field: string;
  label: string;
  value: string;
  href?: string;
  /** Long text that keeps its line breaks. */
  long?: boolean;
}

/** Fields holding a calendar date. */
export const DATE_FIELD = /(On|Until|End)$/;
const LONG_FIELDS = new Set(['facts', 'content', 'legalBasis', 'obligation', 'conduct', 'liability', 'unfulfilled', 'accountability', 'note']);

export function formatValue(field: string, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.join('、');
  if (typeof value === 'string' && DATE_FIELD.test(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatChineseDate(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

export interface FieldOptions {
  /** Fields not to show (shown elsewhere on the page). */
  omit?: readonly string[];
  /** Replacement values for some fields. */
  values?: Record<string, string | undefined>;
  /** Links for some fields. */
  links?: Record<string, (value: string) => string | undefined>;
}

export function fieldRows(
  definition: Pick<ContractColumns, 'fields' | 'labels'>,
  record: object,
  options: FieldOptions = {},
): FieldRow[] {
  const rows: FieldRow[] = [];
  const data = record as Record<string, unknown>;
  for (const field of definition.fields) {
    if (options.omit?.includes(field)) continue;
    const value = options.values && field in options.values ? options.values[field] : formatValue(field, data[field]);
    if (value === undefined) continue;
    const href = options.links?.[field]?.(String(data[field]));
    rows.push({ field, label: definition.labels[field]!, value, ...(href ? { href } : {}), ...(LONG_FIELDS.has(field) ? { long: true } : {}) });
  }
  return rows;
}
