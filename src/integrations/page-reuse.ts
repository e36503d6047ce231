/**
 * The daily rebuild's last step in the Astro process (src/site/reuse.ts decided what to reuse,
 * and the build command copies it: src/lib/release/page-copy.ts): at `astro:build:done`, this
 * build's page manifests are written for tomorrow's (the public one in the site, the withheld
 * records' notices' in the reads folder beside it), and what was reused is logged. The sitemap
 * lists the reused pages too, but the notices (sitemap.ts).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readsDir } from '../lib/release/page-reads.ts';
import { PAGE_MANIFEST, WITHHELD_MANIFEST, type PageManifest } from '../lib/release/page-reuse.ts';
import { listedReuseState } from '../site/reuse.ts';

/** The build's log line on the pages reused and rendered, notices included (the bench reads it). */
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
        if (state.previous) logger.info(reusedPagesLine(state.reused.size, state.digests.size + state.withheld.size - state.reused.size));
        const manifest = (digests: Map<string, string>): string => JSON.stringify({ version: 1, asOf: state.asOf, pages: Object.fromEntries([...digests].sort((a, b) => (a[0] < b[0] ? -1 : 1))) } satisfies PageManifest);
        const site = fileURLToPath(dir);
        await writeFile(join(site, PAGE_MANIFEST), manifest(state.digests));
        // The build command made the reads folder (a bare `astro build` has none, and nothing to reuse the notices with).
        if (existsSync(readsDir(site))) await writeFile(join(readsDir(site), WITHHELD_MANIFEST), manifest(state.withheld));
      },
    },
  };
}
