import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentKey, checkAttachment } from '../../../src/lib/identifiers/attachments.ts';
import { tempDir } from '../support/temp-dir.ts';

const dir = tempDir('attachments-');
mkdirSync(join(dir, 'attachments', 'commitments'), { recursive: true });
writeFileSync(join(dir, 'attachments', 'commitments', 'ok.pdf'), '%PDF-1.4\n%%EOF\n');
writeFileSync(join(dir, 'attachments', 'commitments', 'fake.pdf'), 'not a pdf at all');
writeFileSync(join(dir, 'attachments', 'commitments', 'empty.pdf'), '');
writeFileSync(join(dir, 'attachments', 'cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
writeFileSync(join(dir, 'attachments', 'cover.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]));
symlinkSync('ok.pdf', join(dir, 'attachments', 'commitments', 'link.pdf'));
const elsewhere = tempDir('elsewhere-');
writeFileSync(join(elsewhere, 'secret.pdf'), '%PDF-1.4\n%%EOF\n');
symlinkSync(elsewhere, join(dir, 'attachments', 'linked-folder'));
execFileSync('mkfifo', [join(dir, 'attachments', 'commitments', 'pipe.pdf')]);

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
  test('a folder is a problem of the row, not an exception', () => {
    assert.equal(checkAttachment(dir, 'commitments', 'pdf'), '附件是文件夹，不是文件：attachments/commitments');
    assert.equal(checkAttachment(dir, 'attachments/', 'pdf'), '附件路径必须位于 attachments/ 之下：attachments/');
  });
  test('a symbolic link, or a file reached through a linked folder, is refused', () => {
    assert.equal(checkAttachment(dir, 'commitments/link.pdf', 'pdf'), '附件是符号链接，不予公示（应为导出目录中的普通文件）：attachments/commitments/link.pdf');
    assert.equal(checkAttachment(dir, 'linked-folder/secret.pdf', 'pdf'), '附件经由符号链接指向导出目录之外，不予公示：attachments/linked-folder/secret.pdf');
  });
  test('something that is not a regular file (a named pipe, which would block a read) is refused', () => {
    assert.equal(checkAttachment(dir, 'commitments/pipe.pdf', 'pdf'), '附件不是普通文件：attachments/commitments/pipe.pdf');
  });
  test('attachmentKey is the path relative to attachments/', () => {
    assert.equal(attachmentKey('attachments/commitments/a.pdf'), 'commitments/a.pdf');
    assert.equal(attachmentKey('commitments/./a.pdf'), 'commitments/a.pdf');
  });
});
