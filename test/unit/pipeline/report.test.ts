import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyTally, formatProblem, type BuildReport } from '../../../src/lib/pipeline/report.ts';
import { summarize } from '../../../src/lib/pipeline/summary.ts';
import { stoppedReport } from '../../../src/lib/pipeline/write-report.ts';
import { UnusableExport } from '../../../src/lib/export/errors.ts';

const report: BuildReport = {
  as_of: '2026-11-28',
  export: { platform: '泰安市公共信用信息平台', exported_at: '2026-11-27T23:10:00+08:00', schema_version: 1 },
  usable: true,
  files: { 'commitments.csv': { rows: 3, published: 1, withheld: 1, rejected: 1, withheld_reasons: { not_public: 1 } } },
  problems: [
    { file: 'commitments.csv', line: 42, id: 'C2026000123', field: '承诺作出日期', severity: 'error', message: '不是有效日期：2026-02-30' },
    { file: 'subjects.csv', line: 1, field: '备用', severity: 'warning', message: '未知列，已忽略' },
  ],
};

describe('§7 report lines and summary', () => {
  test('a problem prints as file:line field: message, with the record id', () => {
    assert.equal(formatProblem(report.problems[0]!), 'commitments.csv:42 承诺作出日期: [C2026000123] 不是有效日期：2026-02-30');
  });
  test('a warning is marked as such', () => {
    assert.equal(formatProblem(report.problems[1]!), 'subjects.csv:1 备用: （警告）未知列，已忽略');
    // An invisible or control character from the export is shown by its code point, on one line.
    assert.equal(
      formatProblem({ file: 'honors.csv', line: 3, id: 'BZJL-2026\u200b-0002', field: '信息编号', severity: 'error', message: '不是有效的编号：BZJL-2026\u200b-0002\n\u{E0041}' }),
      'honors.csv:3 信息编号: [BZJL-2026⟨U+200B⟩-0002] 不是有效的编号：BZJL-2026⟨U+200B⟩-0002⟨U+000A⟩⟨U+E0041⟩',
    );
  });
  test('an unusable export\'s message (validate and publish print it) shows them the same way', () => {
    const e = new UnusableExport([{ file: 'commitments.csv', line: 1, field: '信息\u200b编号', message: '表头中的列名重复：信息\u200b编号\r' }]);
    assert.equal(e.message, 'commitments.csv:1 信息⟨U+200B⟩编号: 表头中的列名重复：信息⟨U+200B⟩编号⟨U+000D⟩');
  });
  test('a problem without line or field prints the file alone', () => {
    assert.equal(formatProblem({ file: 'honors.csv', severity: 'error', message: 'x' }), 'honors.csv: x');
  });
  test('the summary lists every problem, then a table per file with withheld reasons in Chinese, then totals', () => {
    const text = summarize(report).split('\n');
    assert.equal(text[0], formatProblem(report.problems[0]!));
    assert.ok(text.some((l) => /^文件\s+行数\s+公示\s+停止公示\s+拒绝\s+停止公示原因$/.test(l)));
    assert.ok(text.some((l) => /^commitments\.csv\s+3\s+1\s+1\s+1\s+依规定不向社会公开 1$/.test(l)));
    assert.equal(text.at(-1), '共 1 个错误、1 个警告。');
    // A release's log lists the first problems only, and says how many more the report has.
    const short = summarize(report, 1).split('\n');
    assert.deepEqual(short.slice(0, 3), [formatProblem(report.problems[0]!), '……另有 1 个问题，见报告', '']);
    assert.equal(short.at(-1), '共 1 个错误、1 个警告。');
  });
  test('an empty tally starts at zero', () => {
    assert.deepEqual(emptyTally(), { rows: 0, published: 0, withheld: 0, rejected: 0, withheld_reasons: {} });
  });
  test('the report of an unusable export says so and lists only errors', () => {
    const r = stoppedReport('2026-11-28', 'data/export', new UnusableExport([{ file: 'subjects.csv', message: 'sha256 不符' }]));
    assert.equal(r.usable, false);
    assert.deepEqual(r.files, {});
    assert.deepEqual(r.problems, [{ file: 'subjects.csv', message: 'sha256 不符', severity: 'error' }]);
  });
  test('UnusableExport prints each problem as file:line field: message', () => {
    const e = new UnusableExport([{ file: 'a.csv', line: 1, field: '列', message: 'm1' }, { file: 'b.csv', message: 'm2' }]);
    assert.equal(e.message, 'a.csv:1 列: m1\nb.csv: m2');
  });
});
