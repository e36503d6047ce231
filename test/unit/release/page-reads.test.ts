import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asOfLine, PageCopier, type CopiedReads } from '../../../src/lib/release/page-copy.ts';
import { bytesDigest, keptLinks, keptPages, linkPaths, loadPageReads, PageFacts, pageReadsIndex, pageReadsIndexPath, readsDir, type PreviousReads, type ReadPage } from '../../../src/lib/release/page-reads.ts';
import { tempDir } from '../support/temp-dir.ts';

const page = (asOf: string, body: string) => Buffer.from(`<html><body><main>${body}</main><footer class="site-footer">${asOfLine(asOf)}</footer></body></html>`);

const PATHS = ['/', '/subjects/S0/', '/subjects/S1/', '/subjects/S2/'];

/** A previous release: its pages, and its reads of them (one line each in early.jsonl), page i linking to / and /subjects/S(i mod 3)/. */
function previousRelease(root: string, urls: string[]) {
  const site = join(root, 'previous');
  const reads = readsDir(site);
  mkdirSync(reads, { recursive: true });
  let offset = 0;
  const lines: string[] = [];
  const pages: ReadPage[] = urls.map((url, i) => {
    mkdirSync(join(site, url), { recursive: true });
    const bytes = page('2026-11-28', `<p>${url}</p>`);
    writeFileSync(join(site, url, 'index.html'), bytes);
    const line = `{"url":"${url}","blocks":["第${i}页"]}\n`;
    lines.push(line);
    const ref = { url, kind: 'commitments', date: '2026-11-0' + (i + 1), region: '泰山区', status: '', file: join(reads, 'early.jsonl'), offset, length: Buffer.byteLength(line) };
    offset += ref.length;
    return { url, ref, digest: bytesDigest(bytes), links: { paths: PATHS, ids: `0,${(i % 3) + 1}` } };
  });
  writeFileSync(join(reads, 'early.jsonl'), lines.join(''));
  writeFileSync(pageReadsIndexPath(reads), pageReadsIndex(reads, pages));
  return { site, lines };
}

test('the reads kept beside a site come back as they were written; rows of another shape are left out', async () => {
  const root = tempDir('page-reads-');
  const { site } = previousRelease(root, ['/commitments/A/', '/commitments/B/']);
  const loaded = loadPageReads(site);
  assert.ok(loaded.ok);
  const a = loaded.get('/commitments/A/')!;
  assert.deepEqual(linkPaths(a.links), ['/', '/subjects/S0/']);
  assert.deepEqual(linkPaths(loaded.get('/commitments/B/')!.links), ['/', '/subjects/S1/']);
  assert.equal(a.ref!.file, join(readsDir(site), 'early.jsonl'));
  assert.deepEqual([a.ref!.offset, loaded.get('/commitments/B/')!.ref!.offset], [0, a.ref!.length]);
  assert.equal(loaded.get('/commitments/C/'), undefined);
  // A hostile index: a row naming a file outside the folder, a link number past the table.
  const index = JSON.parse(readFileSync(pageReadsIndexPath(readsDir(site)), 'utf8'));
  index.pages[0][1] = '../../etc/passwd.jsonl';
  index.pages[1][10] = '0,7';
  writeFileSync(pageReadsIndexPath(readsDir(site)), JSON.stringify(index));
  const hostile = loadPageReads(site);
  assert.ok(hostile.ok);
  assert.deepEqual([hostile.get('/commitments/A/'), hostile.get('/commitments/B/')], [undefined, undefined]);
  // No file, as a page without search markup is kept, but bytes to read from it.
  index.pages[0][1] = '';
  writeFileSync(pageReadsIndexPath(readsDir(site)), JSON.stringify(index));
  assert.equal((loadPageReads(site) as PreviousReads).get('/commitments/A/'), undefined);
  // An older build's reads (version 1: lines without their result cards).
  writeFileSync(pageReadsIndexPath(readsDir(site)), JSON.stringify({ ...index, version: 1 }));
  assert.match((loadPageReads(site) as { reason: string }).reason, /格式不符/);
  assert.match((loadPageReads(join(root, 'none')) as { reason: string }).reason, /无法读取/);
});

