import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commitmentFacets, facetUrl, groupBy } from '../../../src/lib/site/facets.ts';
import { commitment, subject } from './fixtures.ts';

const subjects = new Map([
  ['A', subject({ creditCode: 'A', region: '泰山区' })],
  ['B', subject({ creditCode: 'B', region: '市直' })],
]);
const facets = commitmentFacets(subjects, ['市直', '泰山区']);
const facet = (key: string) => facets.find((f) => f.key === key)!;

test('commitments group by the region of their subject, in configured region order', () => {
  const list = [commitment({ id: '1', creditCode: 'A' }), commitment({ id: '2', creditCode: 'B' }), commitment({ id: '3', creditCode: 'A' })];
  const groups = groupBy(list, facet('region'));
  assert.deepEqual(groups.map((g) => [g.value, g.items.map((c) => c.id)]), [['市直', ['2']], ['泰山区', ['1', '3']]]);
});

test('status follows the contract order and years run newest first', () => {
  const list = [commitment({ status: '全部履行', madeOn: '2025-02-01' }), commitment({ status: '履行中', madeOn: '2026-02-01' })];
  assert.deepEqual(groupBy(list, facet('status')).map((g) => g.value), ['履行中', '全部履行']);
  assert.deepEqual(groupBy(list, facet('year')).map((g) => g.value), ['2026', '2025']);
});

test('facet URLs encode their Chinese value', () => {
  assert.equal(facetUrl('/commitments/', { key: 'region' }, '泰山区'), '/commitments/region/%E6%B3%B0%E5%B1%B1%E5%8C%BA/');
});
