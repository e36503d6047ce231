/** The build step of a release: it takes the stop signals while the build runs, and gives them back however it ends. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { astroBuild } from '../../../src/lib/release/astro-build.ts';
import { STOP_SIGNALS } from '../../../src/lib/child-job.ts';
import { tempDir } from '../support/temp-dir.ts';

test('a build that cannot even start (its folder is gone) fails, and leaves no signal listener behind', async () => {
  const before = STOP_SIGNALS.map((s) => process.listenerCount(s));
  const gone = join(tempDir('portal-astro-build-'), 'no-such-checkout');
  const build = astroBuild(gone, 'ignore');
  await assert.rejects(build({ exportDir: gone, asOf: '2026-11-28', outDir: join(gone, 'site'), reportPath: join(gone, 'r.json'), updatesPath: join(gone, 'u.json') }), /ENOENT/);
  // Left behind, they would turn Ctrl+C and SIGTERM into nothing for the rest of publish.
  assert.deepEqual(STOP_SIGNALS.map((s) => process.listenerCount(s)), before);
});
