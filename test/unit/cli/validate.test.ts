import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from '../support/exports.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const out = tempDir('validate-');
let n = 0;

/** npm run validate, as the operator runs it (without npm, to keep the output clean). */
/** validate of a fixture export as of 2026-11-28, unless `extra` gives its own --as-of (a flag may be given once). */
function validate(name: string, ...extra: string[]) {
  return run([], ['--export', fixture(name), ...(extra.includes('--as-of') ? [] : ['--as-of', '2026-11-28']), ...extra]);
}

function run(nodeOptions: string[], args: string[], env: Record<string, string> = {}, reportPath = join(out, `report-${n++}.json`)) {
  const run = spawnSync(process.execPath, [...nodeOptions, 'scripts/validate.ts', '--report', reportPath, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  let report: any;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch {
    report = undefined;
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, report };
}

function assertReportShape(report: any) {
  assert.deepEqual(Object.keys(report).sort(), ['as_of', 'export', 'files', 'problems', 'usable']);
  assert.match(report.as_of, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(Object.keys(report.export).filter((k) => k !== 'sample').sort(), ['exported_at', 'platform', 'schema_version']);
  for (const [file, t] of Object.entries<any>(report.files)) {
    assert.deepEqual(Object.keys(t).sort(), ['published', 'rejected', 'rows', 'withheld', 'withheld_reasons'], file);
    assert.equal(t.rows, t.published + t.withheld + t.rejected, `${file}: rows = published + withheld + rejected`);
  }
  for (const p of report.problems) {
    assert.ok(typeof p.file === 'string' && typeof p.message === 'string');
    assert.ok(p.severity === 'error' || p.severity === 'warning');
    if ('line' in p) assert.ok(Number.isInteger(p.line) && p.line >= 1);
  }
}

describe('npm run validate', () => {
  test('a usable export exits 0, prints file:line field: message lines and the summary table, and writes the report', () => {
    const r = validate('good');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^cases\/bad-script-case\.md:9: \[bad-script-case\] 不允许使用 <script> 标签$/m);
    assert.match(r.stdout, /^文件\s+行数\s+公示\s+停止公示\s+拒绝\s+停止公示原因$/m);
    assert.match(r.stdout, /^penalties\.csv\s+4\s+2\s+2\s+0\s+已完成信用修复 1；公示期已届满 1$/m);
    assert.match(r.stdout, /公示基准日 2026-11-28/);
    assertReportShape(r.report);
    assert.equal(r.report.usable, true);
    assert.equal(r.report.as_of, '2026-11-28');
    assert.deepEqual(r.report.files['cases'], { rows: 3, published: 2, withheld: 0, rejected: 1, withheld_reasons: {} });
  });
  test('rejected rows with --strict exit 1', () => {
    const r = validate('good', '--strict');
    assert.equal(r.status, 1);
    assert.equal(r.report.usable, true);
  });
  test('an export without rejected rows exits 0 even with --strict', () => {
    const r = validate('unknown-column', '--strict');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^commitments\.csv:1 证件号码: （警告）/m);
  });
  test('rejected rows print one line per problem with file, physical line, field and id', () => {
    const r = validate('bad-rows');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^commitments\.csv:5 承诺作出日期: \[CM-02\] 不是有效日期：2026-02-30$/m);
    assert.match(r.stdout, /^commitments\.csv:6 承诺内容: \[CM-03\] 含有居民身份证号码（3709\*{10}1235），不得公示$/m);
    assert.match(r.stdout, /^共 \d+ 个错误、0 个警告。$/m);
    assertReportShape(r.report);
    const lines = r.report.problems.map((p: any) => `${p.file}:${p.line}`);
    assert.ok(lines.includes('commitments.csv:5'));
  });
  test('a personal number is never printed in full, on stdout or in the report', () => {
    for (const name of ['bad-rows', 'unknown-column', 'bad-cases']) {
      const r = validate(name);
      const everything = r.stdout + r.stderr + JSON.stringify(r.report);
      for (const raw of ['370902199001011235', '11010519491231002X', '13912345678', '13812345678', '13700001111']) assert.ok(!everything.includes(raw), `${name}: ${raw}`);
    }
  });
  test('the report of every fixture accounts for every row', () => {
    for (const name of ['good', 'bad-rows', 'bad-cases', 'messy-csv', 'unknown-column']) assertReportShape(validate(name).report);
  });
  for (const [name, expected] of [
    ['undecodable', /^commitments\.csv:6: 无法按 utf-8 解码/m],
    ['missing-column', /^penalties\.csv:1 处罚决定日期: 缺少必需的列/m],
    ['truncated', /^commitments\.csv: 数据行数与 manifest\.json 不符/m],
    ['wrong-sha256', /^subjects\.csv: sha256 与 manifest\.json 不符/m],
    ['listed-absent', /^penalties\.csv: manifest\.json 列出了此文件，但导出目录中没有$/m],
    ['unlisted', /^honors\.csv: 导出目录中有此文件，但 manifest\.json 没有列出$/m],
    ['schema-version-2', /^manifest\.json schema_version: 不支持的导出格式版本：2/m],
    ['missing-required-file', /^commitments\.csv: 缺少必需的文件$/m],
  ] as const) {
    test(`an unusable export (${name}) exits 2, says what is wrong and writes an unusable report`, () => {
      const r = validate(name);
      assert.equal(r.status, 2);
      assert.match(r.stderr, expected);
      assert.match(r.stderr, /导出不可用，未做任何更改。/);
      assert.equal(r.report.usable, false);
      assert.equal(r.report.as_of, '2026-11-28');
      assert.ok(r.report.problems.length > 0 && r.report.problems.every((p: any) => p.severity === 'error'));
    });
  }
  test("an unusable export whose manifest was read: the report still says which export it was", () => {
    const r = validate('wrong-sha256');
    assert.equal(r.status, 2);
    assert.deepEqual(r.report.export, { platform: '泰安市公共信用信息平台', exported_at: '2026-11-27T23:10:00+08:00', schema_version: 1 });
  });
  test('a report path that cannot be written exits 2 with one line naming it, no stack trace', () => {
    // Its folder would have to be made inside a file.
    const notFolder = join(out, 'a-file');
    writeFileSync(notFolder, '');
    for (const name of ['good', 'wrong-sha256']) {
      const r = run([], ['--export', fixture(name), '--as-of', '2026-11-28'], {}, join(notFolder, 'report.json'));
      assert.equal(r.status, 2, name);
      assert.match(r.stderr.trim().split('\n').at(-1)!, new RegExp(`^无法写入报告 ${notFolder}/report\\.json（(EEXIST|ENOTDIR)）$`), name);
      assert.doesNotMatch(r.stderr, /\n\s+at /, name);
    }
  });
  test('an invalid --as-of exits 2', () => {
    const r = validate('good', '--as-of', '2026-02-30');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--as-of 不是 YYYY-MM-DD 格式的有效日期：2026-02-30/);
  });
  test('--as-of and PORTAL_AS_OF take the same form: YYYY-MM-DD only', () => {
    const flag = validate('good', '--as-of', '20261128');
    assert.equal(flag.status, 2);
    assert.equal(flag.stderr.trim(), '--as-of 不是 YYYY-MM-DD 格式的有效日期：20261128');
    const env = run([], ['--export', fixture('good')], { PORTAL_AS_OF: '20261128' });
    assert.equal(env.status, 2);
    assert.equal(env.stderr.trim(), 'PORTAL_AS_OF 不是 YYYY-MM-DD 格式的有效日期：20261128');
    assert.equal(run([], ['--export', fixture('good')], { PORTAL_AS_OF: '2026-11-28' }).report.as_of, '2026-11-28');
  });
  test('an unknown flag or a stray argument exits 2 with the usage, checking nothing', () => {
    for (const [extra, said] of [[['--strcit'], '未知的选项：--strcit'], [['good'], '多余的参数：good（选项须以 -- 开头）'], [['--report'], '选项缺少值：--report'], [['--strict=yes'], '选项不接受值：--strict']] as const) {
      const r = validate('good', ...extra);
      assert.equal(r.status, 2, extra.join(' '));
      assert.equal(r.stderr.split('\n')[0], said);
      assert.match(r.stderr, /用法：npm run validate --/);
      assert.equal(r.report, undefined);
    }
  });
  test('an error nobody foresaw exits 2 with the report written and the error (masked) in it', () => {
    const r = run(['--import', './test/unit/support/failing-fs.ts'], ['--export', fixture('good'), '--as-of', '2026-11-28']);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.report.usable, false);
    assert.deepEqual(r.report.problems, [{ file: fixture('good'), severity: 'error', message: '检查意外中止（程序错误，请报告）：RangeError: simulated fault 1391***5678' }]);
    assert.match(r.stderr, /导出不可用，未做任何更改。/);
  });
});

