// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import portal from './portal.config.ts';
import sitemap from './src/integrations/sitemap.ts';
import publishedFacts from './src/integrations/published-facts.ts';
import pageReuse from './src/integrations/page-reuse.ts';
import writtenPages from './src/integrations/written-pages.ts';
import { caseBodyRehypePlugins } from './src/lib/schemas/case-body.ts';
import { FEEDS } from './src/lib/site/feeds.ts';
import { timedIntegrations } from './src/integrations/build-timings.ts';
import { buildOutDir } from './src/lib/pipeline/build-env.ts';

export default defineConfig({
  site: portal.siteUrl,
  outDir: buildOutDir(),
  trailingSlash: 'always',
  // Timed hook by hook only when `npm run bench` asks (PORTAL_BUILD_TIMINGS).
  integrations: timedIntegrations([
    mdx(),
    // The daily rebuild (PORTAL_REUSE_FROM): writes this build's page digests and logs what
    // was reused; the build command copies the unchanged record pages (src/site/reuse.ts).
    pageReuse(),
    // Names each page to the build command once it is written, so that the search extraction
    // and the safety checks read it while Astro renders the next (src/integrations/page-scan.ts).
    writtenPages(),
    // Every page but withheld-record and redirect pages (robots noindex); also as /sitemap.xml.
    // The feeds are endpoints, which the sitemap does not list by itself.
    sitemap({ customPages: FEEDS.map((f) => new URL(f.href, portal.siteUrl).href) }),
    // For the steps after Astro (the search index, then the safety checks: scripts/build.ts).
    publishedFacts(),
  ]),
  // Two pages at a time: one renders while the other's folder and file are written (one at a
  // time, the Astro process waited on the disk for about a quarter of the rendering). The
  // output is the same byte for byte; four did no better than two.
  build: { format: 'directory', concurrency: 2 },
  markdown: {
    // Case bodies: the unified pipeline the ingest check parses with, ending in the same
    // allowlist sanitizer (defence in depth: what renders is what was checked). MDX inherits it.
    processor: unified({ rehypePlugins: caseBodyRehypePlugins }),
    // Highlighting writes inline styles the allowlist would strip; cases need none.
    syntaxHighlight: false,
  },
});
