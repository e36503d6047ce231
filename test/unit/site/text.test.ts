import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datedTitle, paragraphs } from '../../../src/lib/site/text.ts';

test('a multi-line cell becomes one paragraph per non-empty line', () => {
  assert.deepEqual(paragraphs('一、甲。\r\n\n  二、乙。 \n'), ['一、甲。', '二、乙。']);
  assert.deepEqual(paragraphs('<script>x</script>'), ['<script>x</script>'], 'text stays text: escaping is the template’s job');
});

test("a record page's title is its heading with the record's date, written as the pages write dates", () => {
  assert.equal(datedTitle('某单位信用承诺书：优化服务承诺', '2026-03-05'), '某单位信用承诺书：优化服务承诺（2026年3月5日）');
});
