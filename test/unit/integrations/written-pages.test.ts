/**
 * Naming the pages Astro has written (written-pages.ts): with `build.concurrency` pages
 * rendering at once, a page is named only once that many pages have been asked for after it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AstroPrerenderer } from 'astro';
import writtenPages from '../../../src/integrations/written-pages.ts';
import type { WrittenFiles } from '../../../src/integrations/page-scan.ts';

/** A hook called with just what this integration reads. */
type Hook = (options: unknown) => unknown;

/** Drives the integration as Astro would, with `process.send` caught; gives what it sent after each page is asked for. */
async function sentWhileRendering(concurrency: number, pages: number): Promise<string[][][]> {
  const { hooks } = writtenPages();
  const sent: string[][] = [];
  const send = process.send;
  process.send = ((m: WrittenFiles) => {
    sent.push(m.files);
    return true;
  }) as typeof process.send;
  try {
    (hooks['astro:config:done'] as Hook)({ config: { build: { format: 'directory', concurrency } } });
    let prerenderer: AstroPrerenderer | undefined;
    const astro = { name: 'astro', render: async () => new Response('<!doctype html>') } as unknown as AstroPrerenderer;
    (hooks['astro:build:start'] as Hook)({ setPrerenderer: (wrap: (p: AstroPrerenderer) => AstroPrerenderer) => (prerenderer = wrap(astro)) });
    const after: string[][][] = [];
    for (let n = 1; n <= pages; n++) {
      await prerenderer!.render(new Request(`https://credit.example.gov.cn/p/${n}/`), { routeData: { type: 'page' } } as never);
      after.push(sent.map((files) => [...files]));
    }
    (hooks['astro:build:generated'] as Hook)({});
    after.push(sent.map((files) => [...files]));
    return after;
  } finally {
    process.send = send;
  }
}

const files = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `p/${from + i}/index.html`);

test('two at a time: the first 64 pages are sent when page 66 is asked for, the rest when the pages are generated', async () => {
  const after = await sentWhileRendering(2, 70);
  // Worked out by hand: asking for page n names page n - 2; 64 names make a message, sent
  // before the next page is named.
  assert.deepEqual(after[64], []); // page 65 asked for: pages 1–63 named
  assert.deepEqual(after[65], [files(1, 64)]); // page 66: page 64 named, the 64 sent
  assert.deepEqual(after.at(-1), [files(1, 64), files(65, 70)]);
});

test('one at a time: a page is named when the next is asked for', async () => {
  const after = await sentWhileRendering(1, 70);
  assert.deepEqual(after[63], []); // page 64 asked for: pages 1–63 named
  assert.deepEqual(after[64], [files(1, 64)]);
  assert.deepEqual(after.at(-1), [files(1, 64), files(65, 70)]);
});
