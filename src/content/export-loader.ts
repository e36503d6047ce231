/**
 * The content-layer loader of the model cases (诚信典型案例): Astro renders their Markdown
 * bodies. Records and subjects need no content collection: pages read them from the one
 * pipeline run (src/site/decided.ts), so the site shows exactly what `npm run validate`
 * decided, and no second copy of every row goes through Astro's data store.
 */
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import type { ModelCase } from '../lib/pipeline/ingest.ts';
import { mark } from '../integrations/build-timings.ts';
import { decidedExport } from '../site/decided.ts';

export function casesLoader(): Loader & { schema: z.ZodType<ModelCase> } {
  return {
    name: 'portal-export-cases',
    schema: z.custom<ModelCase>(),
    async load({ store, renderMarkdown }) {
      mark('validation start');
      const { cases } = await decidedExport();
      mark('validation end');
      store.clear();
      for (const c of cases) store.set({ id: c.slug, data: c as unknown as Record<string, unknown>, rendered: await renderMarkdown(c.body) });
    },
  };
}
