/**
 * The build over hostile exports: an unusable one stops it with the reasons and no crash
 * trace (and the report written); a usable one full of bad rows publishes only what is
 * valid — no page for a rejected subject or for a record that names one.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, FIXTURE_AS_OF, ROOT, type BuiltSite } from './support/build.ts';
import { buildCommand } from '../../src/lib/release/build-command.ts';
import { existsPath, htmlFiles, read } from './support/site.ts';
import { tempDir } from '../unit/support/temp-dir.ts';

const temp = tempDir('portal-stops-');
let hostile: BuiltSite;
before(async () => {
  hostile = await buildSite(join(ROOT, 'test/fixtures/exports/hostile-rows'));
});

describe('an unusable export stops the build cleanly', () => {
  for (const [name, reason] of [
    ['unterminated-quote', 'commitments.csv:3: 第 3 行的引号没有闭合'],
    ['folder-as-csv', 'penalties.csv: 这是一个文件夹，不是 CSV 文件'],
  ] as const) {
    test(`${name}: non-zero exit, the reason printed, no stack frames, the report written`, () => {
      const reportPath = join(temp, `${name}.json`);
      const [command, ...args] = buildCommand(ROOT);
      const run = spawnSync(command!, args, {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PORTAL_EXPORT: join(ROOT, 'test/fixtures/exports', name), PORTAL_AS_OF: FIXTURE_AS_OF, PORTAL_OUT_DIR: join(temp, name), PORTAL_REPORT: reportPath },
      });
      const output = run.stdout + run.stderr;
      assert.notEqual(run.status, 0);
      assert.ok(output.includes('导出不可用，构建已停止'), output);
      assert.ok(output.includes(reason), output);
      assert.doesNotMatch(output, /^\s+at /m, 'no stack frames');
      // Nor a stack's heading, nor what the build had read while rendering: only the reason.
      assert.doesNotMatch(output, /Stack trace|渲染期间写出/);
      assert.equal(JSON.parse(readFileSync(reportPath, 'utf8')).usable, false);
    });
  }
});

describe('a usable export of hostile rows publishes only what is valid', () => {
  test('valid records and subjects have pages', () => {
    for (const path of ['/commitments/HC-01/', '/commitments/HC-05/', '/subjects/11370900MB2851010G/', '/subjects/11370902MB2850002B/', '/cases/ok-case/']) assert.ok(existsPath(hostile.outDir, path), path);
  });
  test('no page for a rejected subject, a record naming one, or a rejected case', () => {
    for (const path of ['/subjects/11370900MB2851020H/', '/subjects/11370900MB2851030J/', '/subjects/11370900MB2851040K/', '/commitments/HC-02/', '/commitments/HC-03/', '/commitments/HC-04/', '/cases/rejected-subject-case/', '/cases/self-redirect/']) {
      assert.ok(!existsPath(hostile.outDir, path), path);
    }
  });
  test('no built page carries an invisible character from the export', () => {
    for (const file of htmlFiles(hostile.outDir)) assert.doesNotMatch(read(file), /[\u0000\u0007\u202A-\u202E\u2066-\u2069]/, file);
  });
});
