/** /data/<kind>.csv, /data/<kind>.json, /data/governance.json, /data/datapackage.json */
import type { APIRoute, GetStaticPaths } from 'astro';
import { OPEN_FILE_NAMES, openFileBody } from '../../lib/open-data/files.ts';
import { openDataIndex, openDataInput } from '../../site/store.ts';

export const getStaticPaths = (() => OPEN_FILE_NAMES.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const name = params.file!;
  const index = await openDataIndex();
  // In a build the index has written the file, a thousand rows at a time (files.ts), and this
  // answers with no body, which Astro does not write (its log says "file not created, response
  // body was empty"). Astro holds a body whole, twice over: the two commitments tables, 250
  // and 300 MB at 100,000 records and rendered together, took the Astro process from about
  // 1.2 to 2.8 GB.
  if (import.meta.env.PROD) return new Response(null);
  const input = await openDataInput();
  const type = name.endsWith('.csv') ? 'text/csv' : 'application/json';
  return new Response(openFileBody(name, input, index), { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
