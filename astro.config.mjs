// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import portal from './portal.config.ts';

export default defineConfig({
  site: portal.siteUrl,
  // Tests and the rebuild-and-swap pipeline build into a folder of their own.
  outDir: process.env.PORTAL_OUT_DIR ?? 'dist',
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory' },
});
