/**
 * The daily rebuild's second half (src/site/reuse.ts decided what to copy): at
 * `astro:build:done`, before the sitemap reads the pages, every reused record page is copied
 * from the previous release with its footer's as-of date made this build's, and this build's
 * page manifest is written for tomorrow's. A page that cannot be redated fails the build: the
 * previous release is not what its manifest says.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PAGE_MANIFEST, redate, type PageManifest } from '../lib/release/page-reuse.ts';
import { listedReuseState, pageFile } from '../site/reuse.ts';

/** Pages copied at once: enough to keep the disk busy, few enough to hold little memory. */
const AT_ONCE = 64;

export default function pageReuse(): AstroIntegration {
  return {
    name: 'portal-page-reuse',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const state = listedReuseState();
        if (!state) return;
        const outDir = fileURLToPath(dir);
        if (state.refused) logger.warn(`不复用上一版本的页面：${state.refused}`);
        const previous = state.previous;
        const reused = [...state.reused];
        if (previous) {
          for (let i = 0; i < reused.length; i += AT_ONCE) {
            await Promise.all(
              reused.slice(i, i + AT_ONCE).map(async (url) => {
                const from = pageFile(previous.dir, url);
                const html = redate(await readFile(from), previous.manifest.asOf, state.asOf);
                if (html === undefined) throw new Error(`无法复用上一版本的页面 ${from}：页脚中没有数据截至 ${previous.manifest.asOf} 的一行`);
                const to = pageFile(outDir, url);
                await mkdir(dirname(to), { recursive: true });
                await writeFile(to, html);
              }),
            );
          }
          logger.info(`复用上一版本的 ${reused.length} 个记录页面，重新生成 ${state.digests.size - reused.length} 个`);
        }
        const manifest: PageManifest = { version: 1, asOf: state.asOf, pages: Object.fromEntries([...state.digests].sort((a, b) => (a[0] < b[0] ? -1 : 1))) };
        await writeFile(join(outDir, PAGE_MANIFEST), JSON.stringify(manifest));
      },
    },
  };
}
