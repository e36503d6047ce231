import { test } from 'node:test';
import assert from 'node:assert/strict';
import { laterPages, pageCount, pageLinks, pageOf, pageUrl } from '../../../src/lib/site/paginate.ts';

test('page 1 lives at the list URL, page N under page/N/', () => {
  assert.equal(pageUrl('/commitments/', 1), '/commitments/');
  assert.equal(pageUrl('/commitments/', 3), '/commitments/page/3/');
});

test('pages slice the list in order and link their neighbours', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);
  const p2 = pageOf(items, 2, '/x/', 3);
  assert.deepEqual(p2.items, [3, 4, 5]);
  assert.equal(p2.count, 3);
  assert.equal(p2.prev, '/x/');
  assert.equal(p2.next, '/x/page/3/');
  assert.equal(pageOf(items, 3, '/x/', 3).next, undefined);
  assert.deepEqual(laterPages(items, '/x/', 3).map((p) => p.number), [2, 3]);
});

test('an empty list still has one (empty) page', () => {
  assert.equal(pageCount(0), 1);
  assert.deepEqual(pageOf([], 1, '/x/').items, []);
});

test('page links keep first, last and a window, with gaps marked 0', () => {
  assert.deepEqual(pageLinks(1, 3), [1, 2, 3]);
  assert.deepEqual(pageLinks(10, 20), [1, 0, 8, 9, 10, 11, 12, 0, 20]);
});
