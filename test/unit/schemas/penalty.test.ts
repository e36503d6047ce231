import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { penaltyFile } from '../../../src/lib/schemas/penalty.ts';
import { penaltyRow, SETTING } from '../support/rows.ts';

const parse = (over: Record<string, string | undefined> = {}) => penaltyFile.parseRow(penaltyRow(over), SETTING);
const columns = (over: Record<string, string | undefined>) => parse(over).problems.map((p) => p.column).sort();

describe('penalties.csv 行政处罚', () => {
  test('a valid penalty row parses, 处罚类别 split into a list', () => {
    const { record, problems } = parse({ 处罚类别: '警告;罚款' });
    assert.deepEqual(problems, []);
    assert.deepEqual(record?.kinds, ['警告', '罚款']);
    assert.equal(record?.fine, 5);
    assert.equal(record?.decidedOn, '2026-02-10');
  });
  test('修复日期 is required when 信用修复状态 is 已修复', () => {
    assert.deepEqual(parse({ 信用修复状态: '已修复' }).problems, [{ column: '修复日期', message: '信用修复状态为已修复时必须填写修复日期' }]);
    assert.deepEqual(parse({ 信用修复状态: '已修复', 修复日期: '2026-06-01' }).problems, []);
  });
  test('公示截止期 within the one-year 一般 maximum is accepted', () => {
    assert.deepEqual(parse({ 公示截止期: '2027-02-10' }).problems, []);
    assert.deepEqual(parse({ 公示截止期: '2026-06-10' }).problems, []);
  });
  test('公示截止期 beyond the legal maximum is rejected, naming the maximum', () => {
    const [p] = parse({ 公示截止期: '2027-02-11' }).problems;
    assert.equal(p?.column, '公示截止期');
    assert.match(p?.message ?? '', /超过《信用修复管理办法》规定的最长公示期（一般失信，至 2027-02-10）/);
  });
  test('公示截止期 of a derived 严重 penalty may run to three years, not beyond', () => {
    assert.deepEqual(parse({ 处罚类别: '吊销许可证件', 公示截止期: '2029-02-10' }).problems, []);
    assert.deepEqual(columns({ 处罚类别: '吊销许可证件', 公示截止期: '2029-02-11' }), ['公示截止期']);
  });
  test('公示截止期 before the end of the minimum period is rejected (the minimum is the law\'s)', () => {
    assert.deepEqual(columns({ 公示截止期: '2026-05-09' }), ['公示截止期']);
    assert.deepEqual(columns({ 公示截止期: '2026-05-10' }), []);
  });
  test('失信程度, 公示期特殊领域, 行政相对人类别 and 信用修复状态 are closed lists', () => {
    assert.deepEqual(columns({ 失信程度: '较重', 公示期特殊领域: '食品', 行政相对人类别: '企业', 信用修复状态: '修复中' }), ['信用修复状态', '公示期特殊领域', '失信程度', '行政相对人类别'].sort());
  });
  test('处罚类别 with a value outside the national list is rejected', () => {
    assert.deepEqual(columns({ 处罚类别: '罚款、拘留' }), ['处罚类别']);
  });
  test('a penalty with many faults reports every one of them', () => {
    const cols = columns({ 统一社会信用代码: 'X1', 处罚决定日期: '2025-02-29', 处罚依据: undefined, '罚款金额（万元）': '五万', 处罚机关统一社会信用代码: '11370900MB2850001A', 信用修复状态: '已修复' });
    assert.deepEqual(cols, ['统一社会信用代码', '处罚决定日期', '处罚依据', '罚款金额（万元）', '处罚机关统一社会信用代码', '修复日期'].sort());
  });
  test('a 自然人 row parses (it is withheld by the rules, not rejected)', () => {
    assert.deepEqual(parse({ 行政相对人类别: '自然人' }).problems, []);
  });
});
