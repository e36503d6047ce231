/**
 * The build's heap limit (src/lib/release/build-command.ts) is sized from what builds held so
 * far; a build that reaches it is built again without one, not lost.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCommand } from '../../src/lib/release/build-command.ts';
import { FIXTURE_AS_OF, FIXTURE_EXPORT, ROOT } from './support/build.ts';
import { tempDir } from '../unit/support/temp-dir.ts';

test('a build that reaches its heap limit is built again without one: exit 0, a full site with its search index, and it says so', { timeout: 300_000 }, () => {
  const temp = tempDir('portal-heap-');
  const [command, ...args] = buildCommand(ROOT);
  const run = spawnSync(command!, args, {
    cwd: ROOT,
    encoding: 'utf8',
    // 16 MB: Astro cannot even start in it.
    env: { ...process.env, PORTAL_BUILD_HEAP_MB: '16', PORTAL_EXPORT: FIXTURE_EXPORT, PORTAL_AS_OF: FIXTURE_AS_OF, PORTAL_OUT_DIR: join(temp, 'site'), PORTAL_REPORT: join(temp, 'report.json') },
  });
  const output = run.stdout + run.stderr;
  assert.equal(run.status, 0, output);
  assert.ok(output.includes('构建进程达到堆内存上限（16 MB），不设上限重新构建。'), output);
  assert.ok(existsSync(join(temp, 'site/index.html')) && existsSync(join(temp, 'site/search-index/search.json')), 'the site and its search index were built');
  assert.ok(output.includes('安全检查通过'), output);
});

test('a heap limit that is not a whole number of MB stops the build before it starts', () => {
  const [command, ...args] = buildCommand(ROOT);
  const run = spawnSync(command!, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PORTAL_BUILD_HEAP_MB: '1.5GB' } });
  assert.notEqual(run.status, 0);
  assert.ok(run.stderr.includes('PORTAL_BUILD_HEAP_MB 应为正整数（MB），而不是「1.5GB」'), run.stderr);
});
