import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeDigest, copiableUrl, pageDigest, readPageManifest } from '../../../src/lib/release/page-reuse.ts';
import { asOfLine, PageCopier, redater } from '../../../src/lib/release/page-copy.ts';
import { tempDir } from '../support/temp-dir.ts';

const redate = (page: Buffer, from: string, to: string) => redater(from, to)(page);

const page = (asOf: string, body = '<p>正文</p>') =>
  Buffer.from(`<html><body><main>${body}</main><footer class="site-footer"><div class="wrap"><p>主办单位</p><p class="as-of">数据截至：<time datetime="${asOf}">${asOf.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}</time></p></div></footer></body></html>`);

test('the footer line, as worked out by hand', () => {
  assert.equal(asOfLine('2026-11-05'), '<p class="as-of">数据截至：<time datetime="2026-11-05">2026年11月5日</time></p>');
});

test('redating changes the footer’s date and nothing else', () => {
  assert.deepEqual(redate(page('2026-11-28'), '2026-11-28', '2026-12-01'), page('2026-12-01'));
  // the same date in the page's own text stays as it is
  const body = '<p>2026年11月28日作出</p>';
  assert.deepEqual(redate(page('2026-11-28', body), '2026-11-28', '2026-12-01'), page('2026-12-01', body));
});

test('a page that does not end in our footer with the old date is not redated', () => {
  assert.deepEqual(redate(page('2026-11-27'), '2026-11-28', '2026-12-01'), undefined);
  assert.deepEqual(redate(Buffer.from(page('2026-11-28').toString().replace('<footer class="site-footer">', '<footer>')), '2026-11-28', '2026-12-01'), undefined);
  // the line before the footer (not the layout's) is not the one redated
  const line = asOfLine('2026-11-28');
  const misplaced = Buffer.from(`<main>${line}</main><footer class="site-footer"></footer>`);
  assert.deepEqual(redate(misplaced, '2026-11-28', '2026-12-01'), undefined);
  // with the line also before the footer, the footer's is the one redated
  const both = page('2026-11-28', line);
  assert.deepEqual(redate(both, '2026-11-28', '2026-12-01'), page('2026-12-01', line));
});

test('a page digest changes with the context, the URL and every prop, and only with them', () => {
  const props = { record: { id: 'CN1', content: '承诺' }, subject: { name: '甲' } };
  const d = pageDigest('ctx', '/commitments/CN1/', props);
  assert.equal(pageDigest('ctx', '/commitments/CN1/', structuredClone(props)), d);
  assert.notEqual(pageDigest('ctx2', '/commitments/CN1/', props), d);
  assert.notEqual(pageDigest('ctx', '/commitments/CN2/', props), d);
  assert.notEqual(pageDigest('ctx', '/commitments/CN1/', { ...props, subject: { name: '乙' } }), d);
  assert.notEqual(pageDigest('ctx', '/commitments/CN1/', { ...props, dated: { ok: true, value: 3 } }), d);
});

test('the code digest changes when any rendering input changes', () => {
  const root = tempDir('code-digest-');
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(join(root, 'src/pages/a.astro'), 'a');
  writeFileSync(join(root, 'portal.config.ts'), 'x');
  const d = codeDigest(root);
  assert.equal(codeDigest(root), d);
  writeFileSync(join(root, 'src/pages/a.astro'), 'b');
  const edited = codeDigest(root);
  assert.notEqual(edited, d);
  writeFileSync(join(root, 'package-lock.json'), '{}');
  assert.notEqual(codeDigest(root), edited);
  // a file elsewhere (the export, reports) is not code
  const withLock = codeDigest(root);
  writeFileSync(join(root, 'notes.txt'), 'n');
  assert.equal(codeDigest(root), withLock);
});

test('the previous manifest is read, or the reason there is none is given', () => {
  const dir = tempDir('page-manifest-');
  assert.match((readPageManifest(dir) as { reason: string }).reason, /release-pages\.json 不存在/);
  writeFileSync(join(dir, 'release-pages.json'), '{');
  assert.match((readPageManifest(dir) as { reason: string }).reason, /不是 JSON/);
  writeFileSync(join(dir, 'release-pages.json'), JSON.stringify({ version: 1, asOf: '11月28日', pages: {} }));
  assert.match((readPageManifest(dir) as { reason: string }).reason, /格式不符/);
  const manifest = { version: 1, asOf: '2026-11-28', pages: { '/commitments/CN1/': 'ab' } };
  writeFileSync(join(dir, 'release-pages.json'), JSON.stringify(manifest));
  assert.deepEqual(readPageManifest(dir), { ok: true, manifest });
});

