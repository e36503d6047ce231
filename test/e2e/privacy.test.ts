/**
 * No personal identity number from a column the contract does not list reaches the site:
 * a copy of the fixture export gets a 证件号码 column holding a valid 18-digit number.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSite, FIXTURE_EXPORT, ROOT, type BuiltSite } from './support/build.ts';
import { walk } from './support/site.ts';

/** GB 11643-1999 check character of the first 17 digits. */
function identityNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const ID = identityNumber('37090219850612341');
let exportDir: string;
let built: BuiltSite;

before(async () => {
  exportDir = await mkdtemp(join(tmpdir(), 'portal-privacy-export-'));
  await cp(FIXTURE_EXPORT, exportDir, { recursive: true });
  const file = join(exportDir, 'subjects.csv');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const withColumn = lines.map((line, i) => (line === '' ? line : i === 0 ? `${line},证件号码` : `${line},${ID}`));
  await writeFile(file, withColumn.join('\n'));
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/export-manifest.ts'), exportDir], { cwd: ROOT });
  built = await buildSite(exportDir);
});

after(async () => {
  if (built) await rm(built.tempDir, { recursive: true, force: true });
  if (exportDir) await rm(exportDir, { recursive: true, force: true });
});

test('the test number is a valid identity number', () => {
  assert.match(ID, /^\d{17}[\dX]$/);
});

test('an identity number in an unknown 证件号码 column appears nowhere in the built site or the report', async () => {
  let files = 0;
  for (const path of walk(built.outDir)) {
    files++;
    const bytes = await readFile(path);
    assert.ok(!bytes.includes(ID), `${path} contains the identity number`);
    assert.ok(!bytes.includes(ID.slice(0, 14)), `${path} contains most of the identity number`);
  }
  assert.ok(files > 20, 'the site was built');
  assert.ok(!(await readFile(built.reportPath, 'utf8')).includes(ID));
});
