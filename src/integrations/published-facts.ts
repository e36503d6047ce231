/**
 * Hands the pipeline's decisions to the post-build steps (post-build.ts), which run after
 * the Astro process has exited: at `astro:build:done`, when PORTAL_PUBLISHED_FACTS names a
 * file, the published record pages and identifier values (checks.ts PublishedFacts) are
 * written there. The build command (scripts/build.ts) sets it; a bare `astro build` writes
 * nothing and has no search index or safety checks.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { buildUpdates } from '../lib/release/updates.ts';
import { publishedFacts } from '../lib/safety/checks.ts';
import { decidedExport } from '../site/decided.ts';
import { PUBLISHED_FACTS_ENV } from '../lib/release/build-command.ts';

export default function publishedFactsFile(): AstroIntegration {
  return {
    name: 'portal-published-facts',
    hooks: {
      'astro:build:done': async () => {
        const path = process.env[PUBLISHED_FACTS_ENV];
        // The build's one ingest (decided.ts), not a second run of the pipeline.
        if (path) await writeFile(path, JSON.stringify(publishedFacts(await decidedExport(), buildUpdates()?.gone ?? [])));
      },
    },
  };
}
