/**
 * A case body's link to the page of one record, subject or case: the page must be one the build
 * will have, or the case is rejected at the link's line (the build's link check would fail the
 * whole build, naming only the built page). On a copy of the `good` export, as of 2026-11-28:
 * XZCF-2026-0001 is published, XZCF-2025-0002 withheld (repaired: its notice page stays),
 * 2026-taishan-commitment-ledger has the redirect key taishan-ledger.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import portal from '../../../portal.config.ts';
import { ingestExport } from '../../../src/lib/pipeline/ingest.ts';
import { assertEveryRowAccounted, fixture, problemsOf } from '../support/exports.ts';
import { tempDir } from '../support/temp-dir.ts';

const dir = join(tempDir('case-links-'), 'export');
cpSync(fixture('good'), dir, { recursive: true });
const frontMatter = (title: string) => `---\ntitle: ${title}\ndate: 2026-10-01\nregion: 市直\ncategory: 诚信建设经验\nsummary: 链接检查\n---\n`;
const write = (slug: string, title: string, body: string) => writeFileSync(join(dir, 'cases', `${slug}.md`), frontMatter(title) + body);
// Body lines start at line 8 of each file.
write('links-ok', '链接齐全', [
  '[已公示的处罚](/penalties/XZCF-2026-0001/)', // 8
  '[停止公示的处罚](../../penalties/XZCF-2025-0002/)', // 9
  '[主体](https://credit.taian.gov.cn/subjects/11370900MB2850001B/)', // 10
  '[旧网址的案例](/cases/taishan-ledger/)、[处罚列表](/penalties/)、[外站](https://www.gov.cn/penalties/NONE/)', // 11
  '[案例列表](/cases/index.html)、[名录](/subjects/index.html)、[处罚](/penalties/XZCF-2026-0001/index.html)', // 12
].join('\n'));
write('links-broken', '链接有误', [
  '[处罚](/penalties/XZCF-2026-9999/)', // 8
  '', // 9
  '[主体](/subjects/11370900MB2859999X/)', // 10
  '', // 11
  '[案例](../no-such-case/)', // 12
  '', // 13
  '<p><a href="/honors/bz-2026-0001/">大小写不同</a></p>', // 14
  '', // 15
  '[没有结尾的斜线](/penalties/XZCF-2026-0001)', // 16
].join('\n'));
write('links-to-broken', '链接到被拒绝的案例', '见[上一案例](/cases/links-broken/)。\n');

const { report, cases } = await ingestExport({ exportDir: dir, asOf: '2026-11-28', regions: portal.regions, siteUrl: portal.siteUrl });
const at = (slug: string) => problemsOf(report, `cases/${slug}.md`).map((p) => [p.line, p.message]);

describe('pipeline: a case linking to the page of one record', () => {
  test('links to a published or a withheld record, a subject, a case by its old key, a list, a folder\'s index.html or another host pass', () => {
    assert.deepEqual(at('links-ok'), []);
    assert.ok(cases.some((c) => c.slug === 'links-ok'));
  });
  test('each link to a page the build will not have is a problem at its line, saying what is missing', () => {
    assert.deepEqual(at('links-broken'), [
      [8, '正文链接指向的页面不存在：/penalties/XZCF-2026-9999/（导出中没有编号为 XZCF-2026-9999 的行政处罚信息）'],
      [10, '正文链接指向的页面不存在：/subjects/11370900MB2859999X/（subjects.csv 中没有统一社会信用代码为 11370900MB2859999X 的主体）'],
      [12, '正文链接指向的页面不存在：../no-such-case/（没有 URL 键为 no-such-case 的公示案例）'],
      [14, '正文链接指向的页面不存在：/honors/bz-2026-0001/（导出中没有编号为 bz-2026-0001 的表彰奖励信息）'],
      // The page is there, but the build's link check wants its folder's `/` (it would fail the whole build).
      [16, '正文链接缺少结尾的“/”：/penalties/XZCF-2026-0001（应写作 /penalties/XZCF-2026-0001/）'],
    ]);
  });
  test('a link to a case that is rejected is a problem too: its page will not be built either', () => {
    assert.deepEqual(at('links-to-broken'), [[8, '正文链接指向的页面不存在：/cases/links-broken/（没有 URL 键为 links-broken 的公示案例）']]);
  });
  test('only the cases whose links all lead somewhere are published; every case is accounted for', () => {
    assertEveryRowAccounted(report);
    assert.deepEqual(cases.map((c) => c.slug).sort(), ['2026-chengjian-rectification', '2026-taishan-commitment-ledger', 'links-ok']);
  });
});
