/** The tests' temp folders go when the test file's process ends, however it ends. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

const helper = new URL('./temp-dir.ts', import.meta.url).href;

/** Runs `ending` in a process of its own after it made a folder with a file in it; returns the folder. */
function folderAfter(ending: string): string {
  const script = `import { tempDir } from ${JSON.stringify(helper)}; import { writeFileSync, mkdirSync } from 'node:fs';
    const dir = tempDir('temp-dir-test-'); mkdirSync(dir + '/site/a', { recursive: true }); writeFileSync(dir + '/site/a/index.html', 'x');
    console.log(dir); ${ending}`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const dir = run.stdout.trim();
  assert.ok(dir.includes('temp-dir-test-'), run.stderr);
  return dir;
}

test('a folder is removed when the process exits normally', () => assert.equal(existsSync(folderAfter('')), false));
test('a folder is removed when a test fails (exit code 1)', () => assert.equal(existsSync(folderAfter('process.exitCode = 1;')), false));
test('a folder is removed after an uncaught error', () => assert.equal(existsSync(folderAfter("throw new Error('boom');")), false));

test('a file made with tempFile goes with its own folder, and is not in another test folder', () => {
  const script = `import { tempDir, tempFile } from ${JSON.stringify(helper)}; import { writeFileSync } from 'node:fs';
    const dir = tempDir('temp-dir-test-'); const file = tempFile('temp-dir-test-', 'lines.jsonl'); writeFileSync(file, 'x');
    console.log(JSON.stringify([dir, file]));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const [dir, file] = JSON.parse(run.stdout) as [string, string];
  assert.ok(!file.startsWith(dir + '/') && file.endsWith('/lines.jsonl'), file);
  assert.equal(existsSync(dirname(file)), false);
});
