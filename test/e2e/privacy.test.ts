/**
 * No personal identity number from a column the contract does not list reaches the site:
 * a copy of the fixture export gets a 证件号码 column holding a valid 18-digit number.
 * The search index's files are gzip, so every gzip file is read decompressed.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { findPersonalNumbers } from '../../src/lib/identifiers/personal-numbers.ts';
import { buildSite, FIXTURE_EXPORT, ROOT, type BuiltSite } from './support/build.ts';
import { textOf, walk } from './support/site.ts';
import { tempDir } from '../unit/support/temp-dir.ts';

// GB 11643-1999 check character of 37090219850612341, by hand: the digits times the weights
// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 sum to 327; 327 mod 11 = 8; "10X98765432"[8] = 4.
const ID = '370902198506123414';
// The standard's own example number, as a second hand-checked case of a valid number.
const STANDARD_EXAMPLE = '11010519491231002X';

/** Files holding the number or most of it, in any letter case (the index lower-cases words). */
async function filesHolding(dir: string, number: string): Promise<string[]> {
  const needles = [number, number.toLowerCase(), number.slice(0, 14)];
  const found: string[] = [];
  for (const path of walk(dir)) {
    const { text } = await textOf(path);
    if (needles.some((n) => text.includes(n))) found.push(path);
  }
  return found;
}

let exportDir: string;
let built: BuiltSite;

before(async () => {
  exportDir = tempDir('portal-privacy-export-');
  await cp(FIXTURE_EXPORT, exportDir, { recursive: true });
  const file = join(exportDir, 'subjects.csv');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const withColumn = lines.map((line, i) => (line === '' ? line : i === 0 ? `${line},证件号码` : `${line},${ID}`));
  await writeFile(file, withColumn.join('\n'));
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/export-manifest.ts'), exportDir], { cwd: ROOT });
  built = await buildSite(exportDir);
});

test('the planted numbers are identity numbers the portal itself recognises', () => {
  assert.deepEqual(findPersonalNumbers(`${ID} ${STANDARD_EXAMPLE}`).map((h) => h.kind), ['identity', 'identity']);
});

test('an identity number in an unknown 证件号码 column appears nowhere in the built site, its search index, or the report', async () => {
  let files = 0;
  let gzipFiles = 0;
  for (const path of walk(built.outDir)) {
    files++;
    if ((await textOf(path)).gzip) gzipFiles++;
  }
  assert.ok(files > 20, 'the site was built');
  assert.ok(gzipFiles > 5, `the search index was read decompressed (${gzipFiles} gzip files)`);
  assert.deepEqual(await filesHolding(built.outDir, ID), []);
  assert.ok(!(await readFile(built.reportPath, 'utf8')).includes(ID));
});

test('the scan sees inside the search index: a subject code found only decompressed, and a number planted in a card', async () => {
  const cards = [...walk(join(built.outDir, 'search-index'))].filter((p) => /\/card\/\d+\.json\.gz$/.test(p));
  assert.ok(cards.length > 0, 'the index has cards');
  // 11370982MB2850005G is a subject of the fixture: its card and the postings hold it, compressed.
  const withCode = await filesHolding(join(built.outDir, 'search-index'), '11370982MB2850005G');
  assert.ok(withCode.some((p) => p.includes('/card/')), 'a card holds the subject code');
  assert.ok(withCode.some((p) => p.endsWith('.bin.gz')), 'a postings file holds the subject code');
  const planted = tempDir('portal-privacy-planted-');
  const leak = gzipSync(Buffer.concat([gunzipSync(await readFile(cards[0]!)), Buffer.from(` ${ID.toLowerCase()}`)]));
  assert.ok(!leak.includes(ID.toLowerCase()), 'compressed, the number is not in the raw bytes');
  await writeFile(join(planted, '0.json.gz'), leak);
  assert.deepEqual(await filesHolding(planted, ID), [join(planted, '0.json.gz')]);
});
