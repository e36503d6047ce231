/**
 * Attachments referenced from rows and case front matter: a relative path under
 * `attachments/` naming a regular file inside the export (no folder, no link, nothing
 * outside it) that can be read and whose bytes really are the kind it claims. Every
 * failure is a message for the row, never an exception: a path is hostile input.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

const SIGNATURES: Record<'pdf' | 'image', number[][]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  image: [
    [0x89, 0x50, 0x4e, 0x47], // PNG
    [0xff, 0xd8, 0xff], // JPEG
    [0x47, 0x49, 0x46, 0x38], // GIF
    [0x52, 0x49, 0x46, 0x46], // RIFF (WebP)
  ],
};

/** The first bytes of a file, or the reason it cannot be read. */
function readHead(path: string): Buffer | { error: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(8);
    const n = readSync(fd, head, 0, 8, 0);
    return head.subarray(0, n);
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Checks an attachment path; returns an error message, or undefined when it is fine. */
export function checkAttachment(exportDir: string, path: string, kind: 'pdf' | 'image'): string | undefined {
  const rel = normalize(path.replace(/^attachments[\\/]/, ''));
  if (rel === '.' || rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel) || rel.includes('\0')) return `附件路径必须位于 attachments/ 之下：${path}`;
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
  const head = readHead(full);
  if (!Buffer.isBuffer(head)) return `附件无法读取（${head.error}）：${shown}`;
  const ok = stat.size > 0 && SIGNATURES[kind].some((sig) => sig.every((b, i) => head[i] === b));
  return ok ? undefined : `附件不是有效的${kind === 'pdf' ? ' PDF 文件' : '图片（PNG、JPEG、GIF 或 WebP）'}：${shown}`;
}

/** The path relative to attachments/, as published under /attachments/ on the site. */
export function attachmentKey(path: string): string {
  return normalize(path.replace(/^attachments[\\/]/, '')).split(sep).join('/');
}
