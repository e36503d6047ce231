import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knownKey, KnownMatcher } from '../../../src/lib/search/known.ts';
import { decodeToken } from '../../../src/lib/search/segment.ts';
import { ShardBlocks } from '../../../src/lib/search/shard-blocks.ts';
import { ShardIndexBuilder } from '../../../src/lib/search/shard-index.ts';

// Han keys shown as the text they stand for; words as they are.
const shown = (keys: Iterable<string>) => [...keys].map((k) => (/^[a-z]+$/.test(k) ? decodeToken(k) : k)).sort();

// Worked out by hand: every character, bigram and trigram of 泰安市文化馆 (泰安市 adds none), and the word 2026.
const KEYS = ['泰', '安', '市', '文', '化', '馆', '泰安', '安市', '市文', '文化', '化馆', '泰安市', '安市文', '市文化', '文化馆', '2026'].sort();

function shard(bound?: { blocks: number; chars: number }) {
  const index = new ShardIndexBuilder();
  const blocks = new ShardBlocks(index, new KnownMatcher([knownKey('泰安市文化馆')!]), bound);
  return { index, blocks };
}

test('a block that stands on many pages of a shard is looked at once, and gives what it gave the first time', () => {
  const { index, blocks } = shard();
  const first = blocks.of('泰安市文化馆');
  assert.equal(blocks.of('泰安市文化馆'), first);
  assert.deepEqual(first.known, ['泰安市文化馆']);
  const short = blocks.of('泰安市');
  assert.deepEqual(short.known, []);
  blocks.of('2026');
  assert.deepEqual(shown(blocks.routeKeys), KEYS);
  // Token ids are the shard's: 泰安 安市 市文 文化 化馆 馆, then 泰安市 is 泰安 安市 and its own last 市.
  assert.deepEqual([...first.ids], [0, 1, 2, 3, 4, 5]);
  assert.deepEqual([...short.ids], [0, 1, 6]);
  assert.equal(index.add({ kind: 'commitments', region: '', date: '', status: '' }, [first.ids, short.ids]), 0);
});

test('past its bound a shard remembers no more blocks, but still indexes and keys every one', () => {
  const { blocks } = shard({ blocks: 1, chars: 100 });
  const first = blocks.of('泰安市文化馆');
  assert.equal(blocks.of('泰安市文化馆'), first);
  const number = blocks.of('2026');
  assert.notEqual(blocks.of('2026'), number); // not remembered: looked at again
  assert.deepEqual([...blocks.of('2026').ids], [...number.ids]);
  assert.deepEqual(shown(blocks.routeKeys), KEYS);
  // The characters bound too.
  const { blocks: few } = shard({ blocks: 10, chars: 3 });
  assert.notEqual(few.of('泰安市文化馆'), few.of('泰安市文化馆'));
  assert.equal(few.of('泰安市'), few.of('泰安市'));
});
