import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentUrl } from '../../../src/lib/site/kinds.ts';
import { resolvesInBuild } from '../../../src/lib/safety/file-checks.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.ts';

test("an attachment's address encodes each part of its path, and leads back to the file", () => {
  // Worked out from the URL standard: a space %20, # %23, ? %3F, % %25; Han characters as their UTF-8 bytes.
  assert.equal(attachmentUrl('commitments/签 名 #1%20?.pdf'), '/attachments/commitments/%E7%AD%BE%20%E5%90%8D%20%231%2520%3F.pdf');
  assert.equal(attachmentUrl('commitments/CN2026000030.pdf'), '/attachments/commitments/CN2026000030.pdf');
  // What a browser asks for is the file the build wrote under that name.
  const dir = tempDir('attachment-url-');
  mkdirSync(join(dir, 'attachments', 'commitments'), { recursive: true });
  writeFileSync(join(dir, 'attachments', 'commitments', '签 名 #1%20?.pdf'), '%PDF-1.4\n');
  const url = new URL(attachmentUrl('commitments/签 名 #1%20?.pdf'), 'https://example.gov.cn/');
  assert.equal(url.hash + url.search, '');
  assert.ok(resolvesInBuild(dir, url.pathname));
});
