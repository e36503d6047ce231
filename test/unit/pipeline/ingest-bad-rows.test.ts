import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertEveryRowAccounted, fieldsOf, fixture, ingestFixture, problemsOf } from '../support/exports.ts';

const result = await ingestFixture('bad-rows');
const { report } = result;
const json = JSON.stringify(report);
const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

describe('pipeline: invalid rows are rejected, the rest of each file loads', () => {
  test('an export with rejected rows is still usable', () => {
    assert.equal(report.usable, true);
  });
  test('every row of every file is accounted for', () => {
    assertEveryRowAccounted(report);
    assert.deepEqual(Object.fromEntries(Object.entries(report.files).map(([f, t]) => [f, [t.rows, t.published, t.withheld, t.rejected]])), {
      'subjects.csv': [10, 3, 0, 7],
      'commitments.csv': [14, 2, 2, 10],
      'penalties.csv': [10, 2, 5, 3],
      'enforcement.csv': [3, 1, 1, 1],
      'dishonest.csv': [3, 2, 1, 0],
      'honors.csv': [3, 1, 1, 1],
    });
  });
  test('a rejected row is never published', () => {
    assert.deepEqual(result.subjects.map((s) => s.creditCode).sort(), ['11370900MB2850001B', '11370902MB2850002B', '11370982MB2850005G']);
    assert.deepEqual(ids(result.commitments), ['CM-01', 'CM-11']);
    assert.deepEqual(ids(result.penalties), ['PN-01', 'PN-06']);
  });
  test('every problem is an error with file, physical line and field', () => {
    for (const p of report.problems) {
      assert.equal(p.severity, 'error');
      assert.ok(p.line && p.line >= 2, JSON.stringify(p));
      assert.ok(p.field, JSON.stringify(p));
    }
  });
});

describe('pipeline: a bad row is rejected with every one of its errors', () => {
  test('subjects.csv:4 reports its check digit, 主体类别, 所属区域 and 评价日期 together', () => {
    assert.deepEqual(fieldsOf(problemsOf(report, 'subjects.csv', 4)), ['主体类别', '所属区域', '统一社会信用代码', '评价日期'].sort());
  });
  test('commitments.csv:5 (after a three-line cell) reports six problems on its physical line', () => {
    const problems = problemsOf(report, 'commitments.csv', 5);
    assert.ok(problems.every((p) => p.id === 'CM-02'));
    assert.deepEqual(fieldsOf(problems), ['公开类型', '承诺人职务', '承诺作出日期', '承诺类型', '履行状态认定日期', '认定单位'].sort());
    assert.ok(problems.some((p) => p.field === '承诺作出日期' && p.message === '不是有效日期：2026-02-30'));
  });
  test('penalties.csv:9 reports wrong 处罚类别, an impossible date, a wrong 失信程度 and the missing 修复日期', () => {
    assert.deepEqual(fieldsOf(problemsOf(report, 'penalties.csv', 9)), ['修复日期', '处罚决定日期', '处罚类别', '失信程度'].sort());
  });
  test('wrong enum values are rejected naming the value (履行情况 已履行, 授予级别 区级)', () => {
    assert.match(problemsOf(report, 'enforcement.csv', 4)[0]?.message ?? '', /不是允许的值：已履行/);
    assert.match(problemsOf(report, 'honors.csv', 4)[0]?.message ?? '', /不是允许的值：区级/);
  });
});

describe('pipeline: duplicate ids', () => {
  test('every row carrying a duplicated 信息编号 is rejected, naming all its lines', () => {
    const problems = report.problems.filter((p) => p.id === 'CM-04');
    assert.deepEqual(problems.map((p) => [p.line, p.field]), [[7, '信息编号'], [8, '信息编号']]);
    assert.match(problems[0]!.message, /出现 2 次（第 7、8 行）/);
  });
  test('a subject listed twice (once in lower case) is rejected on both lines', () => {
    assert.deepEqual(problemsOf(report, 'subjects.csv').filter((p) => p.id === '11370900MB28500094').map((p) => p.line), [7, 8]);
  });
});

describe('pipeline: references to subjects', () => {
  test('a record whose subject is not in subjects.csv is rejected', () => {
    assert.deepEqual(problemsOf(report, 'commitments.csv', 9).map((p) => [p.field, p.message]), [['统一社会信用代码', '主体 11370900MB28500109 不在 subjects.csv 中']]);
  });
  test('a record whose subject was rejected is rejected, naming the subject\'s line', () => {
    assert.match(problemsOf(report, 'commitments.csv', 10)[0]?.message ?? '', /在 subjects\.csv 第 5 行被拒绝/);
    assert.match(problemsOf(report, 'penalties.csv', 10)[0]?.message ?? '', /在 subjects\.csv 第 5 行被拒绝/);
  });
  test('a record whose subject was a rejected duplicate is rejected', () => {
    assert.deepEqual(problemsOf(report, 'commitments.csv', 17).map((p) => [p.field, p.message]), [['统一社会信用代码', '主体 11370900MB28500094 在 subjects.csv 第 7、8 行被拒绝（统一社会信用代码），引用它的记录不能公示']]);
  });
  test('上级主管部门 must be another subject of the file', () => {
    assert.deepEqual(problemsOf(report, 'subjects.csv', 9).map((p) => p.field), ['上级主管部门']);
  });
  test('a 个体工商户 penalty (whose party is not a subject) is withheld, not rejected', () => {
    assert.deepEqual(problemsOf(report, 'penalties.csv', 11), []);
    assert.ok(result.withheld.some((w) => w.id === 'PN-10' && w.reason === 'not_public'));
  });
});

