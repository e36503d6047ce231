import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnusableExport } from '../../../src/lib/export/errors.ts';
import { ingestExport } from '../../../src/lib/pipeline/ingest.ts';
import { assertEveryRowAccounted, fixture, ingestFixture, unusableExport, unusableFixture } from '../support/exports.ts';
import { tempDir } from '../support/temp-dir.ts';

const where = (e: { problems: { file: string; line?: number; field?: string }[] }) => e.problems.map((p) => [p.file, p.line, p.field]);

describe('§7 an unusable export stops the build', () => {
  test('invalid UTF-8 bytes: the file and line are named', async () => {
    const e = await unusableFixture('undecodable');
    assert.deepEqual(where(e), [['commitments.csv', 6, undefined]]);
    assert.match(e.message, /^commitments\.csv:6: 无法按 utf-8 解码：第 6 行/);
  });
  test('a missing required column: the file and column are named', async () => {
    const e = await unusableFixture('missing-column');
    assert.deepEqual(where(e), [['penalties.csv', 1, '处罚决定日期']]);
    assert.match(e.message, /缺少必需的列：处罚决定日期/);
  });
  test('a truncated file: the row count (and sha256) differ from the manifest', async () => {
    const e = await unusableFixture('truncated');
    assert.ok(e.problems.every((p) => p.file === 'commitments.csv'));
    assert.match(e.message, /数据行数与 manifest\.json 不符：清单为 6 行，文件实有 4 行/);
  });
  test('a wrong sha256: the file and both digests are named', async () => {
    const e = await unusableFixture('wrong-sha256');
    assert.deepEqual(where(e), [['subjects.csv', undefined, undefined]]);
    assert.match(e.message, /sha256 与 manifest\.json 不符：清单为 0123456789abcdef.*文件实为 [0-9a-f]{64}/);
  });
  test('a CSV listed in the manifest but absent', async () => {
    const e = await unusableFixture('listed-absent');
    assert.deepEqual(e.problems, [{ file: 'penalties.csv', message: 'manifest.json 列出了此文件，但导出目录中没有' }]);
  });
  test('a CSV present but not listed in the manifest', async () => {
    const e = await unusableFixture('unlisted');
    assert.deepEqual(e.problems, [{ file: 'honors.csv', message: '导出目录中有此文件，但 manifest.json 没有列出' }]);
  });
  test('schema_version 2', async () => {
    const e = await unusableFixture('schema-version-2');
    assert.deepEqual(where(e), [['manifest.json', undefined, 'schema_version']]);
  });
  test('a missing required file (commitments.csv)', async () => {
    const e = await unusableFixture('missing-required-file');
    assert.deepEqual(e.problems, [{ file: 'commitments.csv', message: '缺少必需的文件' }]);
  });
  test('a quote that never closes: the file and the line the quote opened on', async () => {
    const e = await unusableFixture('unterminated-quote');
    assert.deepEqual(e.problems, [{ file: 'commitments.csv', line: 3, message: '第 3 行的引号没有闭合，此后的内容都无法按行读取（字段内的引号应写作 ""）' }]);
  });
  test('a file cut short inside a quoted cell: the digest names the cut transfer before the quote that never closes', async () => {
    const dir = join(tempDir('portal-cut-quote-'), 'export');
    cpSync(fixture('good'), dir, { recursive: true });
    const path = join(dir, 'commitments.csv');
    const text = readFileSync(path, 'utf8');
    // Cut a few characters into the first letter's 承诺内容, which opens its quote on line 2.
    writeFileSync(path, text.slice(0, text.indexOf('"一、') + 4));
    const e = await unusableExport(dir);
    assert.deepEqual(where(e), [['commitments.csv', undefined, undefined], ['commitments.csv', 2, undefined]]);
    assert.match(e.problems[0]!.message, /^sha256 与 manifest\.json 不符/);
    assert.match(e.problems[1]!.message, /^第 2 行的引号没有闭合/);
  });
  test('an export folder that is not there, is a file, or has no manifest: each is said as it is', async () => {
    const dir = tempDir('portal-no-export-');
    writeFileSync(join(dir, 'a-file'), '');
    for (const [exportDir, message] of [
      [join(dir, 'missing'), `导出目录不存在：${join(dir, 'missing')}`],
      [join(dir, 'a-file'), `不是文件夹（导出应为一个文件夹）：${join(dir, 'a-file')}`],
      [dir, `导出目录中没有 manifest.json：${dir}`],
    ]) {
      assert.deepEqual((await unusableExport(exportDir)).problems, [{ file: 'manifest.json', message }]);
    }
  });
  test('a header naming a column twice: the file and the column', async () => {
    const e = await unusableFixture('duplicate-header');
    assert.deepEqual(e.problems, [{ file: 'subjects.csv', line: 1, field: '主体名称', message: '列名重复：无法确定哪一列是该字段' }]);
  });
  test('a folder named like a contract file', async () => {
    const e = await unusableFixture('folder-as-csv');
    assert.deepEqual(e.problems, [{ file: 'penalties.csv', message: '这是一个文件夹，不是 CSV 文件' }]);
  });
  test('a manifest that is not a JSON object, or whose fields are of the wrong kind', async () => {
    assert.deepEqual((await unusableFixture('manifest-null')).problems, [{ file: 'manifest.json', message: 'manifest.json 应为一个 JSON 对象（见导出格式 §2）' }]);
    assert.deepEqual(where(await unusableFixture('manifest-garbage')), [['manifest.json', undefined, 'platform'], ['manifest.json', undefined, 'exported_at'], ['manifest.json', undefined, 'files']]);
  });
  test('a missing manifest', async () => {
    const e = await unusableFixture('does-not-exist');
    assert.equal(e.problems[0]?.file, 'manifest.json');
  });
});