test('only pages whose URL is their own folder, every segment plain, are copied', () => {
  for (const url of ['/commitments/CN2026000001/', '/penalties/XZCF-2026-0002/', '/x/a.b_c/', '/commitments/region/泰山区/page/2/', '/commitments/year/2026/']) assert.ok(copiableUrl(url), url);
  for (const url of ['/commitments/../x/', '/commitments/./', '/a/.hidden/', '/a//b/', '/a/b', 'a/b/', '/', '', '/a/b c/', '/a/%2E%2E/', '/a/（一）/', '/a/b\\c/', '/a/-x/', '/a/b\nc/'])
    assert.ok(!copiableUrl(url), JSON.stringify(url));
});

test('the copier copies every page it is given, redated, and names each it cannot', { timeout: 10_000 }, async () => {
  const root = tempDir('page-copier-');
  const from = join(root, 'previous');
  const out = join(root, 'site');
  const urls = Array.from({ length: 40 }, (_, i) => `/commitments/CN${i}/`);
  for (const url of urls) {
    mkdirSync(join(from, url), { recursive: true });
    writeFileSync(join(from, url, 'index.html'), page('2026-11-28', `<p>${url}</p>`));
  }
  mkdirSync(join(from, '/penalties/P1/'), { recursive: true });
  writeFileSync(join(from, '/penalties/P1/index.html'), page('2026-11-27'));
  const copier = new PageCopier(out, root);
  const batch = { type: 'portal-reused-pages' as const, from, fromAsOf: '2026-11-28', toAsOf: '2026-11-30' };
  copier.add({ ...batch, urls: urls.slice(0, 25) });
  copier.add({ ...batch, urls: [...urls.slice(25), '/penalties/P1/', '/penalties/P2/'] });
  await copier.idle();
  for (const url of urls) assert.deepEqual(readFileSync(join(out, url, 'index.html')), page('2026-11-30', `<p>${url}</p>`), url);
  const { copied, errors } = copier.result;
  assert.equal(copied, 40);
  assert.equal(errors.length, 2);
  assert.match(errors.find((e) => e.includes('P1'))!, /previous\/penalties\/P1\/index\.html：页脚中没有数据截至 2026-11-28 的一行/);
  assert.ok(errors.some((e) => e.includes('ENOENT') && e.includes('P2')), errors.join('\n'));
});

test('the copier copies a few pages a turn, so the build command still takes messages while it copies', { timeout: 10_000 }, async () => {
  const root = tempDir('page-copier-');
  const from = join(root, 'previous');
  const urls = Array.from({ length: 100 }, (_, i) => `/commitments/CN${i}/`);
  for (const url of urls) {
    mkdirSync(join(from, url), { recursive: true });
    writeFileSync(join(from, url, 'index.html'), page('2026-11-28'));
  }
  const copier = new PageCopier(join(root, 'site'), root);
  copier.add({ type: 'portal-reused-pages', from, fromAsOf: '2026-11-28', toAsOf: '2026-11-30', urls });
  // A message that comes right after the pages: it is taken after one turn's copies, not after all 100.
  const copiedWhenTaken = await new Promise<number>((taken) => setImmediate(() => taken(copier.result.copied)));
  await copier.idle();
  assert.ok(copiedWhenTaken > 0 && copiedWhenTaken < 100, `copied when the next message was taken: ${copiedWhenTaken}`);
  assert.equal(copier.result.copied, 100);
});

test('the copier copies attachments as they are, and refuses a key that leaves either folder', { timeout: 10_000 }, async () => {
  const root = tempDir('file-copier-');
  const from = join(root, 'export', 'attachments');
  mkdirSync(join(from, 'commitments'), { recursive: true });
  const pdf = Buffer.from('%PDF-1.4\n<footer class="site-footer">不是页面</footer>');
  writeFileSync(join(from, 'commitments', 'CN1.pdf'), pdf);
  writeFileSync(join(root, 'export', 'secret.txt'), 'outside attachments/');
  const out = join(root, 'site');
  const copier = new PageCopier(out, join(root, 'reads'));
  copier.addFiles({ type: 'portal-copied-files', from, to: 'attachments', keys: ['commitments/CN1.pdf', '../secret.txt'] });
  await copier.idle();
  assert.deepEqual(readFileSync(join(out, 'attachments', 'commitments', 'CN1.pdf')), pdf);
  assert.deepEqual(copier.result, { copied: 1, errors: ['附件路径超出目录：../secret.txt'] });
  assert.throws(() => readFileSync(join(out, 'secret.txt')));
});
