/**
 * Names each page to the build command (scripts/build.ts) as soon as Astro has written it, so
 * that the steps after Astro (the search extraction and the safety file checks) can start on
 * it, on the core the rendering leaves idle (page-scan.ts), instead of reading every page
 * back once the Astro process has exited.
 *
 * Astro renders one page at a time (build.concurrency 1, its default) and writes each before
 * it renders the next, so when the prerenderer is asked for page N+1, page N is on disk; the
 * last page is named at `astro:build:generated`. With another concurrency or output format,
 * or without the build command's IPC channel (a bare `astro build`), nothing is sent. What is
 * checked does not rest on this: the build command reads every file of the finished build
 * and skips only those it has read already and that have not changed since.
 */
import type { AstroIntegration } from 'astro';
import { WRITTEN_BATCH, writtenFile, type WrittenFiles } from './page-scan.ts';

export default function writtenPages(): AstroIntegration {
  let oneAtATime = false;
  let written: string[] = [];
  let rendering: string | undefined;
  // A page whose file is not known is left to be read at the end.
  const wrote = () => {
    if (rendering !== undefined) written.push(rendering);
    rendering = undefined;
  };
  const send = () => {
    if (written.length) process.send!({ type: 'portal-written-files', files: written } satisfies WrittenFiles);
    written = [];
  };
  return {
    name: 'portal-written-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        oneAtATime = config.build.concurrency === 1 && config.build.format === 'directory';
      },
      'astro:build:start': ({ setPrerenderer }) => {
        if (!oneAtATime || !process.send) return;
        setPrerenderer((astro) => ({
          ...astro,
          render(request, options) {
            wrote();
            if (written.length >= WRITTEN_BATCH) send();
            rendering = writtenFile(new URL(request.url).pathname, options.routeData.type !== 'endpoint');
            return astro.render(request, options);
          },
        }));
      },
      'astro:build:generated': () => {
        if (!oneAtATime || !process.send) return;
        wrote();
        send();
      },
    },
  };
}
