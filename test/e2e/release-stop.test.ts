/**
 * `npm run publish` stopped from outside while it builds (SIGTERM to its own process, as a CI
 * timeout, `timeout` or `kill` sends it): the build and everything it started stop with it. They
 * went on as orphans, finishing into the work folder while the next run, seeing the lock's process
 * gone, started a second build in the same checkout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIXTURE_AS_OF, FIXTURE_EXPORT, ROOT } from './support/build.ts';
import { tempDir } from '../unit/support/temp-dir.ts';

/** Live processes (not zombies): pid → [parent pid, command line]. */
function processes(): Map<number, [number, string]> {
  const out = new Map<number, [number, string]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') out.set(+name, [+ppid!, readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ')]);
    } catch {
      // it ended while we looked
    }
  }
  return out;
}

/** The live descendants of `pid`, with their command lines. */
function descendants(pid: number): Map<number, string> {
  const all = processes();
  const found = new Map<number, string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, [parent, cmd]] of all) if (!found.has(p) && (parent === pid || found.has(parent))) found.set(p, cmd), (grew = true);
  }
  return found;
}

/** Starts `args` under node, waits until Astro runs below it, stops it with SIGTERM; what ran, and how it ended. */
async function stopWhileAstroRenders(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  // Wait for Astro to be running, remembering every process below the command.
  const seen = new Map<number, string>();
  for (let i = 0; i < 1200 && ![...seen.values()].some((cmd) => cmd.includes('astro.mjs build')); i++) {
    for (const [pid, cmd] of descendants(child.pid!)) seen.set(pid, cmd);
    await sleep(50);
  }
  assert.ok([...seen.values()].some((cmd) => cmd.includes('astro.mjs build')), `Astro ran:\n${[...seen.values()].join('\n')}\n${output}`);
  process.kill(child.pid!, 'SIGTERM');
  const end = await exited;
  // Within a few seconds nothing it started is left running.
  let left: string[] = [];
  for (let i = 0; i < 100; i++) {
    const live = processes();
    left = [...seen].filter(([pid]) => live.has(pid)).map(([pid, cmd]) => `${pid} ${cmd}`);
    if (!left.length) break;
    await sleep(100);
  }
  return { ...end, output, seen: [...seen.values()], left };
}

test('publish stopped by SIGTERM while Astro renders: the build, Astro and their workers stop too, and the release fails as a failed build does', { timeout: 300_000 }, async () => {
  const out = join(tempDir('portal-stop-'), 'root');
  const run = await stopWhileAstroRenders(['scripts/publish.ts', '--from', FIXTURE_EXPORT, '--out', out, '--as-of', FIXTURE_AS_OF], {});
  assert.ok(run.seen.some((cmd) => cmd.includes('scripts/build.ts')), run.seen.join('\n'));
  assert.equal(run.code, 1, run.output);
  assert.match(run.output, /发布失败（阶段 build）：站点构建失败（SIGTERM）/);
  assert.deepEqual(run.left, [], 'processes left running after publish was stopped');
});

test('the build stopped by SIGTERM: it ends as SIGTERM would end it, leaving no process and no temporary folder', { timeout: 300_000 }, async () => {
  const temp = tempDir('portal-stop-build-');
  const tmp = join(temp, 'tmp');
  mkdirSync(tmp);
  const run = await stopWhileAstroRenders(['scripts/build.ts'], { TMPDIR: tmp, PORTAL_EXPORT: FIXTURE_EXPORT, PORTAL_AS_OF: FIXTURE_AS_OF, PORTAL_OUT_DIR: join(temp, 'site'), PORTAL_REPORT: join(temp, 'report.json') });
  assert.equal(run.signal, 'SIGTERM', run.output);
  assert.deepEqual(run.left, [], 'processes left running after the build was stopped');
  assert.deepEqual(readdirSync(tmp).filter((name) => name.startsWith('.portal-build-')), [], 'the build\'s temporary folder');
});
