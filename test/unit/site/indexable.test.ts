import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIndexable } from '../../../src/lib/site/indexable.ts';
import { tempDir } from '../support/temp-dir.ts';

test('pages with robots noindex (withheld records, redirects) are left out of the sitemap', () => {
  const dir = tempDir('indexable-');
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, '泰山区'));
  writeFileSync(join(dir, 'a/index.html'), '<head><meta name="robots" content="noindex"></head>');
  writeFileSync(join(dir, '泰山区/index.html'), '<head><title>x</title></head>');
  assert.equal(isIndexable(dir, '/a/'), false);
  assert.equal(isIndexable(dir, '/%E6%B3%B0%E5%B1%B1%E5%8C%BA/'), true);
});
