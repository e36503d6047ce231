/**
 * One job in a child process: the reply, a throw in the child, and a child that dies without
 * replying; and a child that serves jobs one after another (ChildJobs), and one that goes away.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildJobs, runChildJob } from '../../src/lib/child-job.ts';

const lib = new URL('../../src/lib/child-job.ts', import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), 'portal-child-job-'));
const script = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, `import { answerChildJob, answerChildJobs } from '${lib}';\n${body}\n`);
  return path;
};

test('the child answers the job it was sent', async () => {
  const doubler = script('double.ts', 'answerChildJob((job: { n: number }) => ({ ok: true, n: job.n * 2 }));');
  assert.deepEqual(await runChildJob(doubler, { n: 21 }, { what: '测试' }), { ok: true, n: 42 });
});

test('a throw in the child comes back as its error, with the message', async () => {
  const thrower = script('throw.ts', "answerChildJob(() => { throw new Error('坏的输入'); });");
  const reply = (await runChildJob(thrower, {}, { what: '测试' })) as { ok: boolean; errors: string[] };
  assert.equal(reply.ok, false);
  assert.match(reply.errors[0]!, /坏的输入/);
});

test('a child that exits without replying rejects, naming what it was and its exit code', async () => {
  const quitter = script('quit.ts', 'process.exit(3);');
  await assert.rejects(runChildJob(quitter, {}, { what: '测试' }), /测试子进程异常退出（退出码 3）/);
});

test('a serving child answers jobs one after another in one process, a throw as that job\'s error, and exits when ended', async () => {
  const server = script('serve.ts', "answerChildJobs((job: { n: number }) => { if (job.n < 0) throw new Error('负数'); return { ok: true, n: job.n * 2, pid: process.pid }; });");
  const jobs = new ChildJobs<{ n: number }, { ok: boolean; n?: number; pid?: number; errors?: string[] }>(server, { what: '测试' });
  const first = await jobs.run({ n: 1 });
  const second = await jobs.run({ n: 2 });
  assert.deepEqual([first.n, second.n], [2, 4]);
  assert.equal(first.pid, second.pid);
  const failed = await jobs.run({ n: -1 });
  assert.equal(failed.ok, false);
  assert.match(failed.errors![0]!, /负数/);
  assert.equal((await jobs.run({ n: 5 })).n, 10);
  jobs.end();
  await assert.rejects(() => jobs.run({ n: 1 }), /测试子进程已退出/);
});

test('a serving child that has gone rejects the next job, and does not bring the parent down', async () => {
  // It drops the channel at once and lingers: the parent learns of the disconnect before the exit.
  const leaver = script('leave.ts', 'process.disconnect(); setTimeout(() => {}, 1500);');
  const jobs = new ChildJobs<{ n: number }, { ok: boolean }>(leaver, { what: '测试' });
  await new Promise((done) => setTimeout(done, 800));
  await assert.rejects(() => jobs.run({ n: 1 }), /测试子进程已退出/);
  const dying = script('die.ts', 'process.exit(3);');
  await assert.rejects(() => new ChildJobs<{ n: number }, { ok: boolean }>(dying, { what: '测试' }).run({ n: 1 }), /测试子进程异常退出（退出码 3）/);
});
