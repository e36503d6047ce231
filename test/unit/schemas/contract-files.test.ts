import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTRACT_FILES, IDENTITY_NUMBER_HEADER } from '../../../src/lib/schemas/contract.ts';
import { subjectFile } from '../../../src/lib/schemas/subject.ts';
import { commitmentFile } from '../../../src/lib/schemas/commitment.ts';
import { enforcementFile } from '../../../src/lib/schemas/enforcement.ts';
import { dishonestFile } from '../../../src/lib/schemas/dishonest.ts';
import { honorFile } from '../../../src/lib/schemas/honor.ts';
import { commitmentRow, dishonestRow, enforcementRow, EXPORT_DATE, honorRow, SETTING, subjectRow } from '../support/rows.ts';

type Parser = { parseRow: (cells: Record<string, string | undefined>, setting: typeof SETTING) => { record: unknown; problems: { column: string; message: string }[] } };
const problems = (file: Parser, cells: Record<string, string | undefined>) => file.parseRow(cells, SETTING).problems;
const columnsOf = (file: Parser, cells: Record<string, string | undefined>) => problems(file, cells).map((p) => p.column).sort();

describe('§4 the contract files', () => {
  test('subjects.csv comes first and only subjects and commitments are required', () => {
    assert.deepEqual(CONTRACT_FILES.map((f) => [f.definition.file, f.required]), [
      ['subjects.csv', true], ['commitments.csv', true], ['penalties.csv', false], ['enforcement.csv', false], ['dishonest.csv', false], ['honors.csv', false],
    ]);
  });
  test('the required columns are exactly the R columns of each file', () => {
    assert.deepEqual(subjectFile.requiredHeaders, ['统一社会信用代码', '主体名称', '主体类别', '所属区域']);
    assert.deepEqual(honorFile.requiredHeaders, ['信息编号', '统一社会信用代码', '主体名称', '荣誉名称', '授予单位', '授予级别', '授予日期']);
    assert.ok(!commitmentFile.requiredHeaders.includes('承诺人职务'));
    assert.ok(!commitmentFile.requiredHeaders.includes('承诺书附件'));
    assert.ok(commitmentFile.requiredHeaders.includes('公开类型'));
  });
  test('identifier columns (codes, 信息编号, 案号, 文号) are exempt from the personal-number scan; text columns are not', () => {
    const identifiers = (f: typeof enforcementFile) => f.fields.filter((k) => f.columns[k]!.identifier).map((k) => f.columns[k]!.column);
    assert.deepEqual(identifiers(enforcementFile), ['信息编号', '案号', '统一社会信用代码', '执行依据文号']);
    assert.equal(commitmentFile.columns.content.identifier, false);
  });
  test('headers naming identity numbers are recognised (证件号码, 身份证号码)', () => {
    for (const h of ['证件号码', '身份证号码', '法定代表人证件号码', '法定代表人身份证号']) assert.match(h, IDENTITY_NUMBER_HEADER);
    assert.doesNotMatch('统一社会信用代码', IDENTITY_NUMBER_HEADER);
  });
});

