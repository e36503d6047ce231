// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import portal from './portal.config.ts';
import sitemap from './src/integrations/sitemap.ts';
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
    // Every page but withheld-record and redirect pages (robots noindex); also as /sitemap.xml.
    sitemap(),
    // Pagefind search over the built pages (fails the build on any indexing error).
    searchIndex(),
  ]),
  build: { format: 'directory' },
});
