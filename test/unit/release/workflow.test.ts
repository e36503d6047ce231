/** The daily-rebuild workflow: valid for GitHub Actions (action-validator's schema) and wired as promised. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const WORKFLOW = join(ROOT, '.github/workflows/rebuild.yml');
const validator = join(ROOT, 'node_modules/.bin/action-validator');

async function validate(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(validator, [file]);
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr };
  }
}

test('the workflow file passes the GitHub Actions workflow schema (action-validator)', async () => {
  const r = await validate(WORKFLOW);
  assert.equal(r.code, 0, r.output);
});

test('the schema check fails a workflow with an unknown trigger (the check can fail)', async () => {
  const bad = join(tempDir('portal-wf-'), 'bad.yml');
  writeFileSync(bad, readFileSync(WORKFLOW, 'utf8').replace('workflow_dispatch:', 'workflow_dispatched:'));
  assert.notEqual((await validate(bad)).code, 0);
});

interface Step {
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const wf = load(readFileSync(WORKFLOW, 'utf8')) as { on: Record<string, unknown>; jobs: { rebuild: { steps: Step[] } } };
const steps = wf.jobs.rebuild.steps;

test('it runs daily in the early morning China time, on repository_dispatch and by hand', () => {
  const cron = (wf.on.schedule as { cron: string }[])[0]!.cron;
  const [minute, hour] = cron.split(' ').map(Number);
  const china = (hour! + 8) % 24; // UTC+8, no daylight saving
  assert.ok(china >= 2 && china <= 6, `runs at ${china}:${minute} China time`);
  assert.ok('repository_dispatch' in wf.on && 'workflow_dispatch' in wf.on);
});

test('it publishes from the export URL secret, uploads the report always and deploys only on success', () => {
  const publish = steps.find((s) => s.run?.includes('npm run publish'));
  assert.equal(publish?.env?.PORTAL_EXPORT_URL, '${{ secrets.PORTAL_EXPORT_URL }}');
  const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
  assert.equal(upload?.if, 'always()');
  assert.match(upload!.with!.path!, /build-report\.json/);
  const deploys = steps.filter((s) => s.name?.startsWith('Deploy'));
  assert.equal(deploys.length, 2);
  for (const d of deploys) assert.match(d.if ?? '', /^success\(\) && /);
});

test('node_modules and Astro\'s cache are cached between runs', () => {
  const cached = steps.filter((s) => s.uses?.startsWith('actions/cache')).map((s) => s.with?.path);
  assert.ok(cached.includes('node_modules') && cached.includes('node_modules/.astro'));
});
