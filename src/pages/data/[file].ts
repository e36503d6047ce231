/** /data/<kind>.csv, /data/<kind>.json, /data/governance.json, /data/datapackage.json */
import type { APIRoute, GetStaticPaths } from 'astro';
import { OPEN_FILE_NAMES, openFileBody } from '../../lib/open-data/files.ts';
import { openDataIndex, openDataInput } from '../../site/store.ts';

export const getStaticPaths = (() => OPEN_FILE_NAMES.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const name = params.file!;
  const body = openFileBody(name, await openDataInput(), await openDataIndex());
  const type = name.endsWith('.csv') ? 'text/csv' : 'application/json';
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
