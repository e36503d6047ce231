/**
 * Attachments referenced from rows and case front matter: a relative path under
 * `attachments/` naming a regular file inside the export (no folder, no link, nothing
 * outside it) that can be read, whose name ends in its kind's extension and whose bytes
 * really are that kind. The extension is what a web server's content type goes by: a
 * `.html` or `.svg` file that starts like a PDF or a GIF would still be served as a page
 * that runs script. Every failure is a message for the row, never an exception: a path is
 * hostile input.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

type AttachmentKind = 'pdf' | 'image';

/** The file types an attachment may be: its extensions (lower case) and the bytes it starts with (null: any byte). */
const TYPES: Record<AttachmentKind, { extensions: string[]; signature: (number | null)[] }[]> = {
  pdf: [{ extensions: ['.pdf'], signature: [0x25, 0x50, 0x44, 0x46, 0x2d] }], // %PDF-
  image: [
    { extensions: ['.png'], signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
    { extensions: ['.jpg', '.jpeg'], signature: [0xff, 0xd8, 0xff] },
    { extensions: ['.gif'], signature: [0x47, 0x49, 0x46, 0x38] }, // GIF8
    // RIFF, four bytes of size, WEBP (a bare RIFF is also a WAV or an AVI).
    { extensions: ['.webp'], signature: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  ],
};

/** What a wrong attachment is said to be short of, by kind. */
const WANTED: Record<AttachmentKind, string> = { pdf: ' PDF 文件（.pdf）', image: '图片（.png、.jpg、.jpeg、.gif 或 .webp）' };

/** The first bytes of a file, or the reason it cannot be read. */
function readHead(path: string): Buffer | { error: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(12);
    const n = readSync(fd, head, 0, 12, 0);
    return head.subarray(0, n);
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Checks an attachment path; returns an error message, or undefined when it is fine. */
export function checkAttachment(exportDir: string, path: string, kind: AttachmentKind): string | undefined {
  const rel = normalize(path.replace(/^attachments[\\/]/, ''));
  if (rel === '.' || rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel) || rel.includes('\0')) return `附件路径必须位于 attachments/ 之下：${path}`;
  // A backslash is a folder on the platform's side and part of a name on ours: neither is sure.
  if (rel.includes('\\')) return `附件路径不能含反斜杠（文件夹请用 /）：${path}`;
  const root = join(exportDir, 'attachments');
  const full = join(root, rel);
  const shown = `attachments/${rel}`;
  let stat;
  try {
    stat = lstatSync(full);
  } catch {
    return `附件不存在：${shown}`;
  }
  if (stat.isSymbolicLink()) return `附件是符号链接，不予公示（应为导出目录中的普通文件）：${shown}`;
  if (stat.isDirectory()) return `附件是文件夹，不是文件：${shown}`;
  if (!stat.isFile()) return `附件不是普通文件：${shown}`;
  // A linked folder on the way (attachments/x → /etc) would lead outside the export.
  try {
    if (!realpathSync(full).startsWith(realpathSync(root) + sep)) return `附件经由符号链接指向导出目录之外，不予公示：${shown}`;
  } catch {
    return `附件不存在：${shown}`;
  }
  const types = TYPES[kind].filter((t) => t.extensions.includes(extname(rel).toLowerCase()));
  if (!types.length) return `附件的扩展名不是${WANTED[kind]}：${shown}`;
  const head = readHead(full);
  if (!Buffer.isBuffer(head)) return `附件无法读取（${head.error}）：${shown}`;
  const ok = stat.size > 0 && types.some(({ signature }) => signature.every((b, i) => b === null || head[i] === b));
  return ok ? undefined : `附件的内容不是它的扩展名所说的${WANTED[kind]}：${shown}`;
}

/** The path relative to attachments/, as published under /attachments/ on the site. */
export function attachmentKey(path: string): string {
  return normalize(path.replace(/^attachments[\\/]/, '')).split(sep).join('/');
}

/**
 * Attachments to be published whose names differ only in letter case (Letter.pdf, letter.pdf),
 * grouped with the items that show them, and what a problem says of them (`said`): on a host or
 * disk that ignores case they are one file, and one record's letter or image would be served for
 * another's.
 */
export function caseTwinAttachments<T>(items: readonly { item: T; key: string }[]): { items: T[]; said: string }[] {
  const byName = new Map<string, { item: T; key: string }[]>();
  for (const a of items) {
    const name = a.key.toUpperCase();
    const group = byName.get(name);
    // Appended, not copied: thousands of rows may share one letter (a template).
    if (group) group.push(a);
    else byName.set(name, [a]);
  }
  return [...byName.values()].flatMap((same) => {
    const spellings = [...new Set(same.map((a) => a.key))].sort();
    if (spellings.length < 2) return [];
    return [{ items: [...new Set(same.map((a) => a.item))], said: `${spellings.map((k) => `attachments/${k}`).join('、')} 只有大小写不同，在不区分大小写的网站主机上是同一个文件` }];
  });
}
