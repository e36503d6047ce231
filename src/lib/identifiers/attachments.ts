/**
 * Attachments referenced from rows and case front matter: a relative path under
 * `attachments/` that exists and whose bytes really are the kind it claims.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
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

/** Checks an attachment path; returns an error message, or undefined when it is fine. */
export function checkAttachment(exportDir: string, path: string, kind: 'pdf' | 'image'): string | undefined {
  const rel = normalize(path.replace(/^attachments[\\/]/, ''));
  if (rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel)) return `附件路径必须位于 attachments/ 之下：${path}`;
  const full = join(exportDir, 'attachments', rel);
  let size: number;
  try {
    size = statSync(full).size;
  } catch {
    return `附件不存在：attachments/${rel}`;
  }
  const head = Buffer.alloc(8);
  const fd = openSync(full, 'r');
  readSync(fd, head, 0, 8, 0);
  closeSync(fd);
  const ok = size > 0 && SIGNATURES[kind].some((sig) => sig.every((b, i) => head[i] === b));
  return ok ? undefined : `附件不是有效的${kind === 'pdf' ? ' PDF 文件' : '图片（PNG、JPEG、GIF 或 WebP）'}：attachments/${rel}`;
}

/** The path relative to attachments/, as published under /attachments/ on the site. */
export function attachmentKey(path: string): string {
  return normalize(path.replace(/^attachments[\\/]/, '')).split(sep).join('/');
}
