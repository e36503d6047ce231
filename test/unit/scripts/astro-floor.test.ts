import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildAstroFloor } from '../../../scripts/lib/astro-floor.ts';
import { tempDir } from '../support/temp-dir.ts';

test('the Astro floor builds as many pages as asked, each of about the size asked', () => {
  const out = join(tempDir('astro-floor-'), 'site');
  const seconds = buildAstroFloor(out, 37, 6000);
  assert.ok(seconds > 0);
  // 37 pages, numbered 0–36, one folder each, and nothing else but Astro's empty asset folder.
  const folders = readdirSync(join(out, 'r')).sort((a, b) => Number(a) - Number(b));
  assert.deepEqual(folders, Array.from({ length: 37 }, (_, i) => String(i)));
  for (const id of folders) {
    const page = join(out, 'r', id, 'index.html');
    // 6,000 bytes asked: 164 repeats of a 36-byte phrase (5,904) and the page's own markup.
    const size = statSync(page).size;
    assert.ok(size > 5900 && size < 6100, `${page}: ${size} bytes`);
    assert.match(readFileSync(page, 'utf8'), new RegExp(`<title>${id}</title>`));
  }
});
