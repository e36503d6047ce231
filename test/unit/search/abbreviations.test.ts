import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameForms, writtenInFull } from '../../../src/lib/search/abbreviations.ts';
import { parseQuery } from '../../../src/lib/search/query.ts';

test("a short form of an agency's name is written in full; a part without one, or already in full, has no other form", () => {
  assert.equal(writtenInFull('泰安市市场监管局'), '泰安市市场监督管理局');
  assert.equal(writtenInFull('发改委'), '发展和改革委');
  assert.equal(writtenInFull('岱岳区住建局'), '岱岳区住房和城乡建设局');
  assert.equal(writtenInFull('市国资委'), '市国有资产监督管理委员会');
  // Two short forms in one part, both written in full.
  assert.equal(writtenInFull('人社卫健'), '人力资源和社会保障卫生健康');
  assert.equal(writtenInFull('市场监督管理局'), undefined);
  assert.equal(writtenInFull('应急管理局'), undefined);
});

test('a query part holding a short form may be on the page either way; the others have one form', () => {
  const [agency, region] = parseQuery('市场监管局 岱岳区');
  assert.equal(agency!.text, '市场监管局');
  assert.deepEqual(agency!.alternatives.map((a) => a.text), ['市场监督管理局']);
  assert.deepEqual(region!.alternatives, []);
});

test("an agency's name may be typed in full, as given, or with any of its full forms in short", () => {
  assert.deepEqual(nameForms('泰安市市场监督管理局'), ['泰安市市场监督管理局', '泰安市市场监管局']);
  // Two full forms: each alone in short, and both.
  assert.deepEqual(nameForms('泰安市住房和城乡建设局卫生健康科').sort(), ['泰安市住房和城乡建设局卫生健康科', '泰安市住建局卫生健康科', '泰安市住房和城乡建设局卫健科', '泰安市住建局卫健科'].sort());
  // A name given with a short form: also in full.
  assert.deepEqual(nameForms('泰安市发改局').sort(), ['泰安市发展和改革局', '泰安市发改局'].sort());
  assert.deepEqual(nameForms('泰安市应急管理局'), ['泰安市应急管理局']);
});
