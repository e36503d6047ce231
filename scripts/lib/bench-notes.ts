/**
 * What the bench notes beside its verdicts (scripts/bench/build.ts): not targets, but causes of a
 * slower build that its times alone do not show.
 */

/** A size's full builds, as far as the notes read them. */
export interface FullBuilds {
  records: number;
  runs: readonly { pages: number; readWhileRendering: { pages: number } }[];
}

/** Pages the thread may leave by design: any over its largest file (the governance page of 2,420 agencies, at 100,000 records). */
const LEFT_BY_DESIGN = 0.01;

/**
 * Full builds in which the thread that reads pages while Astro renders stopped before the last
 * page (its heap limit: src/integrations/page-scan-worker.ts), so the steps after Astro read the
 * rest on the critical path. A slice of each page's text kept by mistake once made it stop at
 * about half, and the build took an eighth longer with nothing else to show why.
 */
export function unreadWhileRendering(results: readonly FullBuilds[]): string[] {
  return results.flatMap(({ records, runs }) =>
    runs.flatMap((run, i) => (run.pages - run.readWhileRendering.pages > LEFT_BY_DESIGN * run.pages ? [`${records} records run ${i + 1}: ${run.readWhileRendering.pages} of ${run.pages} pages read while Astro rendered; the rest after it`] : [])),
  );
}
