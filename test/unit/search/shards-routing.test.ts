import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planShards } from '../../../src/lib/search/shards.ts';
import { buildRoutes, parseBucket, routeBucket, routeShards } from '../../../src/lib/search/routing.ts';
import { hanTokens } from '../../../src/lib/search/segment.ts';
import { parseQuery } from '../../../src/lib/search/query.ts';
import { snippet } from '../../../src/lib/search/snippet.ts';

test('subjects get the profile shard; records and cases are split newest first', () => {
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
    ['r0', ['/commitments/b/', '/honors/a/']],
    ['r1', ['/cases/c/', '/penalties/a/']],
  ]);
  assert.deepEqual(planShards([], 5), []);
  assert.throws(() => planShards(pages, 0));
});

test('routing sends a query only to shards holding all its bigrams', async () => {
  const shardTexts = [['泰安市人民政府'], ['岱岳区应急管理局'], ['泰安市岱岳区人民法院']];
  const files = buildRoutes(shardTexts.map((t) => hanTokens(t)));
  const bucket = async (b: number) => parseBucket(files.get(b) ?? '');
  const route = async (q: string) => {
    const mask = await routeShards(parseQuery(q), 3, bucket);
    return [0, 1, 2].filter((i) => (mask >> BigInt(i)) & 1n);
  };
  assert.deepEqual(await route('泰安市'), [0, 2]);
  assert.deepEqual(await route('岱岳区'), [1, 2]);
  assert.deepEqual(await route('人民'), [0, 2]);
  assert.deepEqual(await route('岳'), [1, 2]); // one character: any token starting with it
  assert.deepEqual(await route('泰安 应急'), []);
  assert.deepEqual(await route('岱岳区 法院'), [2]);
  assert.deepEqual(await route('2026'), [0, 1, 2]); // not routable: every shard
  assert.deepEqual(await route('政府法院'), []);
});

test('routing masks hold more than 32 shards', () => {
  const sets = Array.from({ length: 40 }, (_, i) => (i === 39 ? hanTokens(['泰安']) : new Set<string>()));
  const files = buildRoutes(sets);
  const m = parseBucket([...files.values()].join(''));
  assert.equal(m.size, 2);
  for (const v of m.values()) assert.equal(v, 1n << 39n);
  assert.ok(routeBucket([...m.keys()][0]!) >= 0);
});

test('snippets are marked around the first match', () => {
  const pieces = snippet('第一行\n泰安市岱岳区应急管理局对该单位作出处罚', ['应急管理局'], 12);
  assert.ok(pieces.some((p) => p.mark && p.text === '应急管理局'));
  assert.equal(pieces.filter((p) => !p.mark).map((p) => p.text).join('').includes('<'), false);
  assert.deepEqual(snippet('短文本', ['无']), [{ text: '短文本', mark: false }]);
  const full = snippet('ＡＢＣ公司', ['abc']);
  assert.deepEqual(full.find((p) => p.mark)?.text, 'ＡＢＣ');
});
