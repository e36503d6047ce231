/** Reading a built site from disk: every HTML file, and whether a URL path exists. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

export function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** URL path of a built file: dir/x/index.html → /x/ */
export function urlPathOf(outDir: string, file: string): string {
  const rel = relative(outDir, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

export function htmlFiles(outDir: string): string[] {
  return [...walk(outDir)].filter((f) => f.endsWith('.html'));
}

export function existsPath(outDir: string, urlPath: string): boolean {
  const path = join(outDir, decodeURIComponent(urlPath.split(/[?#]/)[0]!));
  return urlPath.endsWith('/') ? existsSync(join(path, 'index.html')) : existsSync(path);
}

export const read = (file: string) => readFileSync(file, 'utf8');

/** A file's text as a reader of it sees it: gzip files (the search index's) decompressed. Latin-1, so any bytes compare. */
export async function textOf(path: string): Promise<{ text: string; gzip: boolean }> {
  const bytes = await readFile(path);
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return { text: (gzip ? gunzipSync(bytes) : bytes).toString('latin1'), gzip };
}

/** Every <script> element of a built page, whole. */
export const scriptsOf = (html: string): string[] => html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];

/** How the layout's one inline script begins (large text, src/layouts/Base.astro): the only script a page but search may have. */
export const LAYOUT_SCRIPT_START = /^<script>\(function\(\)\{var h=document\.documentElement,k='portal-large-text';/;
