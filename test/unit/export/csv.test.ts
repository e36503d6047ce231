import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecodeError, readCsv, UnterminatedQuote, type CsvRow, type Encoding } from '../../../src/lib/export/csv.ts';
import { encodeGb18030, KNOWN_GB18030 } from '../support/gb18030.ts';
import { tempDir } from '../support/temp-dir.ts';

const dir = tempDir('csv-');
let n = 0;

async function read(content: string | Buffer, encoding: Encoding = 'utf-8', chunkBytes?: number) {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, content);
  let headers: string[] = [];
  const rows: CsvRow[] = [];
  const { sha256, rows: count } = await readCsv(path, encoding, (h) => (headers = h), (r) => rows.push(r), chunkBytes);
  return { headers, rows, sha256, count };
}

describe('§3 CSV reading', () => {
  test('rows are keyed by header, each with the physical line it starts on (header is line 1)', async () => {
    const { headers, rows } = await read('编号,名称\nA1,甲\nA2,乙\n');
    assert.deepEqual(headers, ['编号', '名称']);
    assert.deepEqual(rows, [{ line: 2, cells: { 编号: 'A1', 名称: '甲' }, overflow: 0, quoting: [] }, { line: 3, cells: { 编号: 'A2', 名称: '乙' }, overflow: 0, quoting: [] }]);
  });
  test('the row count excludes the header', async () => {
    assert.equal((await read('编号,名称\nA1,甲\nA2,乙\n')).count, 2);
  });
  test('the sha256 is over the raw bytes, not the decoded text (a GB18030 file, digest by sha256sum)', async () => {
    const bytes = Buffer.from('b1e0bac52cc3fbb3c60a41312ccca9b0b2cad00a', 'hex'); // 编号,名称⏎A1,泰安市⏎ in GB18030
    const r = await read(bytes, 'gb18030');
    assert.equal(r.rows[0]!.cells['名称'], '泰安市');
    assert.equal(r.sha256, '73dde1cd390c593bc51e22d5a578d2b80b52b803de4c07f8aca5dd9a61f1dd9c');
    // The digest of the same text as UTF-8, which a reader hashing decoded text would give.
    assert.notEqual(r.sha256, '937d449432a449b2e2c2210fced0f905b2ffbb131d3469a816790a1f6e347cb0');
  });
  test('a UTF-8 BOM is allowed and does not stick to the first header', async () => {
    const r = await read('\uFEFF编号,名称\nA1,甲\n');
    assert.deepEqual(r.headers, ['编号', '名称']);
    assert.equal(r.rows[0]!.cells['编号'], 'A1');
  });
  test('CRLF line ends are read like LF, with the same line numbers', async () => {
    const r = await read('编号,名称\r\nA1,甲\r\nA2,乙\r\n');
    assert.deepEqual(r.rows.map((x) => [x.line, x.cells['名称']]), [[2, '甲'], [3, '乙']]);
  });
  test('LF and CRLF line ends may be mixed in one file, even a CRLF header over LF rows', async () => {
    // The CRLF header used to set the line end for the whole file: the LF rows became one row.
    const r = await read('编号,名称\r\nA1,甲\nA2,乙\nA3,丙\n');
    assert.deepEqual(r.rows.map((x) => [x.line, x.cells['编号'], x.cells['名称'], x.overflow]), [[2, 'A1', '甲', 0], [3, 'A2', '乙', 0], [4, 'A3', '丙', 0]]);
    const mixed = await read('编号,名称\nA1,甲\r\nA2,乙\nA3,"丙\r\n丁"\nA4,戊');
    assert.deepEqual(mixed.rows.map((x) => [x.line, x.cells['编号']]), [[2, 'A1'], [3, 'A2'], [4, 'A3'], [6, 'A4']]);
    // A line break inside a quoted cell is the cell's text, kept as written.
    assert.equal(mixed.rows[2]!.cells['名称'], '丙\r\n丁');
    // A quoted last cell before a CRLF, and one before an LF.
    const quoted = await read('编号,名称\r\nA1,"甲,乙"\r\nA2,"丙"\nA3,丁\r\n');
    assert.deepEqual(quoted.rows.map((x) => [x.line, x.cells['编号'], x.cells['名称'], x.quoting.length]), [[2, 'A1', '甲,乙', 0], [3, 'A2', '丙', 0], [4, 'A3', '丁', 0]]);
    // A file of lone CRs (an old Mac export) is still read row by row.
    const cr = await read('编号,名称\rA1,"甲""乙"\rA2,"丙\r丁"\rA3,戊\r');
    assert.deepEqual(cr.rows.map((x) => [x.line, x.cells['编号'], x.cells['名称']]), [[2, 'A1', '甲"乙'], [3, 'A2', '丙\r丁'], [5, 'A3', '戊']]);
  });
  test('a CRLF split between two reads is one line end', async () => {
    // Four-byte reads cut every CRLF of this file in two: 'a,b\r' | '\nA1,' | 'x\r\nA' …
    const path = join(dir, `f${n++}.csv`);
    writeFileSync(path, 'a,b\r\nA1,x\r\nA2,y\r\n');
    const rows: CsvRow[] = [];
    const { rows: count } = await readCsv(path, 'utf-8', () => {}, (r) => rows.push(r), 4);
    assert.equal(count, 2);
    assert.deepEqual(rows.map((x) => [x.line, x.cells['a'], x.cells['b']]), [[2, 'A1', 'x'], [3, 'A2', 'y']]);
  });
  test('trailing blank lines (and rows of empty cells) are skipped and not counted', async () => {
    const r = await read('编号,名称\nA1,甲\n\n\n,\n  ,  \n');
    assert.equal(r.count, 1);
    assert.equal(r.rows.length, 1);
  });
  test('a blank line in the middle is skipped but still counts as a physical line', async () => {
    const r = await read('编号,名称\nA1,甲\n\nA2,乙\n');
    assert.deepEqual(r.rows.map((x) => x.line), [2, 4]);
  });
  test('surrounding spaces are trimmed and an empty cell is "no value"', async () => {
    const r = await read('编号 , 名称,备注\n  A1 ,  甲  ,   \n');
    assert.deepEqual(r.headers, ['编号', '名称', '备注']);
    assert.deepEqual(r.rows[0]!.cells, { 编号: 'A1', 名称: '甲', 备注: undefined });
  });
  test('quoted cells may hold commas and "" escaped quotes', async () => {
    const r = await read('编号,内容\nA1,"一，二,三"\nA2,"他说""守信""。"\n');
    assert.equal(r.rows[0]!.cells['内容'], '一，二,三');
    assert.equal(r.rows[1]!.cells['内容'], '他说"守信"。');
  });
  test('a row after a multi-line cell starts on its true physical line', async () => {
    const r = await read('编号,内容\nA1,"第一行\n第二行\n第三行"\nA2,乙\nA3,"x\r\ny"\nA4,丁\n');
    assert.deepEqual(r.rows.map((x) => [x.cells['编号'], x.line]), [['A1', 2], ['A2', 5], ['A3', 6], ['A4', 8]]);
    assert.equal(r.rows[0]!.cells['内容'], '第一行\n第二行\n第三行');
  });
  test('multi-line cells in a CRLF file keep true line numbers', async () => {
    const r = await read('编号,内容\r\nA1,"一\r\n二"\r\nA2,乙\r\n');
    assert.deepEqual(r.rows.map((x) => x.line), [2, 4]);
  });
  test('a semicolon-rich file is still split on commas only', async () => {
    const r = await read('编号;类别,内容\nA1;x,警告;罚款\nA2;y,警告;罚款\n');
    assert.deepEqual(r.headers, ['编号;类别', '内容']);
    assert.equal(r.rows[0]!.cells['内容'], '警告;罚款');
  });
  test('cells beyond the header (an unquoted comma) are counted as overflow; a trailing empty cell is not', async () => {
    const r = await read('编号,名称\nA1,甲,乙\nA2,丙,\n');
    assert.deepEqual(r.rows.map((x) => x.overflow), [1, 0]);
  });
  test('a GB18030 BOM on the header is stripped', async () => {
    const r = await read(Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), encodeGb18030('编号,名称\nA1,甲\n')]), 'gb18030');
    assert.deepEqual(r.headers, ['编号', '名称']);
  });
  test('a missing trailing newline loses no row', async () => {
    const r = await read('编号,名称\nA1,甲\nA2,乙');
    assert.equal(r.rows.length, 2);
  });
  test('a file larger than one read chunk keeps line numbers across chunks', async () => {
    const long = 'x'.repeat(1000);
    const lines = ['编号,内容'];
    for (let i = 0; i < 3000; i++) lines.push(i % 100 === 0 ? `R${i},"${long}\n${long}"` : `R${i},${long}`);
    const r = await read(lines.join('\r\n') + '\r\n');
    assert.equal(r.rows.length, 3000);
    const last = r.rows.at(-1)!;
    assert.equal(last.cells['编号'], 'R2999');
    assert.equal(last.line, 3001 + 30);
  });
});

