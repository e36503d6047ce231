/**
 * Reading pages while the build still writes them (page-scan.ts): the safety checks and the
 * search index must come out as if every file had been read after the build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PageScanner, writtenFile, type EarlyReads } from '../../../src/integrations/page-scan.ts';
import { buildSearchIndex } from '../../../src/integrations/search-index.ts';
import { checkBuiltSiteInParallel } from '../../../src/lib/safety/checks.ts';
import { WORKER as SEARCH_WORKER } from '../support/search-index.ts';
import { tempDir, tempFile } from '../support/temp-dir.ts';

const SITE = 'https://credit.example.gov.cn';
const CHECK_WORKER = new URL('../../../src/lib/safety/check-worker.ts', import.meta.url).pathname;
// A valid 居民身份证号码 (check character X, worked out by hand), a mobile number, and an
// all-digit credit code that also passes for an identity number (checks.test.ts).
const ID = '11010519491231002X';
const MOBILE = '13912345678';
const CODE = '113709230003242409';

const page = (body: string) => `<!doctype html><html><head></head><body><main>${body}</main></body></html>`;
const record = (id: string, date: string, text: string) =>
  page(`<article data-search-body><div hidden data-search-meta data-kind="penalties" data-title="${text}" data-region="泰山区" data-date="${date}" data-status="未修复"></div><h1>${text}</h1><dl><dt>信息编号</dt><dd>${id}</dd></dl></article>`);

const write = (dir: string, files: Record<string, string>) => {
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), body);
  }
};
/** A scanner of `dir` whose extraction file is outside it, so that the checks never list it. */
const scannerFor = (dir: string) => new PageScanner(dir, tempFile('portal-page-scan-lines-', 'extraction.jsonl'), 32, SITE);

/** Names the files to the scanner, waits until they are read, and finishes it. */
async function readEarly(scanner: PageScanner, files: string[]): Promise<EarlyReads> {
  scanner.add(files);
  await scanner.settled();
  const reads = await scanner.finish();
  assert.ok(typeof reads !== 'string', reads as string);
  return reads;
}

test('a page is written to index.html in its folder, but 404.html; an endpoint under its name; a bad escape names no file', () => {
  assert.equal(writtenFile('/'), 'index.html');
  assert.equal(writtenFile('/commitments/CN2026000001/'), 'commitments/CN2026000001/index.html');
  assert.equal(writtenFile('/commitments/region/%E6%B3%B0%E5%B1%B1%E5%8C%BA/'), 'commitments/region/泰山区/index.html');
  assert.equal(writtenFile('/guide'), 'guide/index.html');
  assert.equal(writtenFile('/404/'), '404.html');
  assert.equal(writtenFile('/feeds/commitments.xml/', false), 'feeds/commitments.xml');
  assert.equal(writtenFile('/feeds/commitments.xml', false), 'feeds/commitments.xml');
  assert.equal(writtenFile('/data/open', false), 'data/open');
  assert.equal(writtenFile('/a/%E0%A4%A/'), undefined);
});

test('a page read early is cleared only with nothing left to the end; the others give the problems of reading them after', async () => {
  const dir = tempDir('portal-page-scan-');
  const outside = tempFile('portal-page-scan-outside-', 'outside.html');
  writeFileSync(outside, page(`<p>${ID}</p>`));
  // Written first and read at once. /c/ is written later; /gone/ never is. a2/ and f/ link where
  // a page read before them did, to a path that did not resolve then.
  write(dir, {
    'a/index.html': page('<a href="/c/">c</a><a href="/b/">b</a>'),
    'a2/index.html': page('<a href="/c/">c</a>'),
    'f/index.html': page('<a href="/gone/">gone</a><a href="/a/">a</a>'),
    'b/index.html': page(`<p>${MOBILE}</p><a href="/a/">a</a>`),
    'code/index.html': page(`<p>统一社会信用代码 ${CODE}</p>`),
    'e/index.html': page('<a href="javascript:alert(1)">x</a>'),
    'index.html': page('<a href="/gone/">gone</a>'),
  });
  const scanner = scannerFor(dir);
  scanner.add(['a/index.html', 'a2/index.html', 'b/index.html', 'code/index.html', 'e/index.html', 'index.html', 'f/index.html', `../${basename(dirname(outside))}/outside.html`, 'never-written/index.html']);
  await scanner.settled();
  // Written after: not named, so read after the build.
  write(dir, { 'c/index.html': page('<a href="/a/">a</a>'), 'data/x.csv': `a\n${ID}\n` });
  const early = await scanner.finish();
  assert.ok(typeof early !== 'string', early as string);
  // Worked out by hand: only a/ and a2/ had nothing left (their /c/ resolves by the end). b/ has a
  // personal number, code/ one that the end allows, e/ an unsafe URL, and the root and f/ a link
  // that never resolves.
  assert.deepEqual([...early.checked], ['a/index.html', 'a2/index.html']);
  assert.deepEqual([...early.extraction.urls].sort(), ['/', '/a/', '/a2/', '/b/', '/code/', '/e/', '/f/']);
  const options = { siteUrl: SITE, published: { identifiers: [CODE], pages: [] } };
  const problems = (checked?: ReadonlySet<string>) => checkBuiltSiteInParallel(dir, options, 2, CHECK_WORKER, checked).then((list) => list.map((p) => `${p.check} ${p.file}`));
  const expected = ['personal-number b/index.html', 'personal-number data/x.csv', 'unsafe-url e/index.html', 'broken-link f/index.html', 'broken-link index.html'];
  assert.deepEqual(await problems(early.checked), expected);
  assert.deepEqual(await problems(), expected);
  // A file cleared is not read again (here it changes after the build, which a build never does).
  write(dir, { 'a/index.html': page('<a href="/missing/">x</a>') });
  assert.deepEqual(await problems(early.checked), expected);
  assert.deepEqual(await problems(), ['broken-link a/index.html', ...expected]);
});

