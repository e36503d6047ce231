/** Whether a built page may be listed in the sitemap: it exists and has no robots noindex. */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

const NOINDEX = /<meta name="robots" content="noindex"/;

export function isIndexable(outDir: string, pathname: string): boolean {
  let path: string;
  try {
    path = join(outDir, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
  } catch {
    return false;
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return true; // not an HTML page of ours (e.g. an endpoint): leave the decision to the sitemap
  }
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    return !NOINDEX.test(head.subarray(0, n).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
