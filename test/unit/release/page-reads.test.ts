import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asOfLine, PageCopier } from '../../../src/lib/release/page-copy.ts';
import { bytesDigest, loadPageReads, pageReadsIndex, pageReadsIndexPath, readsDir, type ReadPage } from '../../../src/lib/release/page-reads.ts';

const page = (asOf: string, body: string) => Buffer.from(`<html><body><main>${body}</main><footer class="site-footer">${asOfLine(asOf)}</footer></body></html>`);

/** A previous release: its pages, and its reads of them (one line each in early.jsonl). */
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
    return { ref, digest: bytesDigest(bytes), links: ['/', `/subjects/S${i}/`] };
  });
  writeFileSync(join(reads, 'early.jsonl'), lines.join(''));
  writeFileSync(pageReadsIndexPath(reads), pageReadsIndex(reads, pages));
  return { site, lines };
}

test('the reads kept beside a site come back as they were written; rows of another shape are left out', () => {
  const root = mkdtempSync(join(tmpdir(), 'page-reads-'));
  try {
    const { site } = previousRelease(root, ['/commitments/A/', '/commitments/B/']);
    const loaded = loadPageReads(site);
    assert.ok(loaded.ok);
    const a = loaded.pages.get('/commitments/A/')!;
    assert.deepEqual(a.links, ['/', '/subjects/S0/']);
    assert.equal(a.ref.file, join(readsDir(site), 'early.jsonl'));
    assert.deepEqual([a.ref.offset, loaded.pages.get('/commitments/B/')!.ref.offset], [0, a.ref.length]);
    // A hostile index: a row naming a file outside the folder, a link number past the table, a wrong version.
    const index = JSON.parse(readFileSync(pageReadsIndexPath(readsDir(site)), 'utf8'));
    index.pages[0][1] = '../../etc/passwd.jsonl';
    index.pages[1][10] = [7];
    writeFileSync(pageReadsIndexPath(readsDir(site)), JSON.stringify(index));
    const hostile = loadPageReads(site);
    assert.ok(hostile.ok && hostile.pages.size === 0);
    writeFileSync(pageReadsIndexPath(readsDir(site)), JSON.stringify({ ...index, version: 2 }));
    assert.match((loadPageReads(site) as { reason: string }).reason, /格式不符/);
    assert.match((loadPageReads(join(root, 'none')) as { reason: string }).reason, /无法读取/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a copied page is not read again when its bytes are the bytes its release read: its line is copied, its new bytes digested', { timeout: 10_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'page-reads-'));
  try {
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
    assert.deepEqual(pages.map((p) => p.ref.url).sort(), urls.slice(0, 2));
    const kept = readFileSync(join(reads, 'reused.jsonl'));
    for (const p of pages) {
      const i = urls.indexOf(p.ref.url);
      assert.equal(kept.subarray(p.ref.offset, p.ref.offset + p.ref.length).toString(), lines[i]);
      assert.equal(p.digest, bytesDigest(page('2026-11-30', `<p>${p.ref.url}</p>`)));
      assert.deepEqual(p.links, ['/', `/subjects/S${i}/`]);
      assert.equal(p.ref.date, `2026-11-0${i + 1}`);
    }
    // No reads beside the previous folder: none reused, and why.
    const bare = new PageCopier(join(root, 'site2'), reads);
    bare.add({ type: 'portal-reused-pages', from: join(root, 'site'), fromAsOf: '2026-11-30', toAsOf: '2026-12-01', urls: urls.slice(0, 1) });
    await bare.idle();
    const none = bare.finishReads();
    assert.deepEqual(none.pages, []);
    assert.match(none.refused[0]!, /无法读取/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
