import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../../src/lib/export/manifest.ts';
import { UnusableExport } from '../../../src/lib/export/errors.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = tempDir('manifest-');
let n = 0;
const good = {
  schema_version: 1,
  platform: '泰安市公共信用信息平台',
  exported_at: '2026-11-27T23:10:00+08:00',
  files: { 'subjects.csv': { rows: 5, sha256: 'a'.repeat(64), encoding: 'utf-8' } },
};
function exportWith(manifest: string | undefined) {
  const dir = join(root, `e${n++}`);
  mkdirSync(dir);
  if (manifest !== undefined) writeFileSync(join(dir, 'manifest.json'), manifest);
  return dir;
}
async function unusable(manifest: string | undefined) {
  try {
    await readManifest(exportWith(manifest));
  } catch (e) {
    assert.ok(e instanceof UnusableExport);
    return e;
  }
  assert.fail('expected the export to be unusable');
}

describe('§2 manifest.json', () => {
  test('a valid manifest is read', async () => {
    const m = await readManifest(exportWith(JSON.stringify(good)));
    assert.equal(m.files['subjects.csv']?.rows, 5);
  });
  test('a manifest with a BOM is read', async () => {
    const m = await readManifest(exportWith('\uFEFF' + JSON.stringify(good)));
    assert.equal(m.platform, '泰安市公共信用信息平台');
  });
  test('a missing manifest makes the export unusable', async () => {
    const e = await unusable(undefined);
    assert.match(e.message, /^manifest\.json: 导出目录中没有 manifest\.json/);
  });
  test('a manifest that is JSON but not an object makes the export unusable', async () => {
    for (const text of ['null', '[]', '"manifest"']) assert.equal((await unusable(text)).message, 'manifest.json: manifest.json 应为一个 JSON 对象（见导出格式 §2）', text);
  });
  test('a platform name with a personal number is refused, the number masked: it is shown on every page and in every report', async () => {
    const e = await unusable(JSON.stringify({ ...good, platform: '泰安市公共信用信息平台（值班13812345678）' }));
    assert.deepEqual(e.problems, [{ file: 'manifest.json', field: 'platform', message: '含有手机号码（1381***5678），不得公示' }]);
  });
  test('a platform name with an invisible character is refused: it is shown on every page', async () => {
    const e = await unusable(JSON.stringify({ ...good, platform: '泰安市\u202e台平息信用信共公' }));
    assert.deepEqual(e.problems, [{ file: 'manifest.json', field: 'platform', message: '含有不可见字符 U+202E（从右至左覆盖），页面上看不见或会改变文字的显示，不得公示' }]);
  });
  test('a manifest.json that is a folder makes the export unusable, saying why', async () => {
    const dir = exportWith(undefined);
    mkdirSync(join(dir, 'manifest.json'));
    await assert.rejects(readManifest(dir), (e: unknown) => e instanceof UnusableExport && /无法读取 manifest\.json（EISDIR）/.test(e.message));
  });
  test('a manifest that is not JSON makes the export unusable', async () => {
    assert.match((await unusable('{ not json')).message, /不是有效的 JSON/);
  });
  test('schema_version 2 stops the build with a clear message', async () => {
    const e = await unusable(JSON.stringify({ ...good, schema_version: 2 }));
    assert.deepEqual(e.problems, [{ file: 'manifest.json', field: 'schema_version', message: '不支持的导出格式版本：2（本门户只支持版本 1）' }]);
  });
  test('a missing or textual schema_version is not version 1', async () => {
    const { schema_version: _, ...rest } = good;
    assert.equal((await unusable(JSON.stringify(rest))).problems[0]?.message, '不支持的导出格式版本：缺少 schema_version（本门户只支持版本 1）');
    // A string that reads as 1 in a message is said to be a string.
    assert.equal((await unusable(JSON.stringify({ ...good, schema_version: '1' }))).problems[0]?.message, '不支持的导出格式版本："1"（应为数字，不是字符串）（本门户只支持版本 1）');
    assert.equal((await unusable(JSON.stringify({ ...good, schema_version: [1] }))).problems[0]?.message, '不支持的导出格式版本：[1]（应为数字，不是其他类型）（本门户只支持版本 1）');
  });
  test('an encoding other than utf-8 or gb18030 is refused', async () => {
    const e = await unusable(JSON.stringify({ ...good, files: { 'subjects.csv': { ...good.files['subjects.csv'], encoding: 'latin1' } } }));
    assert.equal(e.problems[0]?.field, 'files.subjects.csv.encoding');
  });
  test('a malformed sha256, negative rows and a timestamp without offset are each reported', async () => {
    const e = await unusable(JSON.stringify({ ...good, exported_at: '2026-11-27 23:10', files: { 'subjects.csv': { rows: -1, sha256: 'xyz', encoding: 'utf-8' } } }));
    assert.deepEqual(e.problems.map((p) => p.field).sort(), ['exported_at', 'files.subjects.csv.rows', 'files.subjects.csv.sha256']);
  });
});

describe('a manifest that is a link', () => {
  test('is refused, as a linked CSV or case file is: it could lead outside the export', async () => {
    const elsewhere = exportWith(JSON.stringify(good));
    const dir = exportWith(undefined);
    symlinkSync(join(elsewhere, 'manifest.json'), join(dir, 'manifest.json'));
    await assert.rejects(readManifest(dir), (e: unknown) => e instanceof UnusableExport && e.message.includes('manifest.json 是符号链接，导出中的文件必须是普通文件'));
    // The file it points to is a good manifest.
    assert.equal((await readManifest(elsewhere)).schema_version, 1);
  });
});