test('a copied page is not read again when its bytes are the bytes its release read: its line is copied, its new bytes digested', { timeout: 10_000 }, async () => {
  const root = tempDir('page-reads-');
  const urls = ['/commitments/A/', '/commitments/B/', '/commitments/C/'];
  const { site, lines } = previousRelease(root, urls);
  // C changed after its release read it (or the reads are another site's): it is read again.
  writeFileSync(join(site, urls[2]!, 'index.html'), page('2026-11-28', '<p>changed</p>'));
  const out = join(root, 'site');
  const reads = readsDir(out);
  mkdirSync(reads, { recursive: true });
  const copier = new PageCopier(out, reads);
  copier.add({ type: 'portal-reused-pages', from: site, fromAsOf: '2026-11-28', toAsOf: '2026-11-30', urls });
  await copier.idle();
  const { pages, refused } = copier.finishReads();
  assert.deepEqual(refused, []);
  assert.deepEqual(pages.map((p) => p.url).sort(), urls.slice(0, 2));
  const kept = readFileSync(join(reads, 'reused.jsonl'));
  for (const { url, ref, digest, links } of pages) {
    const i = urls.indexOf(url);
    assert.equal(ref!.url, url);
    assert.equal(kept.subarray(ref!.offset, ref!.offset + ref!.length).toString(), lines[i]);
    assert.equal(digest, bytesDigest(page('2026-11-30', `<p>${url}</p>`)));
    assert.deepEqual(linkPaths(links), ['/', `/subjects/S${i}/`]);
    assert.equal(ref!.date, `2026-11-0${i + 1}`);
  }
  // No reads beside the previous folder: none reused, and why.
  const bare = new PageCopier(join(root, 'site2'), reads);
  bare.add({ type: 'portal-reused-pages', from: join(root, 'site'), fromAsOf: '2026-11-30', toAsOf: '2026-12-01', urls: urls.slice(0, 1) });
  await bare.idle();
  const none = bare.finishReads();
  assert.deepEqual(none.pages, []);
  assert.match(none.refused[0]!, /无法读取/);
});

test('the pages named first are copied first, in that order; each copied line is told as it is written, those before the listener at once', { timeout: 10_000 }, async () => {
  const root = tempDir('page-reads-');
  const urls = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((id) => `/commitments/${id}/`);
  const { site, lines } = previousRelease(root, urls);
  const out = join(root, 'site');
  const reads = readsDir(out);
  mkdirSync(reads, { recursive: true });
  const copier = new PageCopier(out, reads);
  // C changed after its release read it: copied, and to be read again.
  writeFileSync(join(site, urls[2]!, 'index.html'), page('2026-11-28', '<p>changed</p>'));
  const told: string[] = [];
  const unread: string[] = [];
  const follow = ({ refs, unread: again }: CopiedReads) => {
    unread.push(...again);
    for (const ref of refs) {
      // Already in the file the stream reads it from.
      assert.equal(readFileSync(ref.file).subarray(ref.offset, ref.offset + ref.length).toString(), lines[urls.indexOf(ref.url)]);
      told.push(ref.url);
    }
  };
  // G and H are copied before the order is known: told at once when followed.
  copier.add({ type: 'portal-reused-pages', from: site, fromAsOf: '2026-11-28', toAsOf: '2026-11-30', urls: urls.slice(6) });
  await copier.idle();
  copier.add({ type: 'portal-reused-pages', from: site, fromAsOf: '2026-11-28', toAsOf: '2026-11-30', urls: urls.slice(0, 6) });
  copier.followReads(follow);
  assert.deepEqual(told, ['/commitments/H/', '/commitments/G/']);
  // The shard order: E, B, D. Then the rest as the copier takes them, the last named first (F, C, A): by hand.
  copier.prioritize(['/commitments/E/', '/commitments/B/', '/commitments/X/', '/commitments/D/']);
  await copier.idle();
  assert.deepEqual(told, ['H', 'G', 'E', 'B', 'D', 'F', 'A'].map((id) => `/commitments/${id}/`));
  assert.deepEqual(unread, ['/commitments/C/']);
  assert.deepEqual(copier.finishReads().pages.map((p) => p.ref!.url), told);
});

