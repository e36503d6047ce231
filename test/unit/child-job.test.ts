/**
 * One job in a child process: the reply, a throw in the child, and a child that dies without
 * replying; and a thread that serves jobs one after another (ThreadJobs), and one that dies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChildJob, stopChildJobs, ThreadJobs } from '../../src/lib/child-job.ts';
import { tempDir } from './support/temp-dir.ts';

const lib = new URL('../../src/lib/child-job.ts', import.meta.url).href;
const dir = tempDir('portal-child-job-');
const script = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, `import { answerChildJob, answerJobs } from '${lib}';\n${body}\n`);
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

test('stopChildJobs stops every child job under way (the build stopped from outside): each rejects', { timeout: 20_000 }, async () => {
  const sleeper = script('sleep.ts', 'answerChildJob(() => new Promise(() => setInterval(() => {}, 1000)));');
  const jobs = [runChildJob(sleeper, {}, { what: '测试' }), runChildJob(sleeper, {}, { what: '测试' })];
  const rejected = Promise.all(jobs.map((job) => assert.rejects(job, /测试子进程异常退出（信号 SIGTERM）/)));
  await new Promise((done) => setTimeout(done, 500));
  stopChildJobs('SIGTERM');
  await rejected;
});

test('a serving thread answers jobs one after another in one thread, a throw as that job\'s error, and ends when told', async () => {
  const server = script('serve.ts', "import { threadId } from 'node:worker_threads';\nanswerJobs((job: { n: number }) => { if (job.n < 0) throw new Error('负数'); return { ok: true, n: job.n * 2, thread: threadId }; });");
  const jobs = new ThreadJobs<{ n: number }, { ok: boolean; n?: number; thread?: number; errors?: string[] }>(server, { what: '测试', heapMB: 64 });
  const first = await jobs.run({ n: 1 });
  const second = await jobs.run({ n: 2 });
  assert.deepEqual([first.n, second.n], [2, 4]);
  assert.ok(first.thread! > 0);
  assert.equal(first.thread, second.thread);
  const failed = await jobs.run({ n: -1 });
  assert.equal(failed.ok, false);
  assert.match(failed.errors![0]!, /负数/);
  assert.equal((await jobs.run({ n: 5 })).n, 10);
  await jobs.end();
  await assert.rejects(() => jobs.run({ n: 1 }), /测试线程已退出/);
});

test('a thread that exits or runs out of heap rejects its job, and the parent goes on', async () => {
  const quitter = script('quit-thread.ts', "answerJobs(() => { process.exit(3); });");
  await assert.rejects(() => new ThreadJobs<object, { ok: boolean }>(quitter, { what: '测试', heapMB: 64 }).run({}), /测试线程异常退出（退出码 3）/);
  // Holds on to ever more: the thread's 16 MB heap runs out.
  const hog = script('hog.ts', "const kept: string[][] = [];\nanswerJobs(() => { for (;;) kept.push(Array.from({ length: 1e5 }, (_, i) => `${i}`)); });");
  const jobs = new ThreadJobs<object, { ok: boolean }>(hog, { what: '测试', heapMB: 16 });
  await assert.rejects(() => jobs.run({}), /测试线程出错/);
  await assert.rejects(() => jobs.run({}), /测试线程已退出/);
});
