/** One job in a child process: the reply, a throw in the child, and a child that dies without replying. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChildJob } from '../../src/lib/child-job.ts';

const lib = new URL('../../src/lib/child-job.ts', import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), 'portal-child-job-'));
const script = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, `import { answerChildJob } from '${lib}';\n${body}\n`);
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
