/**
 * How a build learns what changed: `npm run publish` compares the new export with the live
 * release and writes an updates file; the build reads it from PORTAL_UPDATES and renders
 * /updates/, /changes.json and /updates/history.json from it. Without PORTAL_UPDATES (a
 * plain `npm run build`) the site builds with an empty history.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { changesSchema, historySchema, recordRef, type Changes, type History } from './changes.ts';

export const updatesFileSchema = z.object({
  /** This release against the one it replaces. */
  changes: changesSchema,
  /** Every release that changed something, newest first (this one included when it did). */
  history: historySchema,
  /** Records once on the site that this export no longer has (ReleaseDigest.gone): their addresses keep a notice. */
  gone: z.array(recordRef).default([]),
  /** A case's earlier URL key → its key today: every redirect of the release (ReleaseDigest.moved), those of earlier releases too. */
  moved: z.record(z.string(), z.string()).default({}),
});
export type UpdatesFile = z.infer<typeof updatesFileSchema>;

export const UPDATES_ENV = 'PORTAL_UPDATES';

/** The build's updates, or none (first release, plain build). A broken file stops the build. */
export function buildUpdates(path = process.env[UPDATES_ENV]): UpdatesFile | undefined {
  if (!path) return undefined;
  const parsed = updatesFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${UPDATES_ENV}=${path} 不是有效的更新记录文件：${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；')}`);
  return parsed.data;
}

/** changes.json of a build without a previous release to compare with. */
export const noPreviousRelease = (asOf: string, exportedAt: string): Changes => ({ as_of: asOf, exported_at: exportedAt, previous: null, published: [], withdrawn: [], changed: [] });

export type { Changes, History };
