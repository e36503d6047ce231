/** The build report of §7: every row of every file accounted for. */
import type { WithheldReason } from '../rules/decision.ts';
import { problemPlace, visibleLine, type ExportInfo } from '../export/errors.ts';

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

/** `file:line field: message`, the line an operator reads, invisible characters shown (visibleLine). */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? '（警告）' : '';
  const line = `${problemPlace(p)}: ${tag}${p.id ? `[${p.id}] ` : ''}${p.message}`;
  return visibleLine(line);
}
