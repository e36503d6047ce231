import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldRows, formatValue } from '../../../src/lib/site/fields.ts';
import { penaltyFile } from '../../../src/lib/schemas/penalty.ts';
import { penalty } from './fixtures.ts';

test('rows follow the national standard order with the schema labels, empties left out', () => {
  const rows = fieldRows(penaltyFile, penalty({ fine: 5 }));
  assert.deepEqual(rows.slice(0, 3).map((r) => r.label), ['信息编号', '行政相对人名称', '行政相对人类别']);
  const labels = rows.map((r) => r.label);
  assert.ok(labels.indexOf('罚款金额（万元）') < labels.indexOf('处罚决定日期'));
  assert.ok(!labels.includes('法定代表人'));
});

test('dates read as 2026年3月1日 and multi-valued cells joined with 、', () => {
  const rows = fieldRows(penaltyFile, penalty({ kinds: ['警告', '罚款'] }));
  assert.equal(rows.find((r) => r.field === 'decidedOn')!.value, '2026年3月1日');
  assert.equal(rows.find((r) => r.field === 'kinds')!.value, '警告、罚款');
  assert.equal(formatValue('note', '2026-01-01'), '2026-01-01', 'text fields are not reformatted');
});

test('values and links can be given per field', () => {
  const rows = fieldRows(penaltyFile, penalty(), { values: { severity: '一般失信' }, links: { creditCode: (c) => `/subjects/${c}/` }, omit: ['facts'] });
  assert.equal(rows.find((r) => r.field === 'severity')!.value, '一般失信');
  assert.equal(rows.find((r) => r.field === 'creditCode')!.href, '/subjects/11370900MB2850001B/');
  assert.ok(!rows.some((r) => r.field === 'facts'));
});
