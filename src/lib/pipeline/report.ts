/** The build report of §7: every row of every file accounted for. */
import type { WithheldReason } from '../rules/decision.ts';
import { problemPlace, type ExportInfo } from '../export/errors.ts';

export interface Problem {
  file: string;
  line?: number;
  id?: string;
  field?: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface FileTally {
  rows: number;
  published: number;
  withheld: number;
  rejected: number;
  withheld_reasons: Partial<Record<WithheldReason, number>>;
}

export interface BuildReport {
  as_of: string;
  export: ExportInfo;
  usable: boolean;
  files: Record<string, FileTally>;
  problems: Problem[];
}

export const emptyTally = (): FileTally => ({ rows: 0, published: 0, withheld: 0, rejected: 0, withheld_reasons: {} });

/**
 * `file:line field: message`, the line an operator reads. An invisible or control character
 * an id or a quoted value brings in is shown as ⟨U+200B⟩: an id with a zero-width space looked
 * like the valid id it is not, and a line break would cut the line in two.
 */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? '（警告）' : '';
  const line = `${problemPlace(p)}: ${tag}${p.id ? `[${p.id}] ` : ''}${p.message}`;
  return line.replace(/[\p{Cf}\p{Cc}]/gu, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
