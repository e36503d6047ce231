/** /data/<kind>.csv, /data/<kind>.json, /data/governance.json, /data/datapackage.json */
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { OPEN_FILE_NAMES, openFileBody, writeOpenFile } from '../../lib/open-data/files.ts';
import { buildOutDir } from '../../lib/pipeline/build-env.ts';
import { openDataIndex, openDataInput } from '../../site/store.ts';

export const getStaticPaths = (() => OPEN_FILE_NAMES.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const name = params.file!;
  const input = await openDataInput();
  const index = await openDataIndex();
  // A build writes the file itself, a thousand rows at a time, and answers with no body, which
  // Astro does not write (its log says "file not created, response body was empty"). Astro
  // holds a body whole, twice over: the two commitments tables, 250 and 300 MB at 100,000
  // records and rendered together, took the Astro process from about 1.2 to 2.8 GB.
  if (import.meta.env.PROD) {
    writeOpenFile(join(buildOutDir(), 'data', name), name, input, index);
    return new Response(null);
  }
  const type = name.endsWith('.csv') ? 'text/csv' : 'application/json';
  return new Response(openFileBody(name, input, index), { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