describe('subjects.csv 主体名录', () => {
  test('a valid subject row parses to English fields, code upper-cased', () => {
    const { record, problems } = subjectFile.parseRow(subjectRow({ 统一社会信用代码: '11370900mb2850001b' }), SETTING);
    assert.deepEqual(problems, []);
    assert.equal(record?.creditCode, '11370900MB2850001B');
    assert.equal(record?.gradedOn, '2026-03-01');
  });
  test('主体类别 must be one of 政府机构 / 事业单位 / 国有企业 / 群团组织', () => {
    assert.deepEqual(columnsOf(subjectFile, subjectRow({ 主体类别: '民营企业' })), ['主体类别']);
  });
  test('评价日期 is required when 信用评价等级 is given', () => {
    assert.deepEqual(problems(subjectFile, subjectRow({ 评价日期: undefined })), [{ column: '评价日期', message: '填写了信用评价等级时必须填写评价日期' }]);
    assert.deepEqual(problems(subjectFile, subjectRow({ 信用评价等级: undefined, 评价日期: undefined })), []);
  });
  test('信用评价等级 is A / B / C / D', () => {
    assert.deepEqual(columnsOf(subjectFile, subjectRow({ 信用评价等级: 'E' })), ['信用评价等级']);
  });
  test('a bad row reports every one of its errors, not only the first', () => {
    const cols = columnsOf(subjectFile, subjectRow({ 统一社会信用代码: '11370900MB2850001X', 主体名称: undefined, 主体类别: '其他', 上级主管部门: '123', 评价日期: '2026-02-30' }));
    assert.deepEqual(cols, ['上级主管部门', '主体名称', '主体类别', '评价日期', '统一社会信用代码'].sort());
  });
});

describe('commitments.csv 信用承诺', () => {
  test('a valid commitment row parses, dates normalised', () => {
    const { record, problems } = commitmentFile.parseRow(commitmentRow({ 承诺作出日期: '2026/3/15' }), SETTING);
    assert.deepEqual(problems, []);
    assert.equal(record?.madeOn, '2026-03-15');
    assert.equal(record?.validUntil, '2027-03-14');
  });
  for (const category of ['公务员', '国企高管']) {
    test(`承诺人职务 is required for ${category}`, () => {
      assert.deepEqual(columnsOf(commitmentFile, commitmentRow({ 承诺人类别: category })), ['承诺人职务']);
      assert.deepEqual(columnsOf(commitmentFile, commitmentRow({ 承诺人类别: category, 承诺人职务: '副主任' })), []);
    });
  }
  test('承诺作出日期 may not be after the export date', () => {
    assert.deepEqual(columnsOf(commitmentFile, commitmentRow({ 承诺作出日期: '2026-11-28', 承诺有效期至: undefined })), ['承诺作出日期']);
    assert.deepEqual(columnsOf(commitmentFile, commitmentRow({ 承诺作出日期: EXPORT_DATE, 承诺有效期至: undefined })), []);
  });
  test('承诺有效期至 may not be before 承诺作出日期; empty means 长期有效', () => {
    assert.deepEqual(columnsOf(commitmentFile, commitmentRow({ 承诺有效期至: '2026-03-14' })), ['承诺有效期至']);
    assert.deepEqual(columnsOf(commitmentFile, commitmentRow({ 承诺有效期至: undefined })), []);
  });
  for (const status of ['全部履行', '部分履行', '全部未履行']) {
    test(`履行状态认定日期 and 认定单位 are required when 承诺履行状态 is ${status}`, () => {
      const cols = columnsOf(commitmentFile, commitmentRow({ 承诺履行状态: status, 未履行的承诺内容: '未完成' }));
      assert.deepEqual(cols, ['履行状态认定日期', '认定单位'].sort());
    });
  }
  for (const status of ['部分履行', '全部未履行']) {
    test(`未履行的承诺内容 is required when 承诺履行状态 is ${status}`, () => {
      const cols = columnsOf(commitmentFile, commitmentRow({ 承诺履行状态: status, 履行状态认定日期: '2026-07-10', 认定单位: '纪委监委' }));
      assert.deepEqual(cols, ['未履行的承诺内容']);
    });
  }
  test('履行状态认定日期 may not be before 承诺作出日期', () => {
    const cols = columnsOf(commitmentFile, commitmentRow({ 承诺履行状态: '全部履行', 履行状态认定日期: '2026-03-14', 认定单位: '发改委' }));
    assert.deepEqual(cols, ['履行状态认定日期']);
  });
  test('承诺类型, 承诺履行状态 and 公开类型 are closed lists', () => {
    assert.deepEqual(columnsOf(commitmentFile, commitmentRow({ 承诺类型: '公开承诺', 承诺履行状态: '已履行', 公开类型: '公开' })), ['公开类型', '承诺履行状态', '承诺类型'].sort());
  });
  test('a commitment with many faults reports each of them', () => {
    const p = problems(commitmentFile, commitmentRow({ 信息编号: 'CN 1', 承诺人类别: '公务员', 承诺作出日期: '2026-02-30', 承诺内容: undefined, 公开类型: '内部' }));
    assert.deepEqual(p.map((x) => x.column).sort(), ['信息编号', '承诺人职务', '承诺作出日期', '承诺内容', '公开类型'].sort());
    assert.ok(p.some((x) => x.message === '不是有效日期：2026-02-30'));
  });
});