describe('pipeline: personal numbers in cells', () => {
  test('an identity and a mobile number in 承诺内容 reject the row, naming the column', () => {
    const problems = problemsOf(report, 'commitments.csv', 6);
    assert.deepEqual(problems.map((p) => [p.field, p.message]), [
      ['承诺内容', '含有居民身份证号码（3709**********1235），不得公示'],
      ['承诺内容', '含有手机号码（1391***5678），不得公示'],
    ]);
  });
  test('a mobile number in 联系电话 rejects the subject', () => {
    assert.deepEqual(problemsOf(report, 'subjects.csv', 5).map((p) => p.field), ['联系电话']);
  });
  test('an identity number in the 统一社会信用代码 cell is masked in the id and message', () => {
    const problems = problemsOf(report, 'subjects.csv', 10);
    assert.equal(problems[0]?.id, '3709**********1235');
    assert.match(problems[0]?.message ?? '', /3709\*{10}1235/);
  });
  test('a mobile number in 所属区域 is masked in the region message too', () => {
    const problems = problemsOf(report, 'subjects.csv', 11);
    assert.deepEqual(fieldsOf(problems), ['所属区域', '所属区域']);
    assert.ok(problems.every((p) => p.message.includes('1370***1111')));
  });
  test('no personal number in the export appears in full anywhere in the report', () => {
    const raw = ['370902199001011235', '13912345678', '13812345678', '13700001111'];
    for (const file of ['subjects.csv', 'commitments.csv']) {
      const text = readFileSync(join(fixture('bad-rows'), file), 'utf8');
      assert.ok(raw.some((n) => text.includes(n)), 'the fixture holds the numbers');
    }
    for (const n of raw) assert.ok(!json.includes(n), n);
  });
});

describe('pipeline: attachments', () => {
  test('a 承诺书附件 that does not exist rejects the row', () => {
    assert.deepEqual(problemsOf(report, 'commitments.csv', 11).map((p) => [p.field, p.message]), [['承诺书附件', '附件不存在：attachments/commitments/missing.pdf']]);
  });
  test('a 承诺书附件 that is not a PDF rejects the row', () => {
    assert.equal(problemsOf(report, 'commitments.csv', 12)[0]?.message, '附件的内容不是它的扩展名所说的 PDF 文件（.pdf）：attachments/commitments/fake.pdf');
  });
  test('a valid PDF of a published commitment is listed for the site', () => {
    assert.deepEqual(result.attachments, ['commitments/ok.pdf']);
  });
});

describe('pipeline: publication decisions in the same export', () => {
  test('commitments 不可公开 and 特定范围内公开 are withheld; an expired one is published marked expired', () => {
    assert.deepEqual(report.files['commitments.csv']?.withheld_reasons, { not_public: 2 });
    assert.equal(result.commitments.find((c) => c.id === 'CM-11')?.expired, true);
  });
  test('penalties: 公示截止期 beyond the legal maximum is rejected; 自然人, 轻微, ended and repaired are withheld; a future 修复日期 is published', () => {
    assert.deepEqual(problemsOf(report, 'penalties.csv', 3).map((p) => p.field), ['公示截止期']);
    const reasons = Object.fromEntries(result.withheld.filter((w) => w.kind === 'penalties').map((w) => [w.id, w.reason]));
    assert.deepEqual(reasons, { 'PN-03': 'not_public', 'PN-04': 'period_ended', 'PN-05': 'repaired', 'PN-07': 'not_public', 'PN-10': 'not_public' });
  });
  test('enforcement: 执行和解 is withheld as closed', () => {
    assert.deepEqual(result.withheld.filter((w) => w.kind === 'enforcement'), [{ kind: 'enforcement', id: 'ZX-02', reason: 'case_closed' }]);
  });
  test('dishonest: removed on the as-of date is withheld, removed tomorrow is still published', () => {
    assert.deepEqual(ids(result.dishonest), ['SX-01', 'SX-03']);
  });
  test('honours: withheld on their 有效期至, published the day before', () => {
    assert.deepEqual(ids(result.honors), ['HN-01']);
    assert.deepEqual(result.withheld.filter((w) => w.kind === 'honors').map((w) => w.id), ['HN-02']);
  });
});
