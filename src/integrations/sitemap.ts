/**
 * The sitemap: every built page except the status pages and those with robots noindex
 * (withheld records, case redirects), written by the `sitemap` library as
 * sitemap-index.xml + sitemap-N.xml (45,000 URLs each), and /sitemap.xml, the address people
 * and robots.txt expect, as a copy of the index.
 *
 * The same files @astrojs/sitemap 3.7 wrote for this site, byte for byte, and in the same
 * order; but @astrojs/sitemap sorts with `a.localeCompare(b, 'en', { numeric: true })`, which
 * builds a collator per comparison: about 30 s for 24,500 URLs in random order on these
 * machines, against 0.3 s with one Intl.Collator of the same locale and options.
 */
import { copyFileSync, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SitemapAndIndexStream, SitemapStream } from 'sitemap';
import { isIndexable } from '../lib/site/indexable.ts';
import { listedReuseState } from '../site/reuse.ts';

/** URLs per sitemap file (@astrojs/sitemap's entryLimit; the protocol allows 50,000). */
const PER_FILE = 45_000;
const STATUS_PAGES = new Set(['404', '500']);
/** Namespaces declared on every <urlset>, as @astrojs/sitemap declares them. */
const XMLNS = { news: true, xhtml: true, image: true, video: true };

/**
 * The sitemap's URLs in its order: `pages` are Astro's built page names ("commitments/CN…/"),
 * `customPages` absolute URLs of what Astro does not list as pages (endpoints such as feeds).
 */
export function sitemapUrls(site: string, pages: readonly string[], include: (pathname: string) => boolean, customPages: readonly string[] = []): string[] {
  const order = new Intl.Collator('en', { numeric: true });
  const urls = new Set<string>();
  const add = (url: URL) => {
    if (include(url.pathname)) urls.add(url.href);
  };
  for (const page of pages) if (!STATUS_PAGES.has(page.replace(/^\/|\/$/g, ''))) add(new URL(`/${page.replace(/^\//, '')}`, site));
  for (const page of customPages) add(new URL(page));
  return [...urls].sort(order.compare);
}

export default function sitemap({ customPages = [] }: { customPages?: readonly string[] } = {}): AstroIntegration {
  let site = '';
  return {
    name: 'portal-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('astro.config.mjs: the sitemap needs `site`');
        site = config.site;
      },
      'astro:build:done': async ({ dir, pages }) => {
        const outDir = fileURLToPath(dir);
        // A reusable page (src/site/reuse.ts lists each, rendered or copied: published records,
        // lists, profiles) never has robots noindex; a withheld record's page always has (the
        // safety checks hold the build to both). So only the other pages are read, and the
        // copies, which the build command may still be writing, are not. The list names pages
        // by their folders, not percent-encoded.
        const listed = listedReuseState();
        const reused = listed?.reused ?? new Set<string>();
        const reusable = listed?.digests ?? new Map<string, string>();
        // A copied withheld notice is not listed: it has robots noindex.
        const reusedListed = [...reused].filter((url) => reusable.has(url));
        const urls = sitemapUrls(site, [...pages.map((p) => p.pathname), ...reusedListed], (pathname) => reusable.has(decodeURIComponent(pathname)) || isIndexable(outDir, pathname), customPages);
        const hostname = new URL('/', site).href;
        const files = new SitemapAndIndexStream({
          limit: PER_FILE,
          getSitemapStream: (i) => {
            const stream = new SitemapStream({ hostname, xmlns: XMLNS });
            const name = `sitemap-${i}.xml`;
            return [new URL(`/${name}`, hostname).href, stream, stream.pipe(createWriteStream(new URL(name, dir)))];
          },
        });
        await pipeline(Readable.from(urls.map((url) => ({ url }))), files, createWriteStream(new URL('sitemap-index.xml', dir)));
        copyFileSync(new URL('sitemap-index.xml', dir), new URL('sitemap.xml', dir));
      },
    },
  };
}
