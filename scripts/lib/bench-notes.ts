/**
 * What the bench notes beside its verdicts (scripts/bench/build.ts): not targets, but causes of a
 * slower build that its times alone do not show.
 */

/** A size's full builds, as far as the notes read them. */
export interface FullBuilds {
  records: number;
  runs: readonly { pages: number; readWhileRendering: { pages: number; leftForMemory: number } }[];
}

/**
 * Full builds in which the thread that reads pages while Astro renders stopped reading because
 * its heap was nearly full (src/integrations/page-scan-worker.ts), so the steps after Astro read
 * the rest on the critical path. A slice of each page's text kept by mistake once made it stop at
 * about half, and the build took an eighth longer with nothing else to show why. That the thread
 * reads fewer pages than Astro writes is not noted: it runs at the lowest priority, beside the
 * index's shards built while Astro renders, and is meant to fall behind when the cores are busy.
 */
export function unreadWhileRendering(results: readonly FullBuilds[]): string[] {
  return results.flatMap(({ records, runs }) =>
    runs.flatMap(({ pages, readWhileRendering: read }, i) =>
      read.leftForMemory ? [`${records} records run ${i + 1}: the page-reading thread's heap filled after ${read.pages} of ${pages} pages; files left to the steps after Astro: ${read.leftForMemory}`] : [],
    ),
  );
}
