/**
 * The content-layer loader: fills each collection from the one pipeline run, so the site
 * shows exactly what `npm run validate` decided. Records are stored already validated and
 * decided; `z.custom` gives pages their exact types without validating them twice.
 */
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { join, resolve } from 'node:path';
import { buildExportDir, ingestForBuild } from '../lib/pipeline/build-input.ts';
import type { IngestResult } from '../lib/pipeline/ingest.ts';
import type { ExportInfo } from '../lib/site/records.ts';
import type { GovernanceHistory } from '../lib/governance/history.ts';

type Collected = Omit<IngestResult, 'report' | 'manifest' | 'attachments' | 'history'> & {
  attachments: { key: string; path: string }[];
  exportInfo: ExportInfo[];
  /** One entry: the governance history, for /governance/'s trends only (no page reads it). */
  governanceHistory: GovernanceHistory[];
};
type Entry<K extends keyof Collected> = Collected[K][number];

const keyOf: { [K in keyof Collected]: (entry: Entry<K>) => string } = {
  subjects: (s) => s.creditCode,
  commitments: (c) => c.id,
  penalties: (p) => p.id,
  enforcement: (e) => e.id,
  dishonest: (d) => d.id,
  honors: (h) => h.id,
  cases: (c) => c.slug,
  withheld: (w) => `${w.kind}/${w.id}`,
  attachments: (a) => a.key,
  exportInfo: () => 'export',
  governanceHistory: () => 'history',
};

function collected(result: IngestResult): Collected {
  const { report, manifest, attachments, history, ...records } = result;
  return {
    ...records,
    governanceHistory: [history],
    attachments: attachments.map((key) => ({ key, path: join(resolve(buildExportDir()), 'attachments', key) })),
    exportInfo: [{ platform: manifest.platform, exportedAt: manifest.exported_at, asOf: report.as_of, sample: manifest.sample ?? false }],
  };
}

export function exportLoader<K extends keyof Collected>(kind: K): Loader & { schema: z.ZodType<Entry<K>> } {
  return {
    name: `portal-export-${kind}`,
    schema: z.custom<Entry<K>>(),
    async load({ store, renderMarkdown }) {
      const result = collected(await ingestForBuild());
      store.clear();
      for (const entry of result[kind] as Entry<K>[]) {
        const id = keyOf[kind](entry);
        const rendered = kind === 'cases' ? await renderMarkdown((entry as Entry<'cases'>).body) : undefined;
        store.set({ id, data: entry as Record<string, unknown>, ...(rendered ? { rendered } : {}) });
      }
    },
  };
}
