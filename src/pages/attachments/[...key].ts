/**
 * Publishes the attachments that published records show (signed letters, case covers),
 * nothing else. The build command copies them from the export while Astro renders the pages
 * (page-copy.ts): a file copy, where an endpoint cost Astro's rendering thread a few
 * milliseconds each. A bare `astro build` has no build command to send them to: it renders them.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildExportDir } from '../../lib/pipeline/build-env.ts';
import { sendToCopier, type CopiedFiles } from '../../lib/release/page-copy.ts';
import { decidedExport } from '../../site/decided.ts';

/** Sent once, however often Astro lists the paths. */
let sending: Promise<void> | undefined;

export const getStaticPaths = (async () => {
  const dir = join(resolve(buildExportDir()), 'attachments');
  const keys = (await decidedExport()).attachments;
  if (!process.send) return keys.map((key) => ({ params: { key }, props: { path: join(dir, key) } }));
  const message: CopiedFiles = { type: 'portal-copied-files', from: dir, to: 'attachments', keys };
  sending ??= sendToCopier(message);
  await sending;
  return [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(await readFile((props as { path: string }).path));
