// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import portal from './portal.config.ts';
import { isIndexable } from './src/lib/site/indexable.ts';
import searchIndex from './src/integrations/search-index.ts';
import { caseBodyRehypePlugins } from './src/lib/schemas/case-body.ts';
import { FEEDS } from './src/lib/site/feeds.ts';
import safetyChecks from './src/integrations/safety.ts';

// Tests and the rebuild-and-swap pipeline build into a folder of their own.
const outDir = process.env.PORTAL_OUT_DIR ?? 'dist';

export default defineConfig({
  site: portal.siteUrl,
  outDir,
  trailingSlash: 'always',
  integrations: [
    mdx(),
    // Withheld-record pages and redirect pages carry robots noindex and stay out of the sitemap.
    // The feeds are endpoints, which the sitemap does not list by itself.
    sitemap({ filter: (page) => isIndexable(outDir, new URL(page).pathname), customPages: FEEDS.map((f) => new URL(f.href, portal.siteUrl).href) }),
    {
      name: 'portal-sitemap-xml',
      hooks: {
        // /sitemap.xml is the address people and robots.txt expect: the sitemap index under that name.
        'astro:build:done': ({ dir }) => {
          const index = fileURLToPath(new URL('sitemap-index.xml', dir));
          if (existsSync(index)) copyFileSync(index, fileURLToPath(new URL('sitemap.xml', dir)));
        },
      },
    },
    // Pagefind search over the built pages (fails the build on any indexing error).
    searchIndex(),
    // Last: checks everything the build wrote, search index included (fails the build on any problem).
    safetyChecks(),
  ],
  build: { format: 'directory' },
  markdown: {
    // Case bodies: the unified pipeline the ingest check parses with, ending in the same
    // allowlist sanitizer (defence in depth: what renders is what was checked). MDX inherits it.
    processor: unified({ rehypePlugins: caseBodyRehypePlugins }),
    // Highlighting writes inline styles the allowlist would strip; cases need none.
    syntaxHighlight: false,
  },
});
