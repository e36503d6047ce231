/** The one static server: content types, directory index and its slash, 404 page, no way out of the root, a switched link followed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { serveStatic } from '../../../scripts/lib/static-server.ts';
import { tempDir } from '../support/temp-dir.ts';

const base = tempDir('portal-serve-');
for (const [rel, body] of Object.entries({
  'a/index.html': '<p>A</p>',
  'a/commitments/index.html': '<p>list</p>',
  'a/commitments/x.csv': 'c\n',
  'a/evil.com/index.html': '<p>E</p>',
  'a/404.html': 'not here (A)',
  'a/search-index/x.bin.gz': 'gz',
  'a/data/x.csv': 'a,b\n',
  'a/x.json': '{}',
  'b/index.html': '<p>B</p>',
  'secret.txt': 'outside',
})) {
  mkdirSync(join(base, rel, '..'), { recursive: true });
  writeFileSync(join(base, rel), body);
}
symlinkSync('a', join(base, 'current'));

/** A raw GET, so paths like /../x reach the server unnormalised. */
const get = (origin: string, path: string) =>
  new Promise<{ status: number; type: string; body: string; location?: string }>((ok, fail) => {
    const req = request(origin + '/', { path }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode!, type: String(res.headers['content-type']), body, location: res.headers.location }));
    });
    req.on('error', fail);
    req.end();
  });

test('serves files with their content types, the search index\'s .gz as application/gzip, and counts the bytes sent', async () => {
  const sizes: number[] = [];
  const s = await serveStatic(join(base, 'current'), { onResponse: (n) => sizes.push(n) });
  try {
    assert.deepEqual(await get(s.origin, '/'), { status: 200, type: 'text/html; charset=utf-8', body: '<p>A</p>', location: undefined });
    assert.deepEqual(await get(s.origin, '/search-index/x.bin.gz'), { status: 200, type: 'application/gzip', body: 'gz', location: undefined });
    assert.equal((await get(s.origin, '/data/x.csv')).type, 'text/csv; charset=utf-8');
    assert.equal((await get(s.origin, '/x.json')).type, 'application/json; charset=utf-8');
    // The hook runs when the server has finished sending, which may be just after the client read the end.
    for (let i = 0; i < 50 && sizes.length < 4; i++) await new Promise((ok) => setTimeout(ok, 10));
    assert.deepEqual(sizes, [8, 2, 4, 2]);
  } finally {
    await s.close();
  }
});

test('a directory without its trailing slash is redirected to it, the query kept; never to another host', async () => {
  const s = await serveStatic(join(base, 'current'));
  try {
    const moved = (path: string) => get(s.origin, path).then((r) => [r.status, r.location]);
    assert.deepEqual(await moved('/commitments'), [301, '/commitments/']);
    assert.deepEqual(await moved('/commitments?page=2&q=%E6%B3%B0'), [301, '/commitments/?page=2&q=%E6%B3%B0']);
    assert.deepEqual(await moved('/.//evil.com'), [301, '/evil.com/']);
    assert.deepEqual(await moved('/commitments/'), [200, undefined]);
    // A file is never redirected; a directory without an index is not a page.
    assert.deepEqual(await moved('/commitments/x.csv'), [200, undefined]);
    assert.deepEqual(await moved('/search-index'), [404, undefined]);
  } finally {
    await s.close();
  }
});

test('an unknown path gets the site 404 page with status 404; nothing outside the root is served', async () => {
  const s = await serveStatic(join(base, 'current'));
  try {
    assert.deepEqual(await get(s.origin, '/nope/'), { status: 404, type: 'text/html; charset=utf-8', body: 'not here (A)', location: undefined });
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) assert.equal((await get(s.origin, path)).status, 404, path);
  } finally {
    await s.close();
  }
});

test('a current link switched while serving is followed by the next request', async () => {
  const s = await serveStatic(join(base, 'current'));
  try {
    assert.equal((await get(s.origin, '/')).body, '<p>A</p>');
    symlinkSync('b', join(base, 'current.next'));
    renameSync(join(base, 'current.next'), join(base, 'current'));
    assert.equal((await get(s.origin, '/')).body, '<p>B</p>');
  } finally {
    await s.close();
  }
});
