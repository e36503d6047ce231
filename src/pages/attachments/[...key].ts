/** Publishes the attachments that published records show (signed letters, case covers), nothing else. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildExportDir } from '../../lib/pipeline/build-env.ts';
import { decidedExport } from '../../site/decided.ts';

export const getStaticPaths = (async () => {
  const dir = join(resolve(buildExportDir()), 'attachments');
  return (await decidedExport()).attachments.map((key) => ({ params: { key }, props: { path: join(dir, key) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(await readFile((props as { path: string }).path));