describe('§3 unknown columns', () => {
  test('an unknown column is a warning and the rows load', async () => {
    const { report } = await ingestFixture('unknown-column');
    assertEveryRowAccounted(report);
    assert.equal(report.usable, true);
    assert.deepEqual(report.problems.map((p) => [p.file, p.line, p.field, p.severity]), [
      ['subjects.csv', 1, '备用字段', 'warning'],
      ['commitments.csv', 1, '证件号码', 'warning'],
    ]);
    assert.equal(report.files['commitments.csv']?.published, 2);
  });
  test('a 证件号码 column is ignored: its values appear nowhere in the report or the records', async () => {
    const result = await ingestFixture('unknown-column');
    const text = readFileSync(join(fixture('unknown-column'), 'commitments.csv'), 'utf8');
    for (const n of ['370902199001011235', '11010519491231002X']) {
      assert.ok(text.includes(n), 'the fixture holds the number');
      const all = JSON.stringify({ report: result.report, commitments: result.commitments });
      assert.ok(!all.includes(n) && !all.includes(n.slice(0, 14)), n);
    }
    assert.match(result.report.problems[1]!.message, /个人证件号码列/);
  });
});

describe('§3 an empty CSV file', () => {
  test('a contract file without even a header row stops the build, naming its required columns', async () => {
    const dir = tempDir('empty-csv-');
    cpSync(fixture('good'), dir, { recursive: true });
    writeFileSync(join(dir, 'honors.csv'), '\r\n\r\n');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.files['honors.csv'] = { rows: 0, sha256: createHash('sha256').update('\r\n\r\n').digest('hex'), encoding: 'utf-8' };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await assert.rejects(ingestExport({ exportDir: dir, asOf: '2026-11-28', regions: ['市直'], siteUrl: 'https://credit.example.gov.cn' }), (e: unknown) => {
      assert.ok(e instanceof UnusableExport);
      assert.deepEqual(e.problems.map((p) => [p.file, p.line]), [['honors.csv', 1]]);
      assert.match(e.message, /文件为空，缺少表头和必需的列：信息编号、统一社会信用代码/);
      return true;
    });
  });
});
