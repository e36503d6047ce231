/** The post-build safety checks over a small hand-made output folder. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkBuiltSite, checkBuiltSiteInParallel, checkRecordPages, publishedFacts, type PublishedFacts } from '../../../src/lib/safety/checks.ts';
import type { PublishedRecords } from '../../../src/lib/pipeline/ingest.ts';
import { tempDir } from '../support/temp-dir.ts';

const SITE = 'https://credit.example.gov.cn';
// 11010519491231002X: a valid 居民身份证号码 (GB 11643 check character X, worked out by hand); 13912345678: a mobile number.
const ID = '11010519491231002X';
const MOBILE = '13912345678';

function site(files: Record<string, string | Buffer>): string {
  const dir = tempDir('portal-safety-');
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), body);
  }
  return dir;
}
const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body><main>${body}</main></body></html>`;
const checks = (dir: string) => checkBuiltSite(dir, { siteUrl: SITE }).map((p) => `${p.check} ${p.file}`);

test('a data file is read a megabyte at a time: a number across two reads is found once, and one of the build passes', () => {
  const MiB = 1 << 20;
  // ASCII only, so characters are bytes: the mobile number starts 5 bytes before the first MiB ends; the code stands alone later.
  const head = `a\n${'1,'.repeat((MiB - 5 - 2) / 2)}`;
  // An all-digit credit code of the build, which passes for an identity number (see below).
  const code = '113709230003242409';
  const body = `${head}\n${MOBILE}\n${'2,'.repeat(MiB / 4)}\n${code}\n`;
  assert.equal(body.indexOf(MOBILE), MiB - 5);
  const dir = site({ 'data/big.csv': body });
  const problems = checkBuiltSite(dir, { siteUrl: SITE, published: { identifiers: [code], pages: [] } });
  assert.deepEqual(problems.map((p) => `${p.check} ${p.file}`), ['personal-number data/big.csv']);
  assert.ok(!problems[0]!.message.includes(MOBILE));
});

test('a clean site with internal links, an own-host absolute URL and external links passes', () => {
  const dir = site({
    'index.html': page('<a href="/a/">a</a> <a href="a/">rel</a> <a href="https://www.gov.cn/">gov</a> <a href="mailto:x@y.cn">m</a> <a href="tel:12345">t</a> <a href="#top">top</a>', `<link rel="canonical" href="${SITE}/"><link rel="stylesheet" href="/s.css">`),
    'a/index.html': page('<img src="../p.png" alt=""><a href="/data/x.csv">csv</a> 电话 0538-8266019，编号 CN2026000011'),
    's.css': 'body{background:url(/p.png)}',
    'p.png': Buffer.from([0x89, 0x50]),
    'data/x.csv': 'a,b\n1,2\n',
  });
  assert.deepEqual(checks(dir), []);
});

test('an identity or mobile number is found in pages, JSON, CSV, feeds and the gzip search index', () => {
  const dir = site({
    'index.html': page(`<p>身份证 ${ID}</p>`),
    'data/x.json': JSON.stringify({ phone: MOBILE }),
    'data/x.csv': `a\n${MOBILE}\n`,
    'feed.xml': `<rss><item><title>${ID}</title></item></rss>`,
    'search-index/r0/card/0.json.gz': gzipSync(Buffer.from(`{"text":"联系 ${MOBILE}"}`)),
  });
  assert.deepEqual(checks(dir), ['personal-number data/x.csv', 'personal-number data/x.json', 'personal-number feed.xml', 'personal-number index.html', 'personal-number search-index/r0/card/0.json.gz']);
  // The number itself never appears in the message.
  assert.ok(checkBuiltSite(dir, { siteUrl: SITE }).every((p) => !p.message.includes(ID) && !p.message.includes(MOBILE)));
});

test('the checks shared among worker processes find the same problems, in the output\'s file order', async () => {
  const dir = site({
    'a/index.html': page('<a href="/missing/">x</a>'),
    'b/index.html': page(`<p>${MOBILE}</p><a href="/a/">a</a>`),
    'c/index.html': page('<a href="/a/">a</a>'),
    'data/x.csv': `a\n${ID}\n`,
    'index.html': page(`<p>身份证 ${ID}</p><a href="/gone/">gone</a>`),
    'search-index/r0/card/0.json.gz': gzipSync(Buffer.from(`{"text":"联系 ${MOBILE}"}`)),
  });
  const worker = new URL('../../../src/lib/safety/check-worker.ts', import.meta.url).pathname;
  // Worked out by hand: files in sorted order, a file's problems in the order they are on it;
  // then the records' pages, in the order of the records (/commitments/C1/ has none).
  const expected = ['broken-link a/index.html', 'personal-number b/index.html', 'personal-number data/x.csv', 'personal-number index.html', 'broken-link index.html', 'personal-number search-index/r0/card/0.json.gz', 'record-page /commitments/C1/'];
  const published: PublishedFacts = { identifiers: [], pages: [{ kind: 'commitments', id: 'C1', url: '/commitments/C1/' }, { kind: 'commitments', id: 'A', url: '/a/' }] };
  for (const workers of [1, 2, 4]) {
    const found = await checkBuiltSiteInParallel(dir, { siteUrl: SITE, published }, workers, worker);
    assert.deepEqual(found.map((p) => `${p.check} ${p.file}`), expected, `${workers} workers`);
  }
  assert.deepEqual(checkBuiltSite(dir, { siteUrl: SITE, published }).map((p) => `${p.check} ${p.file}`), expected);
});

test('anything loaded from another host fails: script, image, stylesheet, iframe, srcset, CSS url()', () => {
  for (const [what, html, extra] of [
    ['script', '<script src="https://cdn.example.com/x.js"></script>', {}],
    ['protocol-relative image', '<img src="//cdn.example.com/x.png" alt="">', {}],
    ['stylesheet', '', { head: '<link rel="stylesheet" href="http://fonts.example.com/a.css">' }],
    ['iframe', '<iframe src="https://map.example.com/"></iframe>', {}],
    ['srcset', '<img src="/p.png" srcset="/p.png 1x, https://cdn.example.com/p2.png 2x" alt="">', {}],
    ['inline style', '<div style="background:url(https://cdn.example.com/b.png)"></div>', {}],
  ] as const) {
    const dir = site({ 'index.html': page(html, 'head' in extra ? extra.head : ''), 'p.png': 'x' });
    assert.deepEqual(checks(dir), ['external-load index.html'], what);
  }
  assert.deepEqual(checks(site({ 'index.html': page(''), 'x.css': '@import "https://cdn.example.com/y.css";' })), ['external-load x.css']);
});

test('javascript: and data: links fail, also entity-encoded, mixed-case or with a tab inside', () => {
  for (const href of ['javascript:alert(1)', '&#106;avascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' data:text/html,<b>x</b>', 'vbscript:x']) {
    const dir = site({ 'index.html': page(`<a href="${href}">x</a>`) });
    assert.deepEqual(checks(dir), ['unsafe-url index.html'], href);
  }
  assert.deepEqual(checks(site({ 'index.html': page('<img src="data:image/png;base64,AAAA" alt="">') })), ['unsafe-url index.html']);
  assert.deepEqual(checks(site({ 'index.html': page('<form action="javascript:x"></form>') })), ['unsafe-url index.html']);
});

test('an internal link to a page or file the build does not have fails; a folder needs its slash', () => {
  const dir = site({ 'index.html': page(`<a href="/missing/">a</a><a href="${SITE}/gone.csv">b</a><a href="/a">c</a>`), 'a/index.html': page('') });
  assert.deepEqual(checks(dir), ['broken-link index.html', 'broken-link index.html', 'broken-link index.html']);
});

test('a relative link resolves from its own page, each of several on a page', () => {
  // From /b/, x/ and ./y/ are /b/x/ and /b/y/ (written); ../b/z/ is /b/z/ (not written); from the root, x/ would be /x/.
  const dir = site({ 'index.html': page(''), 'b/index.html': page('<a href="x/">x</a><a href="./y/">y</a><a href="../b/z/">z</a>'), 'b/x/index.html': page(''), 'b/y/index.html': page('') });
  assert.deepEqual(checks(dir), ['broken-link b/index.html']);
});

const records = (over: Partial<PublishedRecords>): PublishedRecords =>
  ({ subjects: [], commitments: [], penalties: [], enforcement: [], dishonest: [], honors: [], cases: [], withheld: [], ...over }) as PublishedRecords;
const withheldPage = (main: string) => `<!doctype html><html><head><meta name="robots" content="noindex" /></head><body><main>${main}</main></body></html>`;

test('a published record without its page fails; a withheld page that shows details fails', () => {
  const dir = site({
    'commitments/C1/index.html': page('<dl><dt>内容</dt></dl>'),
    'penalties/P1/index.html': withheldPage('<div class="panel"><h1>该信息已依法停止公示</h1><p>原因</p></div>'),
    'penalties/P2/index.html': withheldPage('<div class="panel"><h1>该信息已依法停止公示</h1></div><dl class="fields"><dt>违法事实</dt></dl>'),
    'penalties/P3/index.html': page('<h1>该信息已依法停止公示</h1>'), // not noindex
  });
  const problems = checkRecordPages(
    dir,
    publishedFacts(records({
      commitments: [{ id: 'C1' }, { id: 'C2' }] as PublishedRecords['commitments'],
      withheld: [
        { kind: 'penalties', id: 'P1', reason: 'repaired' },
        { kind: 'penalties', id: 'P2', reason: 'repaired' },
        { kind: 'penalties', id: 'P3', reason: 'repaired' },
        { kind: 'penalties', id: 'P4', reason: 'repaired' },
      ],
    }), []).pages,
  ).map((p) => `${p.check} ${p.file}`);
  assert.deepEqual(problems, ['record-page /commitments/C2/', 'withheld-page /penalties/P2/', 'withheld-page /penalties/P3/', 'withheld-page /penalties/P4/']);
});

test("a record gone from the export needs its notice, which does not say 依法: the portal does not know why it went", () => {
  const dir = site({
    'commitments/C8/index.html': withheldPage('<div class="panel"><h1>该信息已停止公示</h1></div>'),
    'commitments/C9/index.html': withheldPage('<div class="panel"><h1>该信息已依法停止公示</h1></div>'),
  });
  const pages = publishedFacts(records({}), [{ kind: 'commitments', id: 'C7' }, { kind: 'commitments', id: 'C8' }, { kind: 'commitments', id: 'C9' }]).pages;
  assert.deepEqual(checkRecordPages(dir, pages).map((p) => `${p.check} ${p.file}`), ['withheld-page /commitments/C7/', 'withheld-page /commitments/C9/']);
});

test('given the pages of the search index, a published record page missing from them fails (the sitemap lists it unread); withheld pages need not be there', () => {
  const dir = site({
    'commitments/C1/index.html': page(''),
    'commitments/C2/index.html': page(''),
    'penalties/P1/index.html': withheldPage('<div class="panel"><h1>该信息已依法停止公示</h1></div>'),
  });
  const pages = publishedFacts(
    records({ commitments: [{ id: 'C1' }, { id: 'C2' }] as PublishedRecords['commitments'], withheld: [{ kind: 'penalties', id: 'P1', reason: 'repaired' }] }),
    [],
  ).pages;
  const found = (indexed?: string[]) => checkRecordPages(dir, pages, indexed && new Set(indexed)).map((p) => `${p.check} ${p.file}`);
  assert.deepEqual(found(['/commitments/C1/']), ['record-page /commitments/C2/']);
  assert.deepEqual(found(['/commitments/C1/', '/commitments/C2/']), []);
  assert.deepEqual(found(), []);
});

test('an all-digit 统一社会信用代码 of the build that passes for an identity number is not a leak; the same digits elsewhere are', () => {
  // 113709230003242409: a credit code of the synthetic export; as an identity number its birth date 2300-03-24 and check digit 9 are valid.
  const code = '113709230003242409';
  const dir = site({ 'index.html': page(`<a href="/subjects/${code}/">东平县民政局（${code}）</a>`), [`subjects/${code}/index.html`]: page('') });
  const withSubject = records({ subjects: [{ creditCode: code }] as PublishedRecords['subjects'] });
  assert.deepEqual(checkBuiltSite(dir, { siteUrl: SITE, published: publishedFacts(withSubject, []) }).filter((p) => p.check === 'personal-number'), []);
  assert.deepEqual(checks(dir), ['personal-number index.html', 'personal-number index.html']); // the link and the text
});
