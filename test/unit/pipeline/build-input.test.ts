/** The build's side of the pipeline: what the content loader gets when an export cannot be published. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildStopped, buildAsOf, ingestForBuildOnce } from '../../../src/lib/pipeline/build-input.ts';
import { fixture } from '../support/exports.ts';
import { tempDir } from '../support/temp-dir.ts';

const out = tempDir('build-input-');
let n = 0;

async function build(name: string) {
  const reportPath = join(out, `report-${n++}.json`);
  try {
    const result = await ingestForBuildOnce(fixture(name), reportPath);
    return { result, report: JSON.parse(readFileSync(reportPath, 'utf8')) };
  } catch (error) {
    return { error, report: JSON.parse(readFileSync(reportPath, 'utf8')) };
  }
}

describe('the build stops cleanly on an unusable export', () => {
  for (const [name, reason] of [
    ['unterminated-quote', 'commitments.csv:3: 第 3 行的引号没有闭合'],
    ['duplicate-header', 'subjects.csv:1 主体名称: 列名重复'],
    ['folder-as-csv', 'penalties.csv: 这是一个文件夹，不是 CSV 文件'],
    ['manifest-null', 'manifest.json: manifest.json 应为一个 JSON 对象'],
    ['truncated', 'commitments.csv: 数据行数与 manifest.json 不符'],
  ] as const) {
    test(`${name}: a BuildStopped error naming the problem, no stack trace, and the report written`, async () => {
      process.env.PORTAL_AS_OF = '2026-11-28';
      const { error, report } = await build(name);
      assert.ok(error instanceof BuildStopped, String(error));
      assert.ok(error.message.includes(reason), error.message);
      assert.doesNotMatch(error.stack ?? '', /\n\s+at /);
      assert.equal(report.usable, false);
      assert.equal(report.as_of, '2026-11-28');
    });
  }
  test('a usable export of hostile rows builds, with its report', async () => {
    process.env.PORTAL_AS_OF = '2026-11-28';
    const { result, report } = await build('hostile-rows');
    assert.deepEqual(result?.commitments.map((c) => c.id), ['HC-01', 'HC-05', 'HC-19']);
    assert.equal(report.usable, true);
  });
  test('PORTAL_AS_OF takes YYYY-MM-DD only, as --as-of does', () => {
    process.env.PORTAL_AS_OF = '20261128';
    assert.throws(buildAsOf, (e: unknown) => e instanceof BuildStopped && e.message === 'PORTAL_AS_OF 不是 YYYY-MM-DD 格式的有效日期：20261128');
    process.env.PORTAL_AS_OF = '2026-11-28';
    assert.equal(buildAsOf(), '2026-11-28');
  });
});
