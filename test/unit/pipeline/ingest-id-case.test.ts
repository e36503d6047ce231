import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import portal from '../../../portal.config.ts';
import { ingestExport } from '../../../src/lib/pipeline/ingest.ts';
import { assertEveryRowAccounted, fixture, problemsOf } from '../support/exports.ts';
import { tempDir } from '../support/temp-dir.ts';

test('two ids that differ only in case reject both rows: one address on a host that ignores case', async () => {
  const dir = join(tempDir('id-case-'), 'export');
  cpSync(fixture('good'), dir, { recursive: true });
  // Line 2 is BZ-2026-0001; the new last line spells it in lower case.
  appendFileSync(join(dir, 'honors.csv'), 'bz-2026-0001,11370900MB2850001B,泰安市发展和改革委员会,另一项表彰,泰安市人民政府,市级,2026-02-01,\n');
  assert.equal(spawnSync(process.execPath, ['scripts/export-manifest.ts', dir], { cwd: join(import.meta.dirname, '..', '..', '..') }).status, 0);
  const { report } = await ingestExport({ exportDir: dir, asOf: '2026-11-28', regions: portal.regions, siteUrl: portal.siteUrl });
  assertEveryRowAccounted(report);
  const message = '编号 BZ-2026-0001、bz-2026-0001 只有大小写不同，在不区分大小写的网站主机上是同一个网址（第 2、4 行），所有相关行均不予公示';
  for (const line of [2, 4]) assert.deepEqual(problemsOf(report, 'honors.csv', line).map((p) => [p.field, p.message]), [['信息编号', message]], `line ${line}`);
});

/**
 * The good export with a lower-case copy of CN2026000001's letter, named by a new last row (line
 * 10, after the file's 9 lines) whose 公开类型 is `scope`; line 2 is CN2026000001, whose letter is
 * attachments/commitments/CN2026000001.pdf. Ingested as of 2026-11-28.
 */
async function withLetterTwin(scope: string, sharers = 0) {
  const dir = join(tempDir('attachment-case-'), 'export');
  cpSync(fixture('good'), dir, { recursive: true });
  copyFileSync(join(dir, 'attachments', 'commitments', 'CN2026000001.pdf'), join(dir, 'attachments', 'commitments', 'cn2026000001.pdf'));
  const row = (id: string, letter: string, open: string) => `${id},泰安市发展和改革委员会,政府机构,11370900MB2850001B,,优化服务,事由,内容,,2026-01-10,,泰安市人民政府,履行中,,,,,${open},attachments/commitments/${letter},\n`;
  // `sharers` more public rows (lines 11, 12…) show the upper-case letter, as a template would be shared.
  const shared = Array.from({ length: sharers }, (_, i) => row(`CN20260001${String(i).padStart(2, '0')}`, 'CN2026000001.pdf', '可向社会公开')).join('');
  appendFileSync(join(dir, 'commitments.csv'), row('CN2026000099', 'cn2026000001.pdf', scope) + shared);
  assert.equal(spawnSync(process.execPath, ['scripts/export-manifest.ts', dir], { cwd: join(import.meta.dirname, '..', '..', '..') }).status, 0);
  const result = await ingestExport({ exportDir: dir, asOf: '2026-11-28', regions: portal.regions, siteUrl: portal.siteUrl });
  assertEveryRowAccounted(result.report);
  return result;
}

test('two attachments whose names differ only in case reject every row naming either: one file on a host that ignores case', async () => {
  const { report, commitments } = await withLetterTwin('可向社会公开');
  const message = '附件 attachments/commitments/CN2026000001.pdf、attachments/commitments/cn2026000001.pdf 只有大小写不同，在不区分大小写的网站主机上是同一个文件（第 2、10 行），相关行均不予公示';
  for (const line of [2, 10]) assert.deepEqual(problemsOf(report, 'commitments.csv', line).map((p) => [p.field, p.message]), [['承诺书附件', message]], `line ${line}`);
  assert.ok(!commitments.some((c) => c.id === 'CN2026000001' || c.id === 'CN2026000099'));
});

