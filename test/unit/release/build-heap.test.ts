import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildHeapMB, exportDataBytes } from '../../../src/lib/release/build-command.ts';
import { tempDir } from '../support/temp-dir.ts';

const MB = 2 ** 20;

test("the build's heap limit: 384 MB + 6× the export's data bytes; the attachments folder is not counted, a file named like it is", () => {
  const dir = tempDir('portal-heap-');
  writeFileSync(join(dir, 'commitments.csv'), Buffer.alloc(10 * MB));
  writeFileSync(join(dir, 'attachments.csv'), Buffer.alloc(MB));
  mkdirSync(join(dir, 'cases'));
  writeFileSync(join(dir, 'cases', 'a.md'), Buffer.alloc(MB / 2));
  mkdirSync(join(dir, 'attachments'));
  writeFileSync(join(dir, 'attachments', 'letter.pdf'), Buffer.alloc(50 * MB));
  // 10 + 1 + 0.5 = 11.5 MB of data: 384 + 6 × 11.5 = 453.
  assert.equal(buildHeapMB(exportDataBytes(dir)), 453);
});

test('an export folder that does not exist gets the smallest limit (the build itself reports the folder)', () => {
  assert.equal(buildHeapMB(exportDataBytes(join(tmpdir(), 'portal-no-such-export'))), 384);
});
