/**
 * An output folder beside the checkout whose name begins with the checkout's (`/srv/portal-live`
 * beside `/srv/portal`): Astro 7 took it for a folder inside the project and the build failed
 * with `Cannot find package` (src/lib/release/build-command.ts astroOutDir).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCommand } from '../../src/lib/release/build-command.ts';
import { FIXTURE_AS_OF, FIXTURE_EXPORT, ROOT } from './support/build.ts';
import { tempDir } from '../unit/support/temp-dir.ts';

test('a build into a folder beside the checkout whose name begins with the checkout\'s is a whole site', { timeout: 300_000 }, (t) => {
  const outDir = `${ROOT}-e2e-out-${process.pid}`;
  try {
    mkdirSync(outDir);
  } catch (e) {
    t.skip(`the checkout's parent folder cannot be written here (${(e as NodeJS.ErrnoException).code})`);
    return;
  }
  t.after(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}.reads`, { recursive: true, force: true });
  });
  const [command, ...args] = buildCommand(ROOT);
  const run = spawnSync(command!, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PORTAL_EXPORT: FIXTURE_EXPORT, PORTAL_AS_OF: FIXTURE_AS_OF, PORTAL_OUT_DIR: outDir, PORTAL_REPORT: join(tempDir('portal-out-dir-'), 'report.json') },
  });
  const output = run.stdout + run.stderr;
  assert.equal(run.status, 0, output);
  assert.ok(output.includes('安全检查通过'), output);
  for (const file of ['index.html', 'search-index/search.json', 'commitments/CN2026000001/index.html']) assert.ok(existsSync(join(outDir, file)), file);
  // What the Astro process writes of the reads reached the reads folder beside the output folder.
  assert.ok(existsSync(join(`${outDir}.reads`, 'withheld-pages.json')), 'withheld-pages.json in the reads folder');
});
