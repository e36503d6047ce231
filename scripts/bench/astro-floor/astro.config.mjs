// @ts-check
/**
 * The Astro floor of the build benchmark (scripts/bench/build.ts): a site with nothing but
 * ASTRO_FLOOR_PAGES pages of about ASTRO_FLOOR_BYTES bytes of fixed text, one route, no
 * components and no data, built with the portal's own build options (astro.config.mjs). Its
 * time is what Astro alone needs to write that many pages on this machine.
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.ASTRO_FLOOR_OUT,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 2 },
});