describe('§3 quoting errors are not dropped', () => {
  test('a quote that never closes makes the file unreadable, naming the line it opened on', async () => {
    await assert.rejects(read('编号,名称\nA1,"甲\nA2,乙\nA3,丙\n'), (e: unknown) => {
      assert.ok(e instanceof UnterminatedQuote);
      assert.equal(e.line, 2);
      assert.equal(e.message, '第 2 行的引号没有闭合，此后的内容都无法按行读取（字段内的引号应写作 ""）');
      return true;
    });
  });
  test('the line of an unclosed quote counts the multi-line cells before it', async () => {
    await assert.rejects(read('编号,名称,备注\nA1,"一\n二",ok\nA2,"三\n四","没有闭合\nA3,丙,\n'), (e: unknown) => e instanceof UnterminatedQuote && e.line === 5);
  });
  test('an unclosed quote after the first read chunk names its true line', async () => {
    const lines = ['编号,内容'];
    for (let i = 0; i < 1500; i++) lines.push(`R${i},${'y'.repeat(1000)}`);
    await assert.rejects(read(lines.join('\n') + '\nBAD,"未闭合\nR9,z\n'), (e: unknown) => e instanceof UnterminatedQuote && e.line === 1502);
  });
  test('a malformed closing quote is a problem of its row only; the rows around it are clean', async () => {
    const r = await read('编号,名称\nA1,甲\nA2,"乙"丙",x\nA3,丁\n');
    assert.deepEqual(r.rows.map((x) => [x.line, x.cells['编号'], x.quoting.length]), [[2, 'A1', 0], [3, 'A2', 1], [4, 'A3', 0]]);
    assert.equal(r.rows[1]!.quoting[0], '引号用法有误：加引号的字段在闭合引号后还有其他字符（字段内的引号应写作 ""）');
  });
});

