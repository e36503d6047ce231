/**
 * The export as the pipeline decided it, once per build process. The content loader (run
 * under Vite's module runner) and the prerendered pages (Astro's server bundle) are separate
 * module instances in the one Node process, so the result is kept on globalThis: the pages
 * read the records the loader's ingest decided, instead of a serialized copy of them in
 * Astro's data store. A process that never ran the loader runs the same pipeline itself.
 */
import { ingestForBuild } from '../lib/pipeline/build-input.ts';
import type { IngestResult } from '../lib/pipeline/ingest.ts';

const KEY = Symbol.for('integrity-portal.decided-export');
type Shared = { [KEY]?: Promise<IngestResult> };

export function decidedExport(): Promise<IngestResult> {
  const shared = globalThis as Shared;
  shared[KEY] ??= ingestForBuild();
  return shared[KEY];
}
