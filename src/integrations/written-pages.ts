/**
 * Names each page to the build command (scripts/build.ts) once Astro has written it, so that
 * the steps after Astro (the search extraction and the safety file checks) can start on it, on
 * the core the rendering leaves idle (page-scan.ts), instead of reading every page back once
 * the Astro process has exited.
 *
 * Astro renders `build.concurrency` pages at a time, in order, and starts the next page only
 * when one of them is written. So when the prerenderer is asked for page N + concurrency, N
 * pages are on disk, almost always pages 1 to N: page N is named then. The rest are named at
 * `astro:build:generated`. A page named before its write ended is not what the build command
 * read, which it tells by the bytes it read and the file's inode and modification time, and
 * it reads that page again after Astro. Without the build command's IPC channel (a bare
 * `astro build`), or with another output format, nothing is sent. What is checked does not
 * rest on this: the build command reads every file of the finished build and skips only
 * those it has read already and that have not changed since.
 *
 * It also renders the searchable pages first, in the search index's shard order, and tells the
 * build command that order before the first page (src/site/search-order.ts), so that the
 * command can build each shard of the index while Astro renders the rest (search-stream.ts).
 * The order changes no page: each renders from its own props.
 */
import type { AstroIntegration } from 'astro';
import { WRITTEN_BATCH, writtenFile, type WrittenFiles } from './page-scan.ts';
import { searchablesFirst, searchOrder } from '../site/search-order.ts';

export default function writtenPages(): AstroIntegration {
  let naming = false;
  let concurrency = 1;
  let siteUrl = '';
  /** Pages asked for, the oldest first, not named yet; undefined: a page whose file is not known (read at the end). */
  const rendering: (string | undefined)[] = [];
  let written: string[] = [];
  const name = (file: string | undefined) => {
    if (file !== undefined) written.push(file);
  };
  const send = () => {
    if (written.length) process.send!({ type: 'portal-written-files', files: written } satisfies WrittenFiles);
    written = [];
  };
  return {
    name: 'portal-written-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        naming = config.build.format === 'directory' && process.send !== undefined;
        concurrency = config.build.concurrency;
        siteUrl = config.site ?? '';
      },
      'astro:build:start': ({ setPrerenderer }) => {
        if (!naming) return;
        setPrerenderer((astro) => ({
          ...astro,
          async getStaticPaths() {
            // The routes register their searchable pages as Astro asks them for their paths.
            const paths = await astro.getStaticPaths();
            const order = searchOrder(siteUrl);
            process.send!(order);
            return searchablesFirst(paths, order);
          },
          render(request, options) {
            if (rendering.length >= concurrency) name(rendering.shift());
            if (written.length >= WRITTEN_BATCH) send();
            rendering.push(writtenFile(new URL(request.url).pathname, options.routeData.type !== 'endpoint'));
            return astro.render(request, options);
          },
        }));
      },
      'astro:build:generated': () => {
        if (!naming) return;
        rendering.splice(0).forEach(name);
        send();
      },
    },
  };
}
