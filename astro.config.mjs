// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import portal from './portal.config.ts';
import { isIndexable } from './src/lib/site/indexable.ts';
import searchIndex from './src/integrations/search-index.ts';
import { timedIntegrations } from './src/integrations/build-timings.ts';

// Tests and the rebuild-and-swap pipeline build into a folder of their own.
const outDir = process.env.PORTAL_OUT_DIR ?? 'dist';

export default defineConfig({
  site: portal.siteUrl,
  outDir,
  trailingSlash: 'always',
  // Timed hook by hook only when `npm run bench` asks (PORTAL_BUILD_TIMINGS).
  integrations: timedIntegrations([
    mdx(),
    // Withheld-record pages and redirect pages carry robots noindex and stay out of the sitemap.
    sitemap({ filter: (page) => isIndexable(outDir, new URL(page).pathname) }),
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
  ]),
  build: { format: 'directory' },
});