describe('npm run validate survives every hostile input', () => {
  for (const [name, status] of [
    ['hostile-rows', 0],
    ['unterminated-quote', 2],
    ['duplicate-header', 2],
    ['folder-as-csv', 2],
    ['manifest-null', 2],
    ['manifest-garbage', 2],
  ] as const) {
    test(`${name}: exit ${status}, a report written, no crash`, () => {
      const r = validate(name);
      assert.equal(r.status, status, r.stderr);
      assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
      assertReportShape(r.report);
      assert.equal(r.report.usable, status === 0);
      assert.ok(r.report.problems.some((p: any) => p.severity === 'error'));
    });
  }
  test('hostile-rows with --strict exits 1: rows were rejected', () => {
    assert.equal(validate('hostile-rows', '--strict').status, 1);
  });
});

describe('npm run validate into a pipe', () => {
  test('every line reaches a reader that is slow to read, the summary table last', () => {
    // 2,000 rows with a bad date each: about 200 KB of problems, more than a pipe holds (64 KB).
    // Exiting with process.exit() dropped what the pipe had not taken yet.
    const dir = join(out, 'many-problems');
    cpSync(fixture('good'), dir, { recursive: true });
    appendFileSync(join(dir, 'honors.csv'), Array.from({ length: 2000 }, (_, i) => `BZ-2026-9${String(i).padStart(3, '0')},11370900MB2850001B,泰安市发展和改革委员会,表彰,泰安市人民政府,市级,2026-02-30,\n`).join(''));
    assert.equal(spawnSync(process.execPath, ['scripts/export-manifest.ts', dir], { cwd: ROOT }).status, 0);
    const command = `"${process.execPath}" scripts/validate.ts --export "${dir}" --as-of 2026-11-28 --report "${join(out, 'piped.json')}" 2>&1 | (sleep 1; cat)`;
    const piped = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(piped.stdout.length > 100_000, `${piped.stdout.length} characters`);
    assert.equal(piped.stdout.match(/^honors\.csv:\d+ 授予日期: /gm)?.length, 2000);
    assert.match(piped.stdout, /^honors\.csv\s+2002\s+1\s+1\s+2000\s+/m);
    assert.match(piped.stdout, /共 2001 个错误、0 个警告。\s*$/);
  });
});
