/** Downloading an export: time limit, size limit, retries only for what may pass. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { download, DownloadError } from '../../../src/lib/release/download.ts';
import { tempDir } from '../support/temp-dir.ts';

let server: Server;
let origin: string;
const hits = new Map<string, number>();
const dir = tempDir('portal-dl-');
const LIMITS = { timeoutMs: 500, maxBytes: 1000, retries: 2, retryDelayMs: 10 };

before(async () => {
  server = createServer((req, res) => {
    const n = (hits.get(req.url!) ?? 0) + 1;
    hits.set(req.url!, n);
    if (req.url === '/ok') return void res.end('export bytes');
    if (req.url === '/flaky') return void (n < 3 ? res.writeHead(503).end() : res.end('third time'));
    if (req.url === '/stall') return void res.writeHead(200).write('a');
    if (req.url === '/declared-big') return void res.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000));
    if (req.url === '/streamed-big') {
      res.writeHead(200); // chunked: no Content-Length to check up front
      for (let i = 0; i < 5; i++) res.write(Buffer.alloc(400));
      return void res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

test('a good download writes the body and returns its size', async () => {
  const dest = join(dir, 'ok');
  assert.equal(await download(`${origin}/ok`, dest, LIMITS), 12);
  assert.equal(readFileSync(dest, 'utf8'), 'export bytes');
});

test('a 5xx is retried, and the third attempt succeeds', async () => {
  assert.equal(await download(`${origin}/flaky`, join(dir, 'flaky'), LIMITS), 10);
  assert.equal(hits.get('/flaky'), 3);
});

test('a 404 is not retried', async () => {
  await assert.rejects(download(`${origin}/missing`, join(dir, 'missing'), LIMITS), (e: Error) => e instanceof DownloadError && /HTTP 404（共尝试 1 次）/.test(e.message));
  assert.equal(hits.get('/missing'), 1);
});

test('a stalled download stops at the time limit, is retried, and leaves no file', async () => {
  const dest = join(dir, 'stall');
  await assert.rejects(download(`${origin}/stall`, dest, { ...LIMITS, retries: 1 }), /超时.*共尝试 2 次/);
  assert.equal(hits.get('/stall'), 2);
  assert.ok(!existsSync(dest));
});

test('a declared Content-Length over the limit is refused before reading, without retry', async () => {
  await assert.rejects(download(`${origin}/declared-big`, join(dir, 'big1'), LIMITS), /超过上限.*共尝试 1 次/);
  assert.equal(hits.get('/declared-big'), 1);
});

test('a body without Content-Length is cut when it passes the limit, and leaves no file', async () => {
  const dest = join(dir, 'big2');
  await assert.rejects(download(`${origin}/streamed-big`, dest, LIMITS), /超过大小上限/);
  assert.ok(!existsSync(dest));
});
