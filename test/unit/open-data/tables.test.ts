import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { tableCsvText, tableJsonText, type OpenTable } from '../../../src/lib/open-data/tables.ts';

// A file's text, whole, as a build writes it piece by piece.
const tableCsv = (t: OpenTable) => [...tableCsvText(t)].join('');
const tableJson = (t: OpenTable) => [...tableJsonText(t)].join('');

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

test('a table made a thousand rows at a time is, byte for byte, what one papaparse call and one JSON.stringify give', () => {
  const cells = ['普通文字', 'a,b', '引号"在内', '第一行\r\n第二行', '=1+1', ' 前后空格 ', '', '\\反斜杠', 'x\ny'];
  const columns: OpenTable['columns'] = ['文本', '列表', '数字', '空'].map((header, i) => ({ field: `f${i}`, header, type: 'string', required: false }));
  const rows: OpenTable['rows'] = Array.from({ length: 2501 }, (_, i) => [cells[i % cells.length]!, i % 3 ? [cells[(i + 1) % cells.length]!, '乙'] : null, i % 5 ? i : null, null]);
  for (const n of [0, 1, 999, 1000, 1001, 2501]) {
    const t: OpenTable = { kind: 'honors', title: '表彰奖励', columns, rows: rows.slice(0, n) };
    const data = t.rows.map((row) => row.map((v) => (v === null ? '' : Array.isArray(v) ? v.join('；') : String(v))));
    const whole = '\uFEFF' + Papa.unparse({ fields: columns.map((c) => c.header), data }, { newline: '\r\n', escapeFormulae: true }) + '\r\n';
    assert.equal(tableCsv(t), n ? whole : '\uFEFF文本,列表,数字,空\r\n', `CSV of ${n} rows`);
    const objects = t.rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.header, row[i]])));
    assert.equal(tableJson(t), JSON.stringify(objects, null, 1) + '\n', `JSON of ${n} rows`);
  }
});
