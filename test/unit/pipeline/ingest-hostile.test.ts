/** The hostile-rows fixture: every record naming an unpublished subject, every bad attachment and invisible character. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertEveryRowAccounted, ingestFixture, problemsOf } from '../support/exports.ts';

const result = await ingestFixture('hostile-rows');
const { report } = result;
const at = (file: string, line: number) => problemsOf(report, file, line).map((p) => [p.field, p.message]);
const INVISIBLE = '页面上看不见或会改变文字的显示，不得公示';

describe('pipeline: a rejected subject takes its records with it', () => {
  test('a subject naming itself, or a code not in the file, as 上级主管部门 is rejected', () => {
    assert.deepEqual(at('subjects.csv', 3), [['上级主管部门', '上级主管部门 11370900MB2851020H 是本主体自己，应为 subjects.csv 中的另一个主体']]);
    assert.deepEqual(at('subjects.csv', 4), [['上级主管部门', '上级主管部门 11370900MB2851990U 不在 subjects.csv 中']]);
  });
  test('only the valid subjects are published; a parent that is in the file but rejected does not reject its child', () => {
    assert.deepEqual(result.subjects.map((s) => s.creditCode), ['11370900MB2851010G', '11370902MB2850002B']);
  });
  test('a commitment of a rejected subject is rejected, naming the subject, its line and why', () => {
    assert.deepEqual(at('commitments.csv', 3), [['统一社会信用代码', '主体 11370900MB2851020H 在 subjects.csv 第 3 行被拒绝（上级主管部门），引用它的记录不能公示']]);
    assert.deepEqual(at('commitments.csv', 4), [['统一社会信用代码', '主体 11370900MB2851030J 在 subjects.csv 第 4 行被拒绝（上级主管部门），引用它的记录不能公示']]);
    assert.deepEqual(at('commitments.csv', 5), [['统一社会信用代码', '主体 11370900MB2851040K 在 subjects.csv 第 5 行被拒绝（主体名称），引用它的记录不能公示']]);
  });
  test('a case naming a rejected subject is rejected', () => {
    assert.deepEqual(problemsOf(report, 'cases/rejected-subject-case.md').map((p) => [p.field, p.line, p.message]), [
      ['subjects', 7, '主体 11370900MB2851020H 在 subjects.csv 第 3 行被拒绝（上级主管部门），引用它的记录不能公示'],
    ]);
  });
  test('exactly the valid commitments are published, and every published record names a published subject', () => {
    assert.deepEqual(result.commitments.map((c) => c.id), ['HC-01', 'HC-05', 'HC-19']);
    const published = new Set(result.subjects.map((s) => s.creditCode));
    for (const c of result.commitments) assert.ok(published.has(c.creditCode), c.id);
    for (const c of result.cases) for (const code of c.subjects) assert.ok(published.has(code), c.slug);
  });
  test('every row is accounted for', () => {
    assertEveryRowAccounted(report);
    assert.deepEqual(report.files['subjects.csv'], { rows: 5, published: 2, withheld: 0, rejected: 3, withheld_reasons: {} });
    assert.deepEqual(report.files['commitments.csv'], { rows: 19, published: 3, withheld: 0, rejected: 16, withheld_reasons: {} });
  });
});

describe('pipeline: attachments that are not a file of the export are row problems', () => {
  test('a folder', () => assert.deepEqual(at('commitments.csv', 7), [['承诺书附件', '附件是文件夹，不是文件：attachments/commitments']]));
  test('a symbolic link', () => assert.deepEqual(at('commitments.csv', 8), [['承诺书附件', '附件是符号链接，不予公示（应为导出目录中的普通文件）：attachments/commitments/link.pdf']]));
  test('a file reached through a linked folder outside the export', () => {
    assert.deepEqual(at('commitments.csv', 9), [['承诺书附件', '附件经由符号链接指向导出目录之外，不予公示：attachments/outside/CN2026000001.pdf']]);
  });
  test('a path leaving attachments/, relative or absolute', () => {
    assert.deepEqual(at('commitments.csv', 10), [['承诺书附件', '附件路径必须位于 attachments/ 之下：../manifest.json']]);
    assert.deepEqual(at('commitments.csv', 18), [['承诺书附件', '附件路径必须位于 attachments/ 之下：/etc/passwd']]);
  });
  test('only the attachment of a published record is published', () => {
    assert.deepEqual(result.attachments, ['commitments/ok.pdf']);
  });
});

describe('§3 invisible characters are an error in their row, naming the column', () => {
  for (const [line, field, char] of [
    [11, '承诺内容', 'U+0000（空字符 NUL）'],
    [12, '承诺事由', 'U+FEFF（字节顺序标记 BOM）'],
    [13, '承诺受理单位', 'U+2066（从左至右隔离）'],
    [19, '备注', 'U+0007（控制字符）'],
  ] as const) {
    test(`${char} in ${field}`, () => assert.deepEqual(at('commitments.csv', line), [[field, `含有不可见字符 ${char}，${INVISIBLE}`]]));
  }
  test('in a date cell it is the one error of the cell (not also "not a date")', () => {
    assert.deepEqual(at('commitments.csv', 14), [['承诺作出日期', `含有不可见字符 U+202E（从右至左覆盖），${INVISIBLE}`]]);
  });
  test('identifier columns are checked too', () => {
    assert.deepEqual(at('commitments.csv', 15), [['统一社会信用代码', `含有不可见字符 U+202E（从右至左覆盖），${INVISIBLE}`]]);
  });
  test('in subjects.csv', () => assert.deepEqual(at('subjects.csv', 5), [['主体名称', `含有不可见字符 U+202E（从右至左覆盖），${INVISIBLE}`]]));
  test('tabs and line breaks inside a cell are text, not invisible characters', () => {
    assert.equal(result.commitments.find((c) => c.id === 'HC-19')?.content, '第一条\t守信\r\n第二条 践诺');
  });
  test('in a case title (front matter) and a case body, at their lines', () => {
    assert.deepEqual(problemsOf(report, 'cases/invisible-title.md').map((p) => [p.field, p.line, p.message]), [['title', 2, `含有不可见字符 U+202E（从右至左覆盖），${INVISIBLE}`]]);
    assert.deepEqual(problemsOf(report, 'cases/invisible-body.md').map((p) => [p.field, p.line, p.message]), [[undefined, 13, `正文含有不可见字符 U+2067（从右至左隔离），${INVISIBLE}`]]);
  });
});

describe('pipeline: rows the CSV parser could not split cleanly are rejected', () => {
  test('a malformed quote is a problem of its row', () => {
    assert.deepEqual(at('commitments.csv', 16), [['（整行）', '引号用法有误：加引号的字段在闭合引号后还有其他字符（字段内的引号应写作 ""）']]);
  });
  test('a row with more non-empty cells than the header is rejected', () => {
    assert.deepEqual(at('commitments.csv', 17), [['（整行）', '该行比表头多出 1 个非空字段，可能有未加引号的逗号，各列已错位']]);
  });
});

describe('pipeline: files that are not part of the export', () => {
  test('an unknown file in the export folder and an unknown manifest entry are warnings, __proto__ too', () => {
    const warnings = report.problems.filter((p) => p.severity === 'warning').map((p) => [p.file, p.field, p.message]);
    assert.deepEqual(warnings, [
      ['notes.txt', undefined, '不是导出格式约定的文件，已忽略'],
      ['manifest.json', 'files.extra.csv', '清单列出了导出格式之外的文件 extra.csv，已忽略'],
      ['manifest.json', 'files.__proto__', '清单列出了导出格式之外的文件 __proto__，已忽略'],
    ]);
  });
  test('a case file that is a folder, a link or not UTF-8 is rejected with that one reason', () => {
    assert.deepEqual(problemsOf(report, 'cases/folder.md').map((p) => p.message), ['不是普通文件（可能是文件夹）']);
    assert.deepEqual(problemsOf(report, 'cases/link.md').map((p) => p.message), ['案例文件是符号链接，导出中的文件必须是普通文件']);
    assert.deepEqual(problemsOf(report, 'cases/latin1.md').map((p) => p.message), ['案例文件不是有效的 UTF-8 文本']);
  });
  test('redirect_from naming the case\'s own URL key is rejected', () => {
    assert.deepEqual(problemsOf(report, 'cases/self-redirect.md').map((p) => [p.field, p.line, p.message]), [['redirect_from', 9, 'redirect_from 列出了本案例自己的 URL 键 self-redirect']]);
  });
  test('only the good case is published', () => assert.deepEqual(result.cases.map((c) => c.slug), ['ok-case']));
});
