import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { tableCsv, tableJson, type OpenTable } from '../../../src/lib/open-data/tables.ts';

const t = (values: (string | number | string[] | null)[]): OpenTable => ({
  kind: 'honors',
  title: '表彰奖励',
  columns: values.map((_, i) => ({ field: `f${i}`, header: `列${i}`, type: 'string', required: false })),
  rows: [values],
});

test('a cell a spreadsheet would run as a formula (= + - @ tab CR first) gets a leading apostrophe in CSV', () => {
  const csv = tableCsv(t(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx', 'a=b', '全部 - 履行']));
  const [, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  assert.deepEqual(row, ["'=1+1", "'+86", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'a=b', '全部 - 履行']);
});
test('CSV starts with a UTF-8 BOM, uses CRLF, joins lists with ；and writes no value as empty', () => {
  const csv = tableCsv(t([['警告', '罚款'], null, 5]));
  assert.equal(csv, '\uFEFF列0,列1,列2\r\n警告；罚款,,5\r\n');
});
test('JSON keeps the published value as it is, lists as arrays and no value as null', () => {
  assert.deepEqual(JSON.parse(tableJson(t(['=1+1', ['警告'], null]))), [{ 列0: '=1+1', 列1: ['警告'], 列2: null }]);
});
