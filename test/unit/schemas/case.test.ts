import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { caseFrontMatter } from '../../../src/lib/schemas/case.ts';
import { forbiddenMarkup } from '../../../src/lib/schemas/case-body.ts';

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

describe('§5 case body: no active content', () => {
  test('a plain Markdown body passes', () => {
    assert.deepEqual(forbiddenMarkup('## 做法\n\n- 按月核查\n\n[链接](https://example.gov.cn)', 'md'), []);
  });
  test('<script> is rejected with its line in the body', () => {
    assert.deepEqual(forbiddenMarkup('第一行\n\n正文<script>alert(1)</script>', 'md'), [{ offsetLine: 2, message: '不允许使用 <script> 标签' }]);
  });
  test('<SCRIPT > in any case is rejected', () => {
    assert.equal(forbiddenMarkup('< SCRIPT src="x.js">', 'md').length, 1);
  });
  test('<iframe> and <style> are rejected', () => {
    assert.deepEqual(forbiddenMarkup('<iframe src="https://x"></iframe>\n<style>body{}</style>', 'md').map((f) => f.offsetLine), [0, 1]);
  });
  test('inline event handlers (onclick=, onerror=) are rejected', () => {
    assert.equal(forbiddenMarkup('<img src="a.png" onerror="x()">', 'md')[0]?.message, '不允许使用内联事件处理属性（on…=）');
    assert.equal(forbiddenMarkup('<a href="#" onclick = "x()">点击</a>', 'md').length, 1);
  });
  test('an event handler on the next line of a tag is still rejected, at the tag\'s line', () => {
    assert.deepEqual(forbiddenMarkup('正文\n<a href="#"\n   onclick="x()">点击</a>', 'md'), [{ offsetLine: 1, message: '不允许使用内联事件处理属性（on…=）' }]);
  });
  test('a javascript: link written with a character reference (&#58; &colon;) is rejected', () => {
    assert.equal(forbiddenMarkup('[x](javascript&#58;alert(1))', 'md').length, 1);
    assert.equal(forbiddenMarkup('[x](javascript&colon;alert(1))', 'md').length, 1);
    assert.equal(forbiddenMarkup('[x](javascript&#x3A;alert(1))', 'md').length, 1);
  });
  test('javascript: links are rejected', () => {
    assert.equal(forbiddenMarkup('[点我](javascript:alert(1))', 'md')[0]?.message, '不允许使用 javascript: 链接');
    assert.equal(forbiddenMarkup('<a href="JavaScript :void(0)">x</a>', 'md').length, 1);
  });
  test('prose mentioning "onclick" outside a tag is not markup', () => {
    assert.deepEqual(forbiddenMarkup('按钮的 onclick 属性说明', 'md'), []);
  });
  test('import / export lines are refused in MDX but are plain text in Markdown', () => {
    assert.equal(forbiddenMarkup('import X from "./x.js"\n\n正文', 'mdx')[0]?.message, 'MDX 中不允许使用 import / export 语句');
    assert.deepEqual(forbiddenMarkup('import X from "./x.js"', 'md'), []);
  });
  test('several problems in one body are all reported', () => {
    assert.equal(forbiddenMarkup('<script></script>\n<iframe></iframe>\n[x](javascript:y)', 'md').length, 3);
  });
});
