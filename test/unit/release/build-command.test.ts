import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { astroOutDir } from '../../../src/lib/release/build-command.ts';
import { tempDir } from '../support/temp-dir.ts';

test('an output folder whose path only begins with the project\'s is given to Astro through a link outside the project; any other as it is', () => {
  const temp = tempDir('astro-out-');
  const root = join(temp, 'portal');
  const links = join(temp, 'links');
  mkdirSync(links);
  // Inside the project, or elsewhere: as it is.
  assert.equal(astroOutDir(root, join(root, 'dist'), join(root, 'dist.reads'), links), join(root, 'dist'));
  assert.equal(astroOutDir(root, join(root, 'releases/work/site'), join(root, 'releases/work/site.reads'), links), join(root, 'releases/work/site'));
  assert.equal(astroOutDir(root, join(temp, 'elsewhere/site'), join(temp, 'elsewhere/site.reads'), links), join(temp, 'elsewhere/site'));
  // `${root}-live` begins with `${root}` but is not in it: a link in `links`, its reads folder's beside it.
  const live = `${root}-live`;
  const given = astroOutDir(root, live, `${live}.reads`, links);
  assert.equal(given, join(links, 'site'));
  assert.equal(readlinkSync(given), live);
  assert.equal(readlinkSync(`${given}.reads`), `${live}.reads`);
  // A link folder that itself begins with the project's path would fool Astro the same way.
  assert.throws(() => astroOutDir(root, `${root}-other`, `${root}-other.reads`, `${root}-links`), /输出目录 .*portal-other 的路径以项目目录 .*portal 开头/);
});
