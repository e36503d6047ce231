/**
 * An agency named on more pages than an entry lists (FULL_LIST_CAP): the count is exact at
 * once and the first page comes from the list; 加载更多 goes on in the shards; filters are
 * answered by the shards. Built through the real indexer and searched as the page does.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ShardedSearch } from '../../../src/lib/search/engine.ts';
import { FULL_LIST_CAP } from '../../../src/lib/search/known.ts';
import { stateFromUrl } from '../../../src/lib/search/state.ts';
import { indexAndServe, type ServedIndex } from '../support/search-index.ts';
import { tempDir } from '../support/temp-dir.ts';

const NAME = '泰安市应急管理局';
const RECORDS = FULL_LIST_CAP + 30;

const page = (meta: string, text: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><main><article data-search-body><div hidden data-search-meta ${meta}></div><p>${text}</p></article></main></body></html>`;
/** Record i: dated 2020-01-01 + i days, so the newest is the last; every third is a penalty. */
const date = (i: number) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
const kind = (i: number) => (i % 3 === 0 ? 'penalties' : 'commitments');
const url = (i: number) => `/${kind(i)}/R${String(i).padStart(4, '0')}/`;

const writePage = (root: string, path: string, html: string) => {
  mkdirSync(join(root, path), { recursive: true });
  writeFileSync(join(root, path, 'index.html'), html);
};

/** Every result of a search, through 加载更多 to the end. */
async function allUrls(base: string, address: string): Promise<string[]> {
  const started = (await new ShardedSearch(base).start(stateFromUrl(address)))!;
  const urls: string[] = [];
  for (let p = await started.cursor.next(); p.length; p = await started.cursor.next()) urls.push(...p.map((r) => r.url));
  return urls;
}

let dir = '';
let served: ServedIndex;

before(async () => {
  dir = tempDir('known-index-test-');
  const write = (path: string, html: string) => writePage(dir, path, html);
  write('subjects/113709000075072266', page(`data-kind="subjects" data-title="${NAME}信用画像" data-region="市直" data-name="${NAME}"`, NAME));
  for (let i = 0; i < RECORDS; i++) write(url(i).slice(1), page(`data-kind="${kind(i)}" data-title="记录${i}" data-region="市直" data-date="${date(i)}"`, `${NAME}第${i}号记录`));
  write('commitments/OTHER', page(`data-kind="commitments" data-title="其他" data-region="市直" data-date="2030-01-01"`, '泰安市应急管理部门'));
  served = await indexAndServe(dir, 100);
});

after(() => served?.close());

const opened = (index: ServedIndex = served) => index.fetched.filter((f) => f.endsWith('/pages.json.gz'));

test('past the cap the count is exact at once, the first page is listed, and 加载更多 goes on in the shards to every page once', async () => {
  served.fetched.length = 0;
  const started = (await new ShardedSearch(`${dir}/search-index/`).start(stateFromUrl(`?q=${NAME}`)))!;
  const first = await started.cursor.next();
  assert.equal(started.cursor.total, RECORDS + 1);
  assert.equal(started.cursor.complete, true);
  // The profile, then the nine newest records; no shard opened yet.
  assert.deepEqual(first.map((r) => r.url), ['/subjects/113709000075072266/', ...Array.from({ length: 9 }, (_, k) => url(RECORDS - 1 - k))]);
  assert.deepEqual(opened(), []);
  const urls = first.map((r) => r.url);
  for (let p = await started.cursor.next(); p.length; p = await started.cursor.next()) urls.push(...p.map((r) => r.url));
  assert.equal(urls.length, RECORDS + 1);
  assert.equal(new Set(urls).size, RECORDS + 1, 'no page twice');
  assert.ok(opened().length > 0);
});

test('sorted by date past the cap: the ten newest records first, the profile last', async () => {
  const urls = await allUrls(`${dir}/search-index/`, `?q=${NAME}&sort=date`);
  assert.deepEqual(urls.slice(0, 10), Array.from({ length: 10 }, (_, k) => url(RECORDS - 1 - k)));
  assert.equal(urls.at(-1), '/subjects/113709000075072266/');
  assert.equal(new Set(urls).size, RECORDS + 1);
});

test('with a filter past the cap the shards answer: exactly the pages that pass', async () => {
  const started = (await new ShardedSearch(`${dir}/search-index/`).start(stateFromUrl(`?q=${NAME}&kind=penalties`)))!;
  const urls: string[] = [];
  for (let p = await started.cursor.next(); p.length; p = await started.cursor.next()) urls.push(...p.map((r) => r.url));
  const want = Array.from({ length: RECORDS }, (_, i) => i).filter((i) => kind(i) === 'penalties').map(url);
  assert.deepEqual([...urls].sort(), want.sort());
  assert.equal(started.cursor.total, want.length);
});

test("the agency's own profile comes first, before another profile that names it and whose address sorts first", async () => {
  const small = tempDir('known-own-test-');
  writePage(small, 'subjects/A000', page('data-kind="subjects" data-title="泰安市消防救援支队信用画像" data-region="市直" data-name="泰安市消防救援支队"', `泰安市消防救援支队 上级主管部门 ${NAME}`));
  writePage(small, 'subjects/Z999', page(`data-kind="subjects" data-title="${NAME}信用画像" data-region="市直" data-name="${NAME}"`, NAME));
  writePage(small, 'commitments/C1', page('data-kind="commitments" data-title="承诺" data-region="市直" data-date="2026-01-01"', `${NAME}承诺`));
  const own = await indexAndServe(small, 100);
  try {
    assert.deepEqual(await allUrls(`${small}/search-index/`, `?q=${NAME}`), ['/subjects/Z999/', '/subjects/A000/', '/commitments/C1/']);
    assert.deepEqual(opened(own), [], 'answered from the list');
  } finally {
    own.close();
  }
});
