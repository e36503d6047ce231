import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compareTrees, identical } from '../../../scripts/lib/compare-trees.ts';
import { tempDir } from '../support/temp-dir.ts';

function tree(files: Record<string, string>): string {
  const root = tempDir('tree-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('two builds with the same files and bytes are identical', () => {
  const files = { 'index.html': '<p>a</p>', 'commitments/CN1/index.html': '承诺', 'sitemap.xml': '<x/>' };
  const d = compareTrees(tree(files), tree(files));
  assert.ok(identical(d));
  assert.equal(d.files, 3);
});

test('a changed byte, a missing file and an extra file are each named', () => {
  const a = tree({ 'index.html': '<p>a</p>', 'commitments/CN1/index.html': '承诺', 'old/index.html': 'x' });
  const b = tree({ 'index.html': '<p>b</p>', 'commitments/CN1/index.html': '承诺', 'new/index.html': 'x' });
  const d = compareTrees(a, b);
  assert.equal(identical(d), false);
  assert.deepEqual(d.differ, ['index.html']);
  assert.deepEqual(d.onlyInA, ['old/index.html']);
  assert.deepEqual(d.onlyInB, ['new/index.html']);
});