describe('§3 text after a closing quote, with no quote after it in the file', () => {
  // papaparse takes such a quote as text and looks for the next one: none, so the field would
  // swallow the rest of the file. The row is a problem of its own; every other row is read.
  const UNSPLIT = '引号用法有误：加引号的字段在闭合引号后还有其他字符，本行无法按字段读取（字段内的引号应写作 ""），其余各行照常读取';
  const rowsOf = (r: Awaited<ReturnType<typeof read>>) => r.rows.map((x) => [x.line, x.cells['编号'] ?? null, x.quoting]);
  test('the row is rejected whole and the rows after it are read', async () => {
    const r = await read('编号,名称\nA1,甲\nA2,"乙"丙\nA3,丁\nA4,戊\n');
    assert.deepEqual(rowsOf(r), [[2, 'A1', []], [3, null, [UNSPLIT]], [4, 'A3', []], [5, 'A4', []]]);
    assert.equal(r.count, 4);
  });
  test('two such rows: each alone, in line order, the rows between them read', async () => {
    const r = await read('编号,名称\nA1,"甲"x\nA2,乙\nA3,"丙"y\nA4,丁\n');
    assert.deepEqual(rowsOf(r), [[2, null, [UNSPLIT]], [3, 'A2', []], [4, null, [UNSPLIT]], [5, 'A4', []]]);
    assert.equal(r.count, 4);
  });
  test('a row over two lines is left out whole', async () => {
    const r = await read('编号,名称\n"A\n1","甲"x\nA2,乙\n');
    assert.deepEqual(rowsOf(r), [[2, null, [UNSPLIT]], [4, 'A2', []]]);
  });
  test('CRLF rows: the same rows whichever read splits a CRLF in two', async () => {
    const text = '编号,名称\r\nA1,x\r\nA2,"y"z\r\nA3,w\r\n';
    for (let bytes = 1; bytes <= Buffer.byteLength(text); bytes++) {
      assert.deepEqual(rowsOf(await read(text, 'utf-8', bytes)), [[2, 'A1', []], [3, null, [UNSPLIT]], [4, 'A3', []]], `${bytes} bytes a read`);
    }
  });
  test('a quote that never closes is still fatal, and so are too many such rows', async () => {
    await assert.rejects(read('编号,名称\nA1,"甲\nA2,乙\n'), (e: unknown) => e instanceof UnterminatedQuote && e.line === 2);
    const many = ['编号,名称', ...Array.from({ length: 21 }, (_, i) => `A${i},"甲"x`)].join('\n') + '\n';
    await assert.rejects(read(many), /第 22 行：已有 20 行加引号的字段在闭合引号后还有其他字符/);
  });
});

