import { codePointName } from '../schemas/invisible-characters.ts';

/** A problem that makes the whole export unusable (§7 exit status 2): the build stops. */
export interface ExportProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

/**
 * A problem's line with every invisible or control character an id or a quoted value brings in
 * shown as ⟨U+200B⟩: an id with a zero-width space looked like the valid id it is not, and a line
 * break would cut the line in two.
 */
export const visibleLine = (line: string): string => line.replace(/[\p{Cf}\p{Cc}]/gu, (c) => `⟨${codePointName(c.codePointAt(0)!)}⟩`);

/** Where a problem is, as an operator opens it: `file:line field`. */
export const problemPlace = (p: { file: string; line?: number; field?: string }): string => `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` ${p.field}` : ''}`;

/** What the manifest says of the export, for the report (empty when the manifest itself is unusable). */
export interface ExportInfo {
  platform: string;
  exported_at: string;
  schema_version: number;
  sample?: boolean;
}

export class UnusableExport extends Error {
  readonly problems: ExportProblem[];
  /** The manifest's facts, when it was read before the export proved unusable. */
  readonly exportInfo: ExportInfo | undefined;
  constructor(problems: ExportProblem[], exportInfo?: ExportInfo) {
    super(problems.map((p) => visibleLine(`${problemPlace(p)}: ${p.message}`)).join('\n'));
    this.problems = problems;
    this.exportInfo = exportInfo;
  }
}
