import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function exportWith(files: Record<string, string>) {
  const dir = tempDir('manifest-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const manifest = (...args: string[]) => spawnSync(process.execPath, ['scripts/export-manifest.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run export:manifest', () => {
  test('counts data rows with the build\'s reader: a quoted line break is one row', () => {
    const dir = exportWith({ 'subjects.csv': '统一社会信用代码,主体名称\nA1,"甲\n乙"\nA2,丙\n' });
    const r = manifest(dir, '--exported-at', '2026-11-27T23:10:00+08:00');
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    assert.equal(m.files['subjects.csv'].rows, 2);
  });
  test('a quote that never closes: exit 2 naming file and line, and no manifest is written', () => {
    const dir = exportWith({ 'subjects.csv': '统一社会信用代码,主体名称\nA1,"甲\nA2,乙\nA3,丙\n' });
    const r = manifest(dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^subjects\.csv:2: 第 2 行的引号没有闭合/m);
    assert.ok(!existsSync(join(dir, 'manifest.json')));
  });
  test('an unknown flag exits 2 with the usage and writes nothing', () => {
    const dir = exportWith({ 'subjects.csv': '统一社会信用代码,主体名称\nA1,甲\n' });
    const r = manifest(dir, '--smaple');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /用法：npm run export:manifest/);
    assert.ok(!existsSync(join(dir, 'manifest.json')));
  });
});