describe('§2 encodings', () => {
  test('the test encoder agrees with hand-written GB18030 bytes', () => {
    for (const [ch, bytes] of Object.entries(KNOWN_GB18030)) assert.deepEqual([...encodeGb18030(ch)], bytes, ch);
  });
  test('a GB18030 file declared gb18030 is decoded', async () => {
    const r = await read(encodeGb18030('编号,名称\nA1,泰安市中文\n'), 'gb18030');
    assert.deepEqual(r.headers, ['编号', '名称']);
    assert.equal(r.rows[0]!.cells['名称'], '泰安市中文');
  });
  test('a GB18030 file read as UTF-8 is undecodable, naming the line', async () => {
    await assert.rejects(read(Buffer.concat([Buffer.from('编号,名称\nA1,ok\n'), encodeGb18030('A2,泰安\n')])), (e: unknown) => {
      assert.ok(e instanceof DecodeError);
      assert.equal(e.line, 3);
      assert.match(e.message, /无法按 utf-8 解码：第 3 行/);
      return true;
    });
  });
  test('an invalid UTF-8 byte is an error naming the line and byte offset', async () => {
    const bytes = Buffer.concat([Buffer.from('编号,名称\nA1,甲\nA2,'), Buffer.from([0xff]), Buffer.from('\n')]);
    await assert.rejects(read(bytes), (e: unknown) => e instanceof DecodeError && e.line === 3 && e.message.includes(`字节偏移 ${bytes.indexOf(0xff)}`));
  });
  test('a file that ends inside a UTF-8 character is undecodable', async () => {
    const bytes = Buffer.concat([Buffer.from('编号,名称\nA1,'), Buffer.from('甲').subarray(0, 2)]);
    await assert.rejects(read(bytes), (e: unknown) => e instanceof DecodeError && e.line === 2);
  });
  test('an undecodable byte after the first chunk names its true line', async () => {
    const lines = ['编号,内容'];
    for (let i = 0; i < 1500; i++) lines.push(`R${i},${'y'.repeat(1000)}`);
    const bytes = Buffer.concat([Buffer.from(lines.join('\n') + '\nBAD,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    await assert.rejects(read(bytes), (e: unknown) => e instanceof DecodeError && e.line === 1502);
  });
  test('a GB18030 character split across the 1 MiB read boundary is decoded whole', async () => {
    const chunk = 1 << 20;
    const head = Buffer.from('id,text\nR1,');
    const pad = Buffer.alloc(chunk - head.length - 1, 0x61); // 'a' up to one byte before the boundary
    const bytes = Buffer.concat([head, pad, encodeGb18030('泰安\nR2,中文\n')]);
    assert.deepEqual([...bytes.subarray(chunk - 1, chunk + 1)], KNOWN_GB18030['泰']); // 泰's two bytes straddle the boundary
    const r = await read(bytes, 'gb18030');
    assert.equal(r.rows[0]!.cells['text'], 'a'.repeat(pad.length) + '泰安');
    assert.deepEqual(r.rows.map((x) => [x.line, x.cells['text']?.slice(-2)]), [[2, '泰安'], [3, '中文']]);
  });
  test('a CRLF split between two read chunks counts as one line break', async () => {
    const chunk = 1 << 20;
    const header = 'id,text\r\n';
    // One long row whose CR is the last byte of the first chunk and whose LF opens the second.
    const first = 'R1,' + 'y'.repeat(chunk - header.length - 'R1,'.length - 1) + '\r\n';
    assert.equal(Buffer.byteLength(header + first), chunk + 1);
    const bytes = Buffer.concat([Buffer.from(header + first + 'R2,ok\r\nR3,'), Buffer.from([0xff]), Buffer.from('\r\n')]);
    await assert.rejects(read(bytes), (e: unknown) => {
      assert.ok(e instanceof DecodeError);
      assert.equal(e.line, 4);
      return true;
    });
  });
});
