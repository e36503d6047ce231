import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentKey, checkAttachment } from '../../../src/lib/identifiers/attachments.ts';

const dir = mkdtempSync(join(tmpdir(), 'attachments-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'attachments', 'commitments'), { recursive: true });
writeFileSync(join(dir, 'attachments', 'commitments', 'ok.pdf'), '%PDF-1.4\n%%EOF\n');
writeFileSync(join(dir, 'attachments', 'commitments', 'fake.pdf'), 'not a pdf at all');
writeFileSync(join(dir, 'attachments', 'commitments', 'empty.pdf'), '');
writeFileSync(join(dir, 'attachments', 'cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
writeFileSync(join(dir, 'attachments', 'cover.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]));

describe('承诺书附件 and case covers under attachments/', () => {
  test('an existing PDF is accepted, with or without the attachments/ prefix', () => {
    assert.equal(checkAttachment(dir, 'commitments/ok.pdf', 'pdf'), undefined);
    assert.equal(checkAttachment(dir, 'attachments/commitments/ok.pdf', 'pdf'), undefined);
  });
  test('a missing attachment is an error naming the path', () => {
    assert.match(checkAttachment(dir, 'commitments/missing.pdf', 'pdf') ?? '', /附件不存在：attachments\/commitments\/missing\.pdf/);
  });
  test('a file whose bytes are not a PDF is rejected even when named .pdf', () => {
    assert.match(checkAttachment(dir, 'commitments/fake.pdf', 'pdf') ?? '', /不是有效的 PDF/);
    assert.match(checkAttachment(dir, 'commitments/empty.pdf', 'pdf') ?? '', /不是有效的 PDF/);
  });
  test('an image is not a PDF, and a PDF is not an image', () => {
    assert.match(checkAttachment(dir, 'cover.png', 'pdf') ?? '', /不是有效的 PDF/);
    assert.match(checkAttachment(dir, 'commitments/ok.pdf', 'image') ?? '', /不是有效的图片/);
  });
  test('PNG and JPEG covers are images', () => {
    assert.equal(checkAttachment(dir, 'attachments/cover.png', 'image'), undefined);
    assert.equal(checkAttachment(dir, 'cover.jpg', 'image'), undefined);
  });
  test('a path escaping attachments/ is refused', () => {
    assert.match(checkAttachment(dir, '../manifest.json', 'pdf') ?? '', /必须位于 attachments\/ 之下/);
    assert.match(checkAttachment(dir, 'attachments/../../etc/passwd', 'pdf') ?? '', /必须位于 attachments\/ 之下/);
    assert.match(checkAttachment(dir, '/etc/passwd', 'pdf') ?? '', /必须位于 attachments\/ 之下/);
  });
  test('attachmentKey is the path relative to attachments/', () => {
    assert.equal(attachmentKey('attachments/commitments/a.pdf'), 'commitments/a.pdf');
    assert.equal(attachmentKey('commitments/./a.pdf'), 'commitments/a.pdf');
  });
});
