/**
 * The daily rebuild's last step in the Astro process (src/site/reuse.ts decided what to reuse,
 * and the build command copies it: src/lib/release/page-copy.ts): at `astro:build:done`, this
 * build's page manifest is written for tomorrow's, and what was reused is logged. The sitemap
 * lists the reused pages too (sitemap.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PAGE_MANIFEST, type PageManifest } from '../lib/release/page-reuse.ts';
import { listedReuseState } from '../site/reuse.ts';

/** The build's log line on the record pages reused and rendered (the bench reads it). */
const reusedPagesLine = (reused: number, rendered: number) => `复用上一版本的 ${reused} 个页面，重新生成 ${rendered} 个`;
export const REUSED_PAGES = /复用上一版本的 (\d+) 个页面，重新生成 (\d+) 个/;

export default function pageReuse(): AstroIntegration {
  return {
    name: 'portal-page-reuse',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const state = listedReuseState();
        if (!state) return;
        // Every page to copy has been named to the build command before this process may exit.
        await Promise.all(state.sending);
        if (state.refused) logger.warn(`不复用上一版本的页面：${state.refused}`);
        if (state.previous) logger.info(reusedPagesLine(state.reused.size, state.digests.size - state.reused.size));
        const manifest: PageManifest = { version: 1, asOf: state.asOf, pages: Object.fromEntries([...state.digests].sort((a, b) => (a[0] < b[0] ? -1 : 1))) };
        await writeFile(join(fileURLToPath(dir), PAGE_MANIFEST), JSON.stringify(manifest));
      },
    },
  };
}
