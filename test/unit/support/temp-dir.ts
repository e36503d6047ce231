/**
 * A fresh folder under the system's temp folder, removed with everything in it when the test
 * file's process exits, passed or failed (node --test runs each file in a process of its own).
 * A suite run left about sixty folders behind before, some with whole built sites, on every
 * developer's machine and CI runner.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A path named `name` in a fresh temp folder of its own: for a file that must not sit among a test folder's files. */
export function tempFile(prefix: string, name: string): string {
  return join(tempDir(prefix), name);
}
