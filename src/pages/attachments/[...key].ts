/** Publishes the attachments that published records show (signed letters, case covers), nothing else. */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

export const getStaticPaths = (async () =>
  (await getCollection('attachments')).map((a) => ({ params: { key: a.data.key }, props: { path: a.data.path } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(await readFile((props as { path: string }).path));
