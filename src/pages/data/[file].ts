/** /data/<kind>.csv, /data/<kind>.json, /data/governance.json, /data/datapackage.json */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { OpenFile } from '../../lib/open-data/files.ts';
import { openData } from '../../site/store.ts';

export const getStaticPaths = (async () => (await openData()).map((f) => ({ params: { file: f.name }, props: { f } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { f } = props as { f: OpenFile };
  return new Response(f.body, { headers: { 'Content-Type': `${f.mediatype}; charset=utf-8` } });
};
