import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../support/temp-dir.ts';

const MODULE = pathToFileURL(resolve(import.meta.dirname, '../../../src/integrations/build-timings.ts')).href;

/** Runs a snippet in a fresh process, where the module reads PORTAL_BUILD_TIMINGS as a build would. */
function run(code: string, env: Record<string, string>): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', `import { timedIntegrations, mark } from '${MODULE}';\n${code}`], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

const SNIPPET = `
const hooks = { 'astro:build:done': async () => { await new Promise((ok) => setTimeout(ok, 20)); return 'done'; } };
const original = { name: 'portal-search-index', hooks };
const list = timedIntegrations([original]);
mark('validation start');
const wrapped = list.find((i) => i.name === 'portal-search-index');
console.log(JSON.stringify({ same: list.length === 1 && list[0] === original, names: list.map((i) => i.name), result: await wrapped.hooks['astro:build:done']() }));
`;

test('without PORTAL_BUILD_TIMINGS a build gets exactly the integrations it was given', () => {
  const out = JSON.parse(run(SNIPPET, { PORTAL_BUILD_TIMINGS: '' }));
  assert.equal(out.same, true);
  assert.equal(out.result, 'done');
});

test('with PORTAL_BUILD_TIMINGS every hook writes its start and end, between two bare markers', () => {
  const file = join(tempDir('timings-'), 'marks.jsonl');
  const out = JSON.parse(run(SNIPPET, { PORTAL_BUILD_TIMINGS: file }));
  assert.deepEqual(out.names, ['portal-timings-first', 'portal-search-index', 'portal-timings-last']);
  assert.equal(out.result, 'done', 'the hook still returns what it returned');
  const marks = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { name: string; at: number });
  assert.deepEqual(marks.map((m) => m.name), ['validation start', 'portal-search-index astro:build:done start', 'portal-search-index astro:build:done end']);
  assert.ok(marks[2]!.at - marks[1]!.at >= 15, 'the span covers the hook’s own 20 ms');
});