describe('enforcement.csv 被执行人案件', () => {
  test('a valid enforcement row parses, 执行标的 as a number', () => {
    const { record, problems } = enforcementFile.parseRow(enforcementRow(), SETTING);
    assert.deepEqual(problems, []);
    assert.equal(record?.amount, 120.5);
  });
  for (const outcome of ['全部履行', '执行和解', '终结执行']) {
    test(`结案日期 is required when 履行情况 is ${outcome}`, () => {
      assert.deepEqual(columnsOf(enforcementFile, enforcementRow({ 履行情况: outcome })), ['结案日期']);
      assert.deepEqual(columnsOf(enforcementFile, enforcementRow({ 履行情况: outcome, 结案日期: '2026-09-01' })), []);
    });
  }
  test('结案日期 and 通报日期 may not be before 立案日期', () => {
    assert.deepEqual(columnsOf(enforcementFile, enforcementRow({ 履行情况: '全部履行', 结案日期: '2026-05-01', 通报日期: '2026-05-01' })), ['结案日期', '通报日期'].sort());
  });
  test('履行情况 is a closed list and 执行标的 a non-negative amount', () => {
    assert.deepEqual(columnsOf(enforcementFile, enforcementRow({ 履行情况: '已履行', '执行标的（万元）': '-3' })), ['履行情况', '执行标的（万元）'].sort());
  });
});

describe('dishonest.csv 失信被执行人', () => {
  test('a valid listing parses', () => {
    assert.deepEqual(problems(dishonestFile, dishonestRow({ 移出日期: '2026-10-01' })), []);
  });
  test('移出日期 may not be before 发布时间', () => {
    assert.deepEqual(columnsOf(dishonestFile, dishonestRow({ 移出日期: '2026-07-31' })), ['移出日期']);
  });
  test('通报日期 may not be before 发布时间 (it would count as a notice on time); on the day it may', () => {
    assert.deepEqual(problems(dishonestFile, dishonestRow({ 通报日期: '2026-07-31' })).map((p) => [p.column, p.message]), [['通报日期', '通报日期 2026-07-31 早于发布时间 2026-08-01']]);
    assert.deepEqual(problems(dishonestFile, dishonestRow({ 通报日期: '2026-08-01' })), []);
  });
  test('被执行人的履行情况 is 全部未履行 / 部分未履行 and 督办状态 a closed list', () => {
    assert.deepEqual(columnsOf(dishonestFile, dishonestRow({ 被执行人的履行情况: '未履行', 督办状态: '办结' })), ['督办状态', '被执行人的履行情况'].sort());
  });
});

describe('honors.csv 表彰奖励', () => {
  test('a valid honour parses', () => {
    assert.deepEqual(problems(honorFile, honorRow({ 有效期至: '2027-01-20' })), []);
  });
  test('有效期至 may not be before 授予日期', () => {
    assert.deepEqual(columnsOf(honorFile, honorRow({ 有效期至: '2026-01-19' })), ['有效期至']);
  });
  test('授予级别 is 国家级 / 省级 / 市级 / 县级', () => {
    assert.deepEqual(columnsOf(honorFile, honorRow({ 授予级别: '区级' })), ['授予级别']);
  });
});
