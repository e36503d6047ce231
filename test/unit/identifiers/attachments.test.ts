import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentKey, checkAttachment, caseTwinAttachments } from '../../../src/lib/identifiers/attachments.ts';
import { tempDir } from '../support/temp-dir.ts';

const dir = tempDir('attachments-');
mkdirSync(join(dir, 'attachments', 'commitments'), { recursive: true });
writeFileSync(join(dir, 'attachments', 'commitments', 'ok.pdf'), '%PDF-1.4\n%%EOF\n');
writeFileSync(join(dir, 'attachments', 'commitments', 'fake.pdf'), 'not a pdf at all');
writeFileSync(join(dir, 'attachments', 'commitments', 'empty.pdf'), '');
writeFileSync(join(dir, 'attachments', 'cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
writeFileSync(join(dir, 'attachments', 'cover.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]));
writeFileSync(join(dir, 'attachments', 'cover.webp'), Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'));
writeFileSync(join(dir, 'attachments', 'sound.webp'), Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'));
// Files that start as the kind says, with a name a web server would serve as a page that runs script.
writeFileSync(join(dir, 'attachments', 'commitments', 'evil.html'), '%PDF-1.4\n<html><script>alert(1)</script></html>');
writeFileSync(join(dir, 'attachments', 'evil.svg'), 'GIF89a<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
writeFileSync(join(dir, 'attachments', 'evil.gif.html'), 'GIF89a<script>alert(1)</script>');
writeFileSync(join(dir, 'attachments', 'commitments', 'UPPER.PDF'), '%PDF-1.4\n%%EOF\n');
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
    assert.equal(checkAttachment(dir, 'commitments/fake.pdf', 'pdf'), '附件的内容不是它的扩展名所说的 PDF 文件（.pdf）：attachments/commitments/fake.pdf');
    assert.equal(checkAttachment(dir, 'commitments/empty.pdf', 'pdf'), '附件的内容不是它的扩展名所说的 PDF 文件（.pdf）：attachments/commitments/empty.pdf');
  });
  test('an image is not a PDF, and a PDF is not an image', () => {
    assert.equal(checkAttachment(dir, 'cover.png', 'pdf'), '附件的扩展名不是 PDF 文件（.pdf）：attachments/cover.png');
    assert.equal(checkAttachment(dir, 'commitments/ok.pdf', 'image'), '附件的扩展名不是图片（.png、.jpg、.jpeg、.gif 或 .webp）：attachments/commitments/ok.pdf');
  });
  test('PNG, JPEG and WebP covers are images; an extension in capitals is the same extension', () => {
    assert.equal(checkAttachment(dir, 'attachments/cover.png', 'image'), undefined);
    assert.equal(checkAttachment(dir, 'cover.jpg', 'image'), undefined);
    assert.equal(checkAttachment(dir, 'cover.webp', 'image'), undefined);
    assert.equal(checkAttachment(dir, 'commitments/UPPER.PDF', 'pdf'), undefined);
  });
  test('a RIFF file that is not WebP (a WAV) is not an image', () => {
    assert.equal(checkAttachment(dir, 'sound.webp', 'image'), '附件的内容不是它的扩展名所说的图片（.png、.jpg、.jpeg、.gif 或 .webp）：attachments/sound.webp');
  });
  test("a file that starts like a PDF or a GIF but is named as a page or an SVG is refused by its name: it would be served as one", () => {
    assert.equal(checkAttachment(dir, 'commitments/evil.html', 'pdf'), '附件的扩展名不是 PDF 文件（.pdf）：attachments/commitments/evil.html');
    assert.equal(checkAttachment(dir, 'evil.svg', 'image'), '附件的扩展名不是图片（.png、.jpg、.jpeg、.gif 或 .webp）：attachments/evil.svg');
    assert.equal(checkAttachment(dir, 'evil.gif.html', 'image'), '附件的扩展名不是图片（.png、.jpg、.jpeg、.gif 或 .webp）：attachments/evil.gif.html');
  });
  test('a backslash in the path is refused: a folder on a Windows platform, part of the name here', () => {
    assert.equal(checkAttachment(dir, 'commitments\\ok.pdf', 'pdf'), '附件路径不能含反斜杠（文件夹请用 /）：commitments\\ok.pdf');
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

test('attachments to be published that differ only in case are grouped with their items and sorted spellings; one spelling alone is no group', () => {
  const items = [
    ...Array.from({ length: 5 }, (_, i) => ({ item: i, key: 'commitments/template.pdf' })),
    { item: 5, key: 'commitments/Template.pdf' },
    { item: 6, key: 'commitments/other.pdf' },
    { item: 6, key: 'commitments/OTHER.pdf' },
    { item: 7, key: 'cases/a.png' },
  ];
  assert.deepEqual(caseTwinAttachments(items), [
    { items: [0, 1, 2, 3, 4, 5], said: 'attachments/commitments/Template.pdf、attachments/commitments/template.pdf 只有大小写不同，在不区分大小写的网站主机上是同一个文件' },
    { items: [6], said: 'attachments/commitments/OTHER.pdf、attachments/commitments/other.pdf 只有大小写不同，在不区分大小写的网站主机上是同一个文件' },
  ]);
});
