/** A problem that makes the whole export unusable (§7 exit status 2): the build stops. */
export interface ExportProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export class UnusableExport extends Error {
  readonly problems: ExportProblem[];
  constructor(problems: ExportProblem[]) {
    super(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` ${p.field}` : ''}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}
