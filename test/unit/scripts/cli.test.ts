/** The scripts' command lines (scripts/lib/cli.ts) and serve's port, as an operator types them wrong. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseFlags, UsageError, wholeNumber } from '../../../scripts/lib/cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const USAGE = 'npm run x -- --from 目录 [--max-drop 0.2] [--tag T …]';
const options = { from: { type: 'string' }, 'max-drop': { type: 'string' }, tag: { type: 'string', multiple: true } } as const;
const said = (argv: string[]) => {
  try {
    parseFlags(argv, options, USAGE);
  } catch (e) {
    assert.ok(e instanceof UsageError);
    return e.message.split('\n')[0];
  }
  return undefined;
};

test('a flag given twice is an error, however it is written; a flag meant to repeat may', () => {
  assert.equal(said(['--from', 'a', '--from', 'b']), '选项重复：--from（只能给出一次）');
  assert.equal(said(['--from', 'a', '--from=b']), '选项重复：--from（只能给出一次）');
  assert.equal(said(['--from', 'a', '--tag', 'x', '--tag', 'y']), undefined);
  assert.deepEqual({ ...parseFlags(['--from', 'a', '--tag', 'x', '--tag', 'y'], options, USAGE) }, { from: 'a', tag: ['x', 'y'] });
});

test('a negative value says that a value may not start with a dash, not that the flag takes none', () => {
  assert.equal(said(['--max-drop', '-1']), '选项 --max-drop 的值不能以 - 开头（负数不是允许的值；确需以 - 开头时写作 --max-drop=…）');
});

test('a whole number outside its range names the range', () => {
  assert.throws(() => wholeNumber('port', '99999', 4321, 0, 65535), (e: unknown) => e instanceof UsageError && e.message === '--port 应为 0 到 65535 之间的整数：99999');
  assert.throws(() => wholeNumber('keep', '0', 7, 1), (e: unknown) => e instanceof UsageError && e.message === '--keep 应为不小于 1 的整数：0');
  assert.equal(wholeNumber('port', '65535', 4321, 0, 65535), 65535);
});

test('serve on a port in use, or out of range, says so in one line: no stack trace', async () => {
  const taken = createServer();
  await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
  const port = (taken.address() as { port: number }).port;
  const dir = tempDir('portal-serve-');
  try {
    const busy = spawnSync(process.execPath, ['scripts/serve.ts', '--dir', dir, '--port', String(port)], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    assert.equal(busy.status, 1);
    assert.equal(busy.stderr, `端口 ${port} 已被占用（另一个服务，或 astro dev 也用 4321）：用 --port 换一个端口\n`);
    const range = spawnSync(process.execPath, ['scripts/serve.ts', '--dir', dir, '--port', '99999'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    assert.equal(range.status, 2);
    assert.equal(range.stderr, '--port 应为 0 到 65535 之间的整数：99999\n');
  } finally {
    taken.close();
  }
});
