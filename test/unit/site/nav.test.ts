import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentNav } from '../../../src/lib/site/nav.ts';
import { headline } from '../../../src/lib/site/headline.ts';
import { commitment } from './fixtures.ts';

test('the current nav entry is the longest matching prefix; home only for /', () => {
  assert.equal(currentNav('/'), '/');
  assert.equal(currentNav('/commitments/page/2/'), '/commitments/');
  assert.equal(currentNav('/penalties/X/'), undefined);
});

test('headline figures: kept percentage over assessed commitments only', () => {
  const h = headline({ subjects: [], commitments: [commitment({ status: '全部履行' }), commitment({ status: '部分履行' }), commitment()], dishonest: [], penalties: [], cases: [] }, '2026-11-28');
  assert.equal(h.keptPercent, 50);
  assert.equal(headline({ subjects: [], commitments: [commitment()], dishonest: [], penalties: [], cases: [] }, '2026-11-28').keptPercent, undefined);
});