test('a file over half a megabyte (an open-data table, say) is left to the steps after Astro', async () => {
  const dir = tempDir('portal-page-scan-');
  write(dir, { 'a/index.html': page('<p>一</p>'), 'data/big.csv': 'a\n'.repeat(300_000) });
  const reads = await readEarly(scannerFor(dir), ['a/index.html', 'data/big.csv']);
  assert.deepEqual([...reads.checked], ['a/index.html']);
});

test('a file read before its write ended, or changed after it was read, is read after the build; the rest counts', async () => {
  const dir = tempDir('portal-page-scan-');
  const whole = record('XZCF20260001', '2026-01-01', '泰安市某公司罚款');
  write(dir, { 'a/index.html': page('<p>一</p>'), 'b/index.html': page('<p>二</p>'), 'c/index.html': whole.slice(0, 90) });
  const scanner = scannerFor(dir);
  scanner.add(['a/index.html', 'b/index.html', 'c/index.html']);
  await scanner.settled();
  // c/ was named while Astro still wrote it; b/ is rewritten with the same length, so only its modification time tells.
  appendFileSync(join(dir, 'c/index.html'), whole.slice(90));
  write(dir, { 'b/index.html': page('<p>三</p>') });
  const reads = await scanner.finish();
  assert.ok(typeof reads !== 'string', reads as string);
  assert.equal(reads.changed, 2);
  assert.deepEqual([...reads.checked], ['a/index.html']);
  assert.deepEqual([...reads.extraction.urls], ['/a/']);
  // What c/'s first 90 bytes gave is gone too: only a/ (no search markup) is counted.
  assert.deepEqual(reads.extraction.refs, []);
  assert.deepEqual(reads.extraction.errors, []);
  assert.deepEqual(reads.extraction.skipped, { noMeta: 1, noindex: 0 });
});

test('a thread that fails leaves everything to be read after the build', async () => {
  const dir = tempDir('portal-page-scan-');
  write(dir, { 'a/index.html': page('<p>一</p>') });
  // The extraction file cannot be made: the thread fails at its start.
  const failing = new PageScanner(dir, join(dir, 'no-such-folder', 'x.jsonl'), 32, SITE);
  failing.add(['a/index.html']);
  assert.match(String(await failing.finish()), /^读取线程出错/);
});

/** Every file under dir, relative, with its bytes. */
const tree = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name)).toString('base64')]),
  );

test('a search index from pages read early is the same, byte for byte, as one from pages read after', async () => {
  const files: Record<string, string> = { 'index.html': page('<p>首页</p>') };
  for (let i = 1; i <= 9; i++) files[`penalties/XZCF2026000${i}/index.html`] = record(`XZCF2026000${i}`, `2026-0${i}-0${i}`, `泰安市第${i}家公司罚款 ${i % 2 ? '泰山区' : '岱岳区'}`);
  const after = tempDir('portal-page-scan-');
  const early = tempDir('portal-page-scan-');
  write(after, files);
  write(early, files);
  process.env.PORTAL_SEARCH_PER_SHARD = '4';
  try {
    await buildSearchIndex(after, SEARCH_WORKER);
    // Some pages read early, the rest by the index's workers.
    const reads = await readEarly(scannerFor(early), ['index.html', 'penalties/XZCF20260002/index.html', 'penalties/XZCF20260005/index.html', 'penalties/XZCF20260009/index.html']);
    assert.equal(reads.extraction.refs.length, 3);
    const stats = await buildSearchIndex(early, SEARCH_WORKER, undefined, reads.extraction);
    assert.equal(stats.pagesIndexed, 9);
    assert.equal(stats.skippedNoMarkup, 1);
  } finally {
    delete process.env.PORTAL_SEARCH_PER_SHARD;
  }
  const a = tree(join(after, 'search-index'));
  assert.ok(Object.keys(a).length > 10);
  assert.deepEqual(tree(join(early, 'search-index')), a);
});
