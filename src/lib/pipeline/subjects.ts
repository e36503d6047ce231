/**
 * Subjects are decided before anything that refers to them: every subject-level check
 * runs here, and the result — the published subjects — is the only thing references are
 * checked against. A record naming a subject that is not published is rejected, with the
 * subject and why, so no page can link to a profile that does not exist.
 *
 * §6 has no withholding rule for subjects: a valid subject is always published, so the
 * decided set is exactly the valid rows of subjects.csv.
 */
import type { Subject } from '../schemas/subject.ts';
import { rejectRow, type Row } from './contract-rows.ts';

export interface DecidedSubjects {
  /** The published subjects, by 统一社会信用代码. */
  published: Map<string, Subject>;
  /** Why a code is not a published subject (the message a referring record gets), or undefined when it is one. */
  problemOf: (code: string) => string | undefined;
}

const FILE = 'subjects.csv';

export function decideSubjects(rows: Row<Subject>[]): DecidedSubjects {
  const linesOf = new Map<string, number[]>();
  for (const row of rows) if (row.key) linesOf.set(row.key, [...(linesOf.get(row.key) ?? []), row.line]);
  // §4 上级主管部门: another subject of this file. It is checked against the file's rows, not
  // against the published set: a parent with a bad cell is still the parent, and the
  // profile shows an unpublished parent by its code, without a link.
  for (const row of rows) {
    const parent = row.record?.parentCode;
    if (parent === undefined) continue;
    if (parent === row.key) rejectRow(row, FILE, '上级主管部门', `上级主管部门 ${parent} 是本主体自己，应为 subjects.csv 中的另一个主体`);
    else if (!linesOf.has(parent)) rejectRow(row, FILE, '上级主管部门', `上级主管部门 ${parent} 不在 subjects.csv 中`);
  }
  const published = new Map<string, Subject>();
  const rejected = new Map<string, Row<Subject>[]>();
  for (const row of rows) {
    if (row.record) published.set(row.record.creditCode, row.record);
    else if (row.key) rejected.set(row.key, [...(rejected.get(row.key) ?? []), row]);
  }
  return {
    published,
    problemOf(code) {
      if (published.has(code)) return undefined;
      const rows = rejected.get(code);
      if (!rows) return `主体 ${code} 不在 subjects.csv 中`;
      const fields = [...new Set(rows.flatMap((r) => r.problems.map((p) => p.field)))].join('、');
      return `主体 ${code} 在 subjects.csv 第 ${rows.map((r) => r.line).join('、')} 行被拒绝（${fields}），引用它的记录不能公示`;
    },
  };
}

/** Rejects every row whose subject is not published. */
export function rejectUnpublishedSubjects<R>(file: string, rows: Row<R>[], subjectOf: (record: R) => string | undefined, subjects: DecidedSubjects) {
  for (const row of rows) {
    const code = row.record ? subjectOf(row.record) : undefined;
    const message = code === undefined ? undefined : subjects.problemOf(code);
    if (message) rejectRow(row, file, '统一社会信用代码', message);
  }
}
