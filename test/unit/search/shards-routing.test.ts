import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planShards } from '../../../src/lib/search/shards.ts';
import { buildRoutes, fnv1a, parseRouteFile, routeFile, routeFileCount, routeShards } from '../../../src/lib/search/routing.ts';
import { addRouteKeys, segmentBlock } from '../../../src/lib/search/segment.ts';
import { parseQuery, partForms } from '../../../src/lib/search/query.ts';
import { snippet } from '../../../src/lib/search/snippet.ts';

const tokenSet = (blocks: string[]) => {
  const into = new Set<string>();
  addRouteKeys(blocks.map(segmentBlock), into);
  return into;
};

test('subjects get the profile shard; records and cases are split newest first, same-day ties by URL descending', () => {
  const pages = [
    { kind: 'penalties', date: '2024-01-01', url: '/penalties/a/' },
    { kind: 'subjects', date: '', url: '/subjects/2/' },
    { kind: 'commitments', date: '2026-05-01', url: '/commitments/b/' },
    { kind: 'cases', date: '2025-03-01', url: '/cases/c/' },
    { kind: 'subjects', date: '', url: '/subjects/1/' },
    { kind: 'honors', date: '2026-05-01', url: '/honors/a/' },
  ];
  const shards = planShards(pages, 2);
  assert.deepEqual(shards.map((s) => [s.name, s.pages.map((p) => p.url)]), [
    ['p', ['/subjects/1/', '/subjects/2/']],
    ['r0', ['/honors/a/', '/commitments/b/']],
    ['r1', ['/cases/c/', '/penalties/a/']],
  ]);
  assert.deepEqual(planShards([], 5), []);
  assert.throws(() => planShards(pages, 0));
});

/** The shards a query is routed to, over routing files built from shard texts (blocks). */
function router(shardTexts: string[][]) {
  const files = buildRoutes(shardTexts.map(tokenSet));
  const file = async (n: number) => parseRouteFile(files[n]!);
  return async (q: string) => {
    const mask = await routeShards(parseQuery(q), partForms, shardTexts.length, files.length, file);
    return shardTexts.map((_, i) => i).filter((i) => (mask >> BigInt(i)) & 1n);
  };
}

test('routing sends a query only to shards holding all its keys', async () => {
  const route = router([['泰安市人民政府'], ['岱岳区应急管理局 CN2026000011'], ['泰安市岱岳区人民法院 2026']]);
  assert.deepEqual(await route('泰安市'), [0, 2]);
  assert.deepEqual(await route('岱岳区'), [1, 2]);
  assert.deepEqual(await route('人民'), [0, 2]);
  assert.deepEqual(await route('岳'), [1, 2]);
  assert.deepEqual(await route('泰安 应急'), []);
  assert.deepEqual(await route('岱岳区 法院'), [2]);
  assert.deepEqual(await route('政府法院'), []);
  assert.deepEqual(await route('cn2026000011'), [1]); // numbers are routed whole
  assert.deepEqual(await route('2026'), [2]);
  assert.deepEqual(await route('CN202600001'), []); // a part of a number is not the number
});

test("routing sends a part with a short form to the shards holding it as typed or written in full", async () => {
  const route = router([['泰安市市场监督管理局'], ['联合市场监管局检查'], ['泰安市应急管理局']]);
  assert.deepEqual(await route('市场监管局'), [0, 1]);
  assert.deepEqual(await route('市场监管局 泰安'), [0]);
  assert.deepEqual(await route('市场监督管理局'), [0]);
});

test('routing by trigrams: a shard that has every bigram of a name, but not the name, is not opened', async () => {
  // Shard 0 has 东平, 平县, 县民, 民政, 政局 — but 平县民 only comes with the name itself, in shard 1.
  const route = router([['东平县教育局', '宁阳县民政局'], ['东平县民政局'], ['东平县', '民政局']]);
  assert.deepEqual(await route('东平县民政局'), [1]);
  assert.deepEqual(await route('县民政'), [0, 1]);
  assert.deepEqual(await route('东平县'), [0, 1, 2]);
});

test('routing files: about 200 keys a file, a power of two of them, by FNV-1a', () => {
  assert.deepEqual([0, 1, 200, 201, 400, 401, 100_000].map(routeFileCount), [1, 1, 1, 2, 2, 4, 512]);
  assert.equal(fnv1a('a'), 0xe40c292c); // the published FNV-1a test vector
  assert.equal(routeFile('a', 1000), 220);
});

test('routing masks hold more than 32 shards', () => {
  const sets = Array.from({ length: 40 }, (_, i) => (i === 39 ? tokenSet(['泰安']) : new Set<string>()));
  const m = parseRouteFile(buildRoutes(sets).join(''));
  assert.deepEqual([...m.entries()].sort(), [['birh', 1n << 39n], ['bpgq', 1n << 39n], ['bpgqbirh', 1n << 39n]]);
});

test('snippets are marked around the first match, and markup in the text stays text', () => {
  // Flattened: '第一行 ／ 泰安市岱岳区应急管理局…'; the match starts at 12, the window of 12 at 12 − 12/3 = 8.
  assert.deepEqual(snippet('第一行\n泰安市岱岳区应急管理局对该单位作出处罚', ['应急管理局'], 12), [
    { text: '…', mark: false },
    { text: '市岱岳区', mark: false },
    { text: '应急管理局', mark: true },
    { text: '对该单', mark: false },
    { text: '…', mark: false },
  ]);
  assert.deepEqual(snippet('<b>泰安</b>', ['泰安']), [
    { text: '<b>', mark: false },
    { text: '泰安', mark: true },
    { text: '</b>', mark: false },
  ]);
  assert.deepEqual(snippet('短文本', ['无']), [{ text: '短文本', mark: false }]);
  assert.deepEqual(snippet('ＡＢＣ公司', ['abc']).find((p) => p.mark)?.text, 'ＡＢＣ');
});
