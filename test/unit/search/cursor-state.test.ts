import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SearchCursor, type PinnedResult, type ShardResult } from '../../../src/lib/search/cursor.ts';
import { shardOrder } from '../../../src/lib/search/engine.ts';
import type { ShardInfo } from '../../../src/lib/search/manifest.ts';
import { passesFilters, stateFromUrl, stateToQuery } from '../../../src/lib/search/state.ts';

const result = (url: string): ShardResult => ({ id: url, card: async () => ({ url, title: `T${url}`, kind: 'commitments', region: '', date: '', status: '', text: '' }) });
/** Shards named s0, s1…, each with the given number of results /<shard>/<i>. */
function shards(...sizes: number[]) {
  const list = sizes.map((n, k) => ({ name: `s${k}`, urls: Array.from({ length: n }, (_, i) => `/s${k}/${i}`) }));
  const searched: string[] = [];
  const search = async (s: { name: string; urls: string[] }) => {
    searched.push(s.name);
    return s.urls.map(result);
  };
  return { list, searched, search };
}

test('the cursor gives pages of ten across shards, searching a shard only when the page needs it', async () => {
  const s = shards(4, 0, 9, 5);
  const c = new SearchCursor(s.list, s.search);
  const first = await c.next();
  assert.deepEqual(first.map((r) => r.url), ['/s0/0', '/s0/1', '/s0/2', '/s0/3', '/s2/0', '/s2/1', '/s2/2', '/s2/3', '/s2/4', '/s2/5']);
  assert.deepEqual(s.searched, ['s0', 's1', 's2']);
  assert.equal(c.total, 13);
  assert.equal(c.complete, false);
  assert.equal(c.hasMore, true);
  const second = await c.next();
  assert.deepEqual(second.map((r) => r.url), ['/s2/6', '/s2/7', '/s2/8', '/s3/0', '/s3/1', '/s3/2', '/s3/3', '/s3/4']);
  assert.equal(c.total, 18);
  assert.equal(c.complete, true);
  assert.equal(c.shown, 18);
  assert.equal(c.hasMore, false);
  assert.deepEqual(await c.next(), []);
});

test('pinned pages come first, are counted once, and are not shown again when their shard finds them', async () => {
  const s = shards(3, 2);
  const pinned: PinnedResult = { url: '/s1/1', title: 'N', kind: 'penalties', region: '', date: '', status: '', text: '', shard: 's1' };
  const c = new SearchCursor(s.list, s.search, [pinned]);
  assert.equal(c.total, 1); // before any shard is searched
  const page = await c.next(3);
  assert.deepEqual(page.map((r) => r.url), ['/s1/1', '/s0/0', '/s0/1']);
  assert.equal(c.total, 4); // s0's three and the pinned one, whose shard is not searched yet
  const rest = await c.next(3);
  assert.deepEqual(rest.map((r) => r.url), ['/s0/2', '/s1/0']);
  assert.equal(c.total, 5);
  assert.equal(c.complete, true);
});

test('a known count is exact from the first page; the shards serve what follows the listed pages, without repeating them', async () => {
  const s = shards(3, 4);
  const listed: PinnedResult[] = ['/s1/2', '/s0/0'].map((url) => ({ url, title: url, kind: 'commitments', region: '', date: '', status: '', text: '', shard: url.slice(1, 3) }));
  const c = new SearchCursor(s.list, s.search, listed, 7);
  assert.deepEqual((await c.next(2)).map((r) => r.url), ['/s1/2', '/s0/0']);
  assert.deepEqual(s.searched, []); // the listed pages filled the page: no shard opened
  assert.equal(c.total, 7);
  assert.equal(c.complete, true);
  assert.equal(c.hasMore, true);
  assert.deepEqual((await c.next(10)).map((r) => r.url), ['/s0/1', '/s0/2', '/s1/0', '/s1/1', '/s1/3']);
  assert.equal(c.hasMore, false);
});

test('no candidate shard: nothing found, and that is complete', async () => {
  const c = new SearchCursor([], async () => []);
  assert.deepEqual(await c.next(), []);
  assert.equal(c.total, 0);
  assert.equal(c.complete, true);
  assert.equal(c.hasMore, false);
});

const info = (name: string, kind: string[], region: string[] = ['泰山区']): ShardInfo => ({ name, pages: 1, indexFiles: 1, from: '', to: '', kind, region, year: [], status: [] });

test('shard order: profiles first by relevance, last by date; shards without the filtered value are skipped', () => {
  const list = [info('p', ['subjects']), info('r0', ['commitments', 'penalties']), info('r1', ['penalties'], ['岱岳区'])];
  assert.deepEqual(shardOrder(list, stateFromUrl('?q=x')), [0, 1, 2]);
  assert.deepEqual(shardOrder(list, stateFromUrl('?q=x&sort=date')), [1, 2, 0]);
  assert.deepEqual(shardOrder(list, stateFromUrl('?q=x&kind=penalties')), [1, 2]);
  assert.deepEqual(shardOrder(list, stateFromUrl('?q=x&region=岱岳区&sort=date')), [2]);
});

test('the address holds the search: read, written back in a fixed order, unknown values dropped', () => {
  const s = stateFromUrl('?sort=date&q=%20泰安%20&year=2026&kind=penalties&foo=1&region=');
  assert.deepEqual(s, { q: '泰安', filters: { kind: 'penalties', year: '2026' }, sort: 'date' });
  assert.equal(stateToQuery(s), '?q=%E6%B3%B0%E5%AE%89&kind=penalties&year=2026&sort=date');
  assert.deepEqual(stateFromUrl('?q=a&sort=weird'), { q: 'a', filters: {}, sort: 'relevance' });
  assert.equal(stateToQuery({ q: '', filters: {}, sort: 'relevance' }), '');
});

test('filters: kind, region, year of the date, and status per kind', () => {
  const page = { kind: 'penalties', region: '泰山区', date: '2025-03-04', status: '未修复' };
  assert.equal(passesFilters(page, stateFromUrl('?q=x&kind=penalties&region=泰山区&year=2025&status=penalties:未修复')), true);
  assert.equal(passesFilters(page, stateFromUrl('?q=x&status=commitments:未修复')), false);
  assert.equal(passesFilters(page, stateFromUrl('?q=x&year=2026')), false);
});
