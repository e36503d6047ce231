import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertEveryRowAccounted, fieldsOf, ingestFixture, problemsOf } from '../support/exports.ts';

const result = await ingestFixture('bad-cases');
const { report } = result;
const of = (name: string) => problemsOf(report, `cases/${name}`);

describe('pipeline: model cases', () => {
  test('cases count one row per file; rows = published + rejected', () => {
    assertEveryRowAccounted(report);
    const t = report.files['cases']!;
    assert.equal(t.rows, 30);
    assert.equal(t.published, 1);
    assert.equal(t.rejected, 29);
  });
  test('only the good case is published, with its redirect_from', () => {
    assert.deepEqual(result.cases.map((c) => [c.slug, c.redirect_from]), [['good-case', ['old-good-case']]]);
  });
  test('a file that is not .md or .mdx is a warning', () => {
    assert.deepEqual(of('readme.txt').map((p) => p.severity), ['warning']);
  });
  test('a missing title is rejected', () => {
    assert.deepEqual(of('missing-title.md').map((p) => [p.field, p.message]), [['title', '必填项为空']]);
  });
  test('a category outside the four is rejected at its line', () => {
    assert.deepEqual(of('bad-category.md').map((p) => [p.field, p.line]), [['category', 5]]);
  });
  test('a summary over 200 characters is rejected at its line', () => {
    assert.deepEqual(of('long-summary.md').map((p) => [p.field, p.line, p.message]), [['summary', 6, '摘要不得超过200字（现为201字）']]);
  });
  test('a cover without cover_alt is rejected', () => {
    assert.deepEqual(fieldsOf(of('cover-no-alt.md')), ['cover_alt']);
  });
  test('a cover that does not exist, or is not an image, is rejected at its line', () => {
    assert.deepEqual(of('cover-missing.md').map((p) => [p.field, p.line, p.message]), [['cover', 7, '附件不存在：attachments/cases/none.png']]);
    assert.equal(of('cover-not-image.md')[0]?.message, '附件的内容不是它的扩展名所说的图片（.png、.jpg、.jpeg、.gif 或 .webp）：attachments/cases/not-image.png');
  });
  test('a body image is checked like a cover: a missing file rejects the case at the image line', () => {
    assert.deepEqual(of('body-image-missing.md').map((p) => [p.field, p.line, p.message]), [[undefined, 11, '附件不存在：attachments/cases/none.png']]);
  });
  test('a published case publishes the attachments its body shows', () => {
    assert.deepEqual(result.attachments, ['cases/cover.png']);
  });
  test('a subject not in subjects.csv, or rejected there, is refused', () => {
    assert.deepEqual(of('unknown-subject.md').map((p) => [p.field, p.line]), [['subjects', 7]]);
    assert.deepEqual(of('rejected-subject.md').map((p) => [p.field, p.message]), [['subjects', '主体 91370900MA3C000044 在 subjects.csv 第 3 行被拒绝（联系电话），引用它的记录不能公示']]);
  });
  test('a region outside the configuration is refused', () => {
    assert.deepEqual(of('bad-region.md').map((p) => [p.field, p.line]), [['region', 4]]);
  });
  test('a URL key that is a personal number (the file name, or in redirect_from) is rejected, and the report masks it everywhere', () => {
    assert.deepEqual(problemsOf(report, 'cases/1381***5678.md').map((p) => [p.id, p.field, p.line, p.message]), [['1381***5678', undefined, 1, '案例文件名（URL 键）含有手机号码（1381***5678），不得公示']]);
    assert.deepEqual(of('redirect-personal-number.md').map((p) => [p.field, p.line, p.message]), [['redirect_from', 7, 'URL 键含有居民身份证号码（3709**********1235），不得公示']]);
    assert.ok(!JSON.stringify(report).includes('13812345678') && !JSON.stringify(report).includes('370902199001011235'));
  });
  test('redirect_from naming another case\'s URL key is a collision; the other case keeps its URL', () => {
    assert.deepEqual(of('redirect-collision.md').map((p) => p.field), ['redirect_from']);
    assert.deepEqual(of('good-case.md'), []);
  });
  test('x.md and x.mdx, one URL key, are both rejected: the page would show one and the lists both', () => {
    for (const name of ['twin-case.md', 'twin-case.mdx']) {
      assert.deepEqual(of(name).map((p) => [p.line, p.message]), [[1, 'URL 键 twin-case 同时属于多个案例文件：cases/twin-case.md、cases/twin-case.mdx']], name);
    }
  });
  test('two cases claiming the same earlier key are both rejected', () => {
    for (const name of ['redirect-shared-a.md', 'redirect-shared-b.md']) {
      assert.deepEqual(of(name).map((p) => [p.field, p.message]), [['redirect_from', 'URL 键 shared-old-key 同时属于多个案例：redirect-shared-a、redirect-shared-b']], name);
    }
  });
  for (const [file, line, message] of [
    ['script-body.md', 11, '不允许使用 <script> 标签'],
    ['iframe-body.md', 9, '不允许使用 <iframe> 标签'],
    ['onclick-body.md', 10, '不允许使用内联事件处理属性（on…=）'],
    ['javascript-link.md', 9, '不允许使用 javascript: 链接'],
    ['mdx-import.mdx', 8, 'MDX 中不允许使用 import / export 语句'],
  ] as const) {
    test(`${message} in a case body is rejected with its line in the file (${file}:${line})`, () => {
      assert.deepEqual(of(file).map((p) => [p.line, p.message]), [[line, message]]);
    });
  }
  test('a mobile number in a case body is rejected at its line, masked', () => {
    assert.deepEqual(of('number-in-body.md').map((p) => [p.line, p.message]), [[11, '正文含有手机号码（1391***5678），不得公示']]);
  });
  test('a number that markup or an entity splits in the body as written, but a page shows whole, is rejected at its line, masked', () => {
    assert.deepEqual(of('number-in-markup.md').map((p) => [p.line, p.message]), [
      [11, '正文含有居民身份证号码（3709**********1235），不得公示'],
      [13, '正文含有手机号码（1391***5678），不得公示'],
      [15, '正文含有居民身份证号码（3709**********1235），不得公示'],
      // An image's file name written %31%33912345678.png: the page asks for 13912345678.png.
      [17, '正文含有手机号码（1391***5678），不得公示'],
    ]);
  });
  test("a mobile number in the cover's file name, which its page and the open data show, is rejected, masked", () => {
    assert.deepEqual(of('number-in-cover.md').map((p) => [p.field, p.line, p.message]), [['cover', 7, '含有手机号码（1391***5678），不得公示']]);
  });
  test('a mobile number in the published summary is rejected, masked', () => {
    assert.deepEqual(of('number-in-front-matter.md').map((p) => [p.field, p.line, p.message]), [['summary', 6, '含有手机号码（1391***5678），不得公示']]);
    assert.ok(!JSON.stringify(report).includes('13912345678'));
  });
  test('a case with several faults reports every one: date, category, cover_alt and the <script> line', () => {
    assert.deepEqual(of('several-problems.md').map((p) => [p.field ?? '', p.line]).sort(), [['', 10], ['category', 5], ['cover_alt', 1], ['date', 3]]);
  });
  test('a front matter that fails (a bad date, no category) still has every other field checked: region, subjects, cover', () => {
    assert.deepEqual(of('faults-beside-a-bad-date.md').map((p) => [p.field, p.line, p.message]).sort(), [
      ['category', 1, '必填项为空'],
      ['cover', 8, '附件不存在：attachments/cases/none.png'],
      ['date', 3, '不是有效日期：2026-02-30'],
      ['region', 4, '不是本门户配置的区域：济南市'],
      ['subjects', 6, '主体 11370900MB28500109 不在 subjects.csv 中'],
    ]);
  });
  test('a file name that is not a lower-case URL key is rejected', () => {
    assert.match(of('Bad_Slug.md')[0]?.message ?? '', /URL 键/);
  });
});