test('a letter shared by many rows: the message lists ten lines and the count, the same for every row', async () => {
  // Lines 2 (CN2026000001), 10 (the lower-case twin) and 11–21 (eleven sharers): 13 rows.
  const { report } = await withLetterTwin('可向社会公开', 11);
  const message = '附件 attachments/commitments/CN2026000001.pdf、attachments/commitments/cn2026000001.pdf 只有大小写不同，在不区分大小写的网站主机上是同一个文件（第 2、10、11、12、13、14、15、16、17、18 等 13 行），相关行均不予公示';
  for (const line of [2, 10, 21]) assert.deepEqual(problemsOf(report, 'commitments.csv', line).map((p) => p.message), [message], `line ${line}`);
});

test('a non-public row naming the other spelling rejects nothing: its letter is never published, so no file is served for another', async () => {
  const { report, commitments, withheld } = await withLetterTwin('不可公开');
  assert.deepEqual(problemsOf(report, 'commitments.csv'), []);
  assert.ok(commitments.some((c) => c.id === 'CN2026000001'));
  assert.ok(withheld.some((w) => w.id === 'CN2026000099' && w.reason === 'not_public'));
});

test("two cases whose images differ only in case are both refused: one file on a host that ignores case", async () => {
  const dir = join(tempDir('image-case-'), 'export');
  cpSync(fixture('good'), dir, { recursive: true });
  const images = join(dir, 'attachments', 'cases');
  mkdirSync(images, { recursive: true });
  const png = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'exports', 'bad-cases', 'attachments', 'cases', 'cover.png'));
  writeFileSync(join(images, 'Photo.png'), png);
  writeFileSync(join(images, 'photo.png'), png);
  const front = (title: string, cover: string, body = '正文。') => `---\ntitle: ${title}\ndate: 2026-10-01\nregion: 市直\ncategory: 诚信建设经验\nsummary: 摘要。\ncover: ${cover}\ncover_alt: 图\n---\n\n${body}\n`;
  writeFileSync(join(dir, 'cases', 'upper-photo.md'), front('甲', 'attachments/cases/Photo.png'));
  writeFileSync(join(dir, 'cases', 'lower-photo.md'), front('乙', 'attachments/cases/photo.png'));
  const { report, cases } = await ingestExport({ exportDir: dir, asOf: '2026-11-28', regions: portal.regions, siteUrl: portal.siteUrl });
  const message = '图片 attachments/cases/Photo.png、attachments/cases/photo.png 只有大小写不同，在不区分大小写的网站主机上是同一个文件，相关案例均不予公示';
  for (const name of ['upper-photo.md', 'lower-photo.md']) assert.deepEqual(problemsOf(report, `cases/${name}`).map((p) => p.message), [message], name);
  assert.ok(!cases.some((c) => c.slug === 'upper-photo' || c.slug === 'lower-photo'));

  // A case refused for its own fault (a link to a page the site lacks) shows no image: its twin is published.
  writeFileSync(join(dir, 'cases', 'upper-photo.md'), front('甲', 'attachments/cases/Photo.png', '见[处罚](/penalties/XZCF-2099-0001/)。'));
  const again = await ingestExport({ exportDir: dir, asOf: '2026-11-28', regions: portal.regions, siteUrl: portal.siteUrl });
  assert.deepEqual(problemsOf(again.report, 'cases/upper-photo.md').map((p) => p.message), ['正文链接指向的页面不存在：/penalties/XZCF-2099-0001/（导出中没有编号为 XZCF-2099-0001 的行政处罚信息）']);
  assert.deepEqual(problemsOf(again.report, 'cases/lower-photo.md'), []);
  assert.ok(again.cases.some((c) => c.slug === 'lower-photo'));
});
