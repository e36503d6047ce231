/** One file's checks (file-checks.ts): the internal links a page's URLs resolve to. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileFindings } from '../../../src/lib/safety/file-checks.ts';

const SITE = new URL('https://credit.example.gov.cn');

/** The internal links found on /commitments/CN1/ for one <a href>, or its problem. */
function resolved(href: string): string[] {
  const html = `<!doctype html><html><head></head><body><main><a href="${href}">x</a></main></body></html>`;
  return fileFindings('commitments/CN1/index.html', html, SITE).map((f) => ('internalLink' in f ? f.internalLink : 'problem' in f ? `${f.problem}` : 'number'));
}

test('a link resolves as a browser resolves it: plain paths as they are, dot segments, escapes, other hosts and relative paths as the URL standard says', () => {
  // Worked out by hand from the WHATWG URL standard's path parsing.
  const cases: [href: string, internal: string[]][] = [
    ['/commitments/CN2/', ['/commitments/CN2/']],
    ['/', ['/']],
    ['/~user/a_b-c.d', ['/~user/a_b-c.d']],
    ['/a//b/', ['/a//b/']],
    ['/a/.b/', ['/a/.b/']],
    ['/a/..b', ['/a/..b']],
    ['/a/...', ['/a/...']],
    ['/a/./b/', ['/a/b/']],
    ['/a/../b/', ['/b/']],
    ['/a/..', ['/']],
    ['/a/.', ['/a/']],
    ['/a/%2e%2e/b/', ['/b/']],
    ['/a/%2E./b', ['/b']],
    ['/a\\b/', ['/a/b/']],
    ['/a b/', ['/a%20b/']],
    ['/承诺/', ['/%E6%89%BF%E8%AF%BA/']],
    ['/x?y=1#z', ['/x']],
    ['CN3/', ['/commitments/CN1/CN3/']],
    ['../CN4/', ['/commitments/CN4/']],
    ['//other.example/x', []],
    ['https://credit.example.gov.cn/a/', ['/a/']],
  ];
  for (const [href, internal] of cases) assert.deepEqual(resolved(href), internal, href);
});

test('the link paths kept from pages do not keep the pages in memory', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const live = () => (gc(), getHeapStatistics().used_heap_size);
  const before = live();
  const kept: string[] = [];
  // 100 pages of 400 KB each (200,000 Han characters, two bytes each in V8): 40 MB if their paths keep them.
  for (let i = 0; i < 100; i++) {
    const html = `<!doctype html><html><head></head><body><main><p>${'诚'.repeat(200_000)}${i}</p><a href="/commitments/CN2026${String(i).padStart(6, '0')}/">x</a></main></body></html>`;
    for (const f of fileFindings('commitments/CN1/index.html', html, SITE)) if ('internalLink' in f) kept.push(f.internalLink);
  }
  assert.equal(kept.length, 100);
  assert.equal(kept[7], '/commitments/CN2026000007/');
  const grown = live() - before;
  assert.ok(grown < 8 * 2 ** 20, `the kept paths hold ${(grown / 2 ** 20).toFixed(1)} MB`);
});
