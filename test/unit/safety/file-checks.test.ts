/** One file's checks (file-checks.ts): the internal links a page's URLs resolve to. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
