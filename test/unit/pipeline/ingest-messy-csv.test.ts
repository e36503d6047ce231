import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertEveryRowAccounted, fixture, ingestFixture, problemsOf } from '../support/exports.ts';

const result = await ingestFixture('messy-csv');
const { report } = result;

describe('pipeline: what spreadsheet exports do to CSV files', () => {
  test('the fixture really is BOM + CRLF (subjects) and GB18030 + CRLF (commitments)', () => {
    const subjects = readFileSync(join(fixture('messy-csv'), 'subjects.csv'));
    assert.deepEqual([...subjects.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(subjects.includes('\r\n'));
    const commitments = readFileSync(join(fixture('messy-csv'), 'commitments.csv'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(commitments));
    const manifest = JSON.parse(readFileSync(join(fixture('messy-csv'), 'manifest.json'), 'utf8'));
    assert.equal(manifest.files['commitments.csv'].encoding, 'gb18030');
  });
  test('every row is accounted for; trailing blank and empty rows are not rows', () => {
    assertEveryRowAccounted(report);
    assert.equal(report.files['subjects.csv']?.rows, 2);
    assert.equal(report.files['commitments.csv']?.rows, 4);
  });
  test('surrounding spaces are trimmed and a lower-case code upper-cased', () => {
    assert.deepEqual(result.subjects.map((s) => [s.creditCode, s.name, s.region]), [
      ['11370900MB2850001B', '泰安市发展和改革委员会', '市直'],
      ['11370902MB2850002B', '泰山区市场监督管理局', '泰山区'],
    ]);
    assert.equal(result.subjects[0]?.address, '东岳大街6号，市民中心');
  });
  test('GB18030 text, quotes and multi-line cells are read intact', () => {
    const byId = Object.fromEntries(result.commitments.map((c) => [c.id, c]));
    assert.equal(byId['CM-01']?.content, '一、企业开办全程网办，一个工作日内办结。\r\n二、“双随机、一公开”全覆盖。\r\n三、诉求三个工作日内答复。');
    assert.equal(byId['CM-02']?.content, '严格执行"首诊负责制"。');
    assert.equal(byId['CM-02']?.madeOn, '2025-06-01');
    assert.equal(byId['CM-03']?.madeOn, '2026-01-05');
  });
  test('an impossible date after two multi-line cells points at the row\'s physical line', () => {
    assert.deepEqual(problemsOf(report, 'commitments.csv').map((p) => [p.line, p.id, p.field, p.message]), [[8, 'CM-04', '承诺作出日期', '不是有效日期：2026-02-30']]);
  });
  test('YYYYMMDD in honors.csv is normalised', () => {
    assert.equal(result.honors[0]?.grantedOn, '2026-01-20');
  });
});