test('pages of several readers, each with its own table of link paths, are kept with their own links', async () => {
  const root = tempDir('page-reads-');
  const site = join(root, 'site');
  const dir = readsDir(site);
  const one = new PageFacts();
  const two = new PageFacts();
  one.add('/a/', 'd1', ['/x/', '/y/']);
  one.add('/b/', 'd2', undefined); // a personal-number hit, say: not kept
  two.add('/c/', 'd3', ['/y/', '/z/', '/x/']);
  two.add('/d/', 'd4', []);
  // A list page: no search markup, so no extraction line, only its links.
  two.add('/e/', 'd5', ['/z/']);
  const ref = (url: string, file: string) => ({ url, kind: 'commitments', date: '', region: '', status: '', file: join(dir, file), offset: 0, length: 1 });
  mkdirSync(dir, { recursive: true });
  writeFileSync(pageReadsIndexPath(dir), pageReadsIndex(dir, [...keptPages([ref('/a/', 'one.jsonl'), ref('/b/', 'one.jsonl')], one.sent), ...keptPages([ref('/c/', 'two.jsonl'), ref('/d/', 'two.jsonl')], two.sent)]));
  const loaded = loadPageReads(site);
  assert.ok(loaded.ok);
  assert.deepEqual(loaded.urls(), ['/a/', '/c/', '/d/', '/e/']);
  assert.deepEqual(['/a/', '/c/', '/d/', '/e/'].map((url) => linkPaths(loaded.get(url)!.links)), [['/x/', '/y/'], ['/y/', '/z/', '/x/'], [], ['/z/']]);
  assert.deepEqual(['/a/', '/c/'].map((url) => [loaded.get(url)!.digest, loaded.get(url)!.ref!.file]), [['d1', join(dir, 'one.jsonl')], ['d3', join(dir, 'two.jsonl')]]);
  assert.deepEqual(loaded.get('/e/'), { url: '/e/', digest: 'd5', links: { paths: ['/x/', '/y/', '/z/'], ids: '2' } });
});

test('a copied page without search markup is not read again either: its links are kept, no line', { timeout: 10_000 }, async () => {
  const root = tempDir('page-reads-');
  const site = join(root, 'previous');
  const list = '/commitments/region/泰山区/';
  const bytes = page('2026-11-28', '<a href="/subjects/S1/">S1</a>');
  mkdirSync(join(site, list), { recursive: true });
  writeFileSync(join(site, list, 'index.html'), bytes);
  const facts = new PageFacts();
  facts.add(list, bytesDigest(bytes), ['/subjects/S1/']);
  mkdirSync(readsDir(site), { recursive: true });
  writeFileSync(pageReadsIndexPath(readsDir(site)), pageReadsIndex(readsDir(site), keptPages([], facts.sent)));
  const out = join(root, 'site');
  mkdirSync(readsDir(out), { recursive: true });
  const copier = new PageCopier(out, readsDir(out));
  copier.add({ type: 'portal-reused-pages', from: site, fromAsOf: '2026-11-28', toAsOf: '2026-11-30', urls: [list] });
  await copier.idle();
  assert.deepEqual(copier.finishReads().pages, [{ url: list, digest: bytesDigest(page('2026-11-30', '<a href="/subjects/S1/">S1</a>')), links: { paths: ['/subjects/S1/'], ids: '0' } }]);
});

test('a copied page whose kept line is gone or is not its own is read again, and the copy goes on', { timeout: 10_000 }, async () => {
  const root = tempDir('page-reads-');
  const urls = ['/commitments/A/', '/commitments/B/', '/commitments/C/'];
  const { site, lines } = previousRelease(root, urls);
  // B's line now names another page (same length); C's is cut off the end of the file.
  const early = join(readsDir(site), 'early.jsonl');
  writeFileSync(early, lines[0]! + lines[1]!.replace('/commitments/B/', '/commitments/X/') + lines[2]!.slice(0, 10));
  const out = join(root, 'site');
  mkdirSync(readsDir(out), { recursive: true });
  const copier = new PageCopier(out, readsDir(out));
  copier.add({ type: 'portal-reused-pages', from: site, fromAsOf: '2026-11-28', toAsOf: '2026-11-30', urls });
  await copier.idle();
  assert.deepEqual(copier.result, { copied: 3, errors: [] });
  assert.deepEqual(copier.finishReads().pages.map((p) => p.url), ['/commitments/A/']);
  // The reads folder gone altogether: every page copied, none reused.
  rmSync(early);
  const again = new PageCopier(join(root, 'site2'), readsDir(out));
  again.add({ type: 'portal-reused-pages', from: site, fromAsOf: '2026-11-28', toAsOf: '2026-11-30', urls });
  await again.idle();
  assert.deepEqual(again.result, { copied: 3, errors: [] });
  assert.deepEqual(again.finishReads().pages, []);
});

test('a page is kept with its internal links only when its checks found nothing else', () => {
  const link = (internalLink: string) => ({ internalLink, where: '<a href>', url: internalLink });
  assert.deepEqual(keptLinks([link('/a/'), link('/b/')]), ['/a/', '/b/']);
  assert.deepEqual(keptLinks([]), []);
  assert.equal(keptLinks([link('/a/'), { personalNumber: '13800138000', message: '手机号码' }]), undefined);
  assert.equal(keptLinks([{ problem: 'unsafe-url', message: 'javascript:' }, link('/a/')]), undefined);
});
