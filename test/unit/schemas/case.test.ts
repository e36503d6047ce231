import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { caseFrontMatter } from '../../../src/lib/schemas/case.ts';

const valid = {
  title: '泰山区建立政务承诺履约台账',
  date: '2026-09-12',
  region: '泰山区',
  category: '诚信建设经验',
  summary: '泰山区对每一项公开承诺建立履约台账。',
};
const issues = (data: unknown) => {
  const r = caseFrontMatter.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => String(i.path[0]));
};

describe('§5 case front matter', () => {
  test('a minimal valid front matter parses with empty lists', () => {
    const r = caseFrontMatter.parse(valid);
    assert.deepEqual(r.subjects, []);
    assert.deepEqual(r.redirect_from, []);
  });
  test('title, date, region, category and summary are required', () => {
    assert.deepEqual(issues({}).sort(), ['category', 'date', 'region', 'summary', 'title']);
  });
  test('a missing title is rejected', () => {
    const { title: _, ...rest } = valid;
    assert.deepEqual(issues(rest), ['title']);
  });
  test('a required field that is not text says what it is instead (YAML may give a list, a mapping or a number)', () => {
    const messages = (data: unknown) => {
      const r = caseFrontMatter.safeParse(data);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    assert.deepEqual(messages({ ...valid, title: { a: 1 }, region: ['泰山区'], summary: 12, date: true }), {
      title: '应为文字，不是键值映射',
      region: '应为文字，不是列表',
      summary: '应为文字，不是数字',
      date: '应为文字，不是真假值',
    });
    assert.deepEqual(messages({ ...valid, title: '', region: null }), { title: '必填项为空', region: '必填项为空' });
  });
  test('category must be one of the four case categories', () => {
    assert.deepEqual(issues({ ...valid, category: '先进典型' }), ['category']);
    for (const category of ['诚信建设经验', '守信践诺典型', '失信整改案例', '警示案例']) assert.deepEqual(issues({ ...valid, category }), []);
  });
  test('date accepts the contract forms and rejects impossible dates', () => {
    assert.equal(caseFrontMatter.parse({ ...valid, date: '2026年9月12日' }).date, '2026-09-12');
    assert.equal(caseFrontMatter.parse({ ...valid, date: 20260912 }).date, '2026-09-12');
    assert.deepEqual(issues({ ...valid, date: '2026-02-30' }), ['date']);
  });
  test('summary may be 200 characters, not 201', () => {
    assert.deepEqual(issues({ ...valid, summary: '诚'.repeat(200) }), []);
    const r = caseFrontMatter.safeParse({ ...valid, summary: '诚'.repeat(201) });
    assert.equal(r.success, false);
    assert.match(r.error?.issues[0]?.message ?? '', /摘要不得超过200字（现为201字）/);
  });
  test('cover without cover_alt is rejected on cover_alt', () => {
    assert.deepEqual(issues({ ...valid, cover: 'attachments/cases/cover.png' }), ['cover_alt']);
    assert.deepEqual(issues({ ...valid, cover: 'attachments/cases/cover.png', cover_alt: '公示栏' }), []);
  });
  test('subjects are valid 统一社会信用代码, upper-cased', () => {
    assert.deepEqual(caseFrontMatter.parse({ ...valid, subjects: ['11370902mb2850002b'] }).subjects, ['11370902MB2850002B']);
    assert.deepEqual(issues({ ...valid, subjects: ['11370902MB2850002C'] }), ['subjects']);
  });
  test('redirect_from keys are lower-case slugs', () => {
    assert.deepEqual(issues({ ...valid, redirect_from: ['taishan-ledger'] }), []);
    assert.deepEqual(issues({ ...valid, redirect_from: ['Taishan_Ledger'] }), ['redirect_from']);
  });
});
