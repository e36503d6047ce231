/**
 * The daily rebuild's page reuse (issue 10). A reusable page renders its props and nothing
 * else of the export (a record page: the decided record, its subject, what it works out from
 * the as-of date; a list page: the fields its letters show and the facet counts; a profile:
 * what the profile shows; a withheld record's notice: its reason; src/site/store.ts) and,
 * through the layout, the site-wide context: the sample flag and the as-of date in the
 * footer. So a page whose digest (code, site-wide context, URL and props) equals its digest
 * in the previous release renders to that release's bytes but for the footer's as-of date,
 * and is copied from it with the date replaced (page-copy.ts) instead of being rendered again.
 * test/e2e/daily-rebuild.test.ts builds changed exports fully and with reuse and compares the trees.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';

/** The previous release's site folder to reuse pages from (set by `npm run publish` and the bench). */
export const REUSE_ENV = 'PORTAL_REUSE_FROM';

/** Written into every build: the digest of each page that may be reused, read by the next day's build. */
export const PAGE_MANIFEST = 'release-pages.json';

/**
 * The withheld records' notices' digests, in the same form: kept in the build's reads folder
 * beside the site (page-reads.ts), never in it, since release-pages.json is public and a
 * withheld record's id must not be listed there.
 */
export const WITHHELD_MANIFEST = 'withheld-pages.json';

export const pageManifestSchema = z.object({
  version: z.literal(1),
  /** The as-of date in the footers of this build's pages. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Page URL ("/commitments/CN…/") → digest of everything it was rendered from: in release-pages.json published records' pages, list pages and profiles, never a withheld record's; in WITHHELD_MANIFEST the withheld records' notices. */
  pages: z.record(z.string(), z.string()),
});
export type PageManifest = z.infer<typeof pageManifestSchema>;

/** What a build renders from besides the export: the project files the pages, styles and bundles come from. */
const CODE_INPUTS = ['src', 'public', 'portal.config.ts', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'];

/** Digest of the code a build renders with (paths and bytes, in path order): any edit makes every page new. */
export function codeDigest(projectRoot: string): string {
  const files: string[] = [];
  for (const input of CODE_INPUTS) {
    const path = join(projectRoot, input);
    if (!statSync(path, { throwIfNoEntry: false })) continue;
    if (statSync(path).isFile()) files.push(input);
    else for (const e of readdirSync(path, { recursive: true, withFileTypes: true })) if (e.isFile()) files.push(relative(projectRoot, join(e.parentPath, e.name)).split(sep).join('/'));
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(`${file}\0`).update(readFileSync(join(projectRoot, file))).update('\0');
  return hash.digest('hex');
}

/** The site-wide part of every page digest: the code and what the layout shows besides the as-of date. */
export const siteContext = (code: string, sample: boolean): string => createHash('sha256').update(JSON.stringify({ code, sample })).digest('hex');

/** A page's digest: its site-wide context, URL and props (plain data, so JSON is all of it). */
export const pageDigest = (context: string, url: string, props: unknown): string =>
  createHash('sha256').update(context).update('\0').update(url).update('\0').update(JSON.stringify(props)).digest('hex').slice(0, 32);

/** A previous release's manifest in `dir` (its site folder, or its reads folder for WITHHELD_MANIFEST), or why there is none to reuse from. */
export function readPageManifest(dir: string, name = PAGE_MANIFEST): { ok: true; manifest: PageManifest } | { ok: false; reason: string } {
  let text: string;
  try {
    text = readFileSync(join(dir, name), 'utf8');
  } catch {
    return { ok: false, reason: `${join(dir, name)} 不存在` };
  }
  try {
    const parsed = pageManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? { ok: true, manifest: parsed.data } : { ok: false, reason: `${name} 格式不符：${parsed.error.issues[0]?.message}` };
  } catch (e) {
    return { ok: false, reason: `${name} 不是 JSON：${(e as Error).message}` };
  }
}

/** A path segment that is its own folder name: letters (Han characters too), digits, and `._-` after the first. */
const PLAIN_SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/**
 * Whether a page URL ("/commitments/region/泰山区/page/2/") names its own folder, every
 * segment plain: only such pages are copied (any other is rendered), so that no URL made
 * from export values can name a file outside the site folders.
 */
export const copiableUrl = (url: string): boolean => {
  const segments = url.split('/');
  return segments.length > 2 && segments[0] === '' && segments.at(-1) === '' && segments.slice(1, -1).every((s) => PLAIN_SEGMENT.test(s));
};
