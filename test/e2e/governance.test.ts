/**
 * /governance/, /data/ and the feeds, built from test/fixtures/exports/governance as of
 * 2026-12-28. Expected figures were worked out by hand (see test/unit/governance/metrics.test.ts).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { axeViolations } from './support/axe.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import portal from '../../portal.config.ts';
import { ingestExport, type IngestResult } from '../../src/lib/pipeline/ingest.ts';
import { CONTRACT_FILES } from '../../src/lib/schemas/contract.ts';
import { launchBrowser } from './support/browser.ts';
import { buildSite, ROOT, type BuiltSite } from './support/build.ts';
import { serveStatic as serve, type StaticServer } from '../../scripts/lib/static-server.ts';
import { LAYOUT_SCRIPT_START, scriptsOf, textOf, walk } from './support/site.ts';

const EXPORT = join(ROOT, 'test/fixtures/exports/governance');
const AS_OF = '2026-12-28';
let built: BuiltSite;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let published: IngestResult;

before(async () => {
  built = await buildSite(EXPORT, AS_OF);
  server = await serve(built.outDir);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  published = await ingestExport({ exportDir: EXPORT, asOf: AS_OF, regions: portal.regions, siteUrl: portal.siteUrl });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.origin + path);
  return page;
}
const file = (path: string) => readFileSync(join(built.outDir, path), 'utf8');

describe('/governance/ figures', () => {
  test('the four headline figures are the hand-worked numbers', async () => {
    const page = await open('/governance/');
    const metrics = await page.locator('[data-metric]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-metric'), e.textContent])));
    await page.close();
    assert.deepEqual(metrics, { 'active-dishonest': '6', 'open-enforcement': '4', 'unrepaired-past-minimum': '3', 'late-notices': '4' });
  });
  test('the home page 在列的失信被执行人 figure is active-dishonest', async () => {
    const page = await open('/');
    assert.equal(await page.locator('[data-metric="active-dishonest"]').textContent(), '6');
    await page.close();
  });
  test('every chart bar has the number its table shows, and every table cell of a series is a bar', async () => {
    const page = await open('/governance/');
    const charts = await page.locator('figure.chart').evaluateAll((figures) =>
      figures.map((f) => ({
        bars: [...f.querySelectorAll('rect[data-value]')].map((r) => [r.getAttribute('data-category'), r.getAttribute('data-series'), r.getAttribute('data-value')]),
        head: [...f.querySelectorAll('thead th')].map((th) => th.textContent),
        rows: [...f.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      })),
    );
    await page.close();
    assert.equal(charts.length, 4);
    for (const c of charts) {
      const series = [...new Set(c.bars.map((b) => b[1]!))];
      const fromTable = c.rows.flatMap((row) => series.map((s) => [row[0], s, row[c.head.indexOf(s as string)]]));
      // A bar names its month as data (2026-03), its table row as a reader reads it (2026年3月).
      const named = c.bars.map(([category, ...rest]) => [category!.replace(/^(\d{4})-0?(\d{1,2})$/, '$1年$2月'), ...rest]);
      assert.deepEqual(named.sort(), fromTable.sort());
    }
    // The listings chart's last bar is December 2026 with 6, as worked out by hand.
    assert.deepEqual(charts[0]!.bars.find((b) => b[0] === '2026-12'), ['2026-12', '在列', '6']);
  });
  test('past months count listings since removed: November 2026 has SX5 (removed 12-01), 5 in all', async () => {
    const page = await open('/governance/');
    const nov = await page.locator('#listings-caption').locator('xpath=..').locator('tbody tr', { hasText: '2026年11月' }).locator('th, td').allTextContents();
    await page.close();
    // 市直 SX1 SX5 SX7, 泰山区 SX4, 岱岳区 SX2
    // Months as the spec writes dates (2026年11月), not ISO (2026-11).
    assert.deepEqual(nov, ['2026年11月', '3', '1', '1', '0', '0', '0', '0', '0', '5']);
  });
  test('the page shows the withheld closed cases by 结案 month and the median days to close, worked out by hand', async () => {
    const page = await open('/governance/');
    const figure = page.locator('#enforcement-caption').locator('xpath=..');
    const rows = await figure.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const text = await figure.innerText();
    await page.close();
    // ZX7 closed 2026-03-02 (119 days), ZX2 2026-04-01 (59), ZX6 2026-07-20 (40); ZX8 closed 2024, before the 24 months
    assert.deepEqual(rows.filter((r) => r[2] !== '0').map((r) => [r[0], r[2]]), [['2026年3月', '1'], ['2026年4月', '1'], ['2026年7月', '1']]);
    assert.match(text, /近 24 个月结案 3 件，立案至结案天数中位数：59 天/);
    assert.doesNotMatch(text, /暂无数据|不在统计之内/);
  });
  test('the page says what each figure counts: 督办状态 only listings in force on the as-of date (SX1–SX4, SX6, SX7: 6, as active-dishonest), the monthly trends also withheld ones', async () => {
    const page = await open('/governance/');
    const lead = await page.locator('p.lead').innerText();
    const supervision = await page.locator('#supervision-caption').locator('xpath=..').locator('tbody td:last-child').allTextContents();
    await page.close();
    assert.equal(supervision.reduce((n, c) => n + Number(c), 0), 6);
    assert.match(lead, /主要指标、各区域在列情况、督办状态和未清零事项只统计当日依法公示的信息；按月趋势还计入已结案、已移出名单而停止公示的信息/);
  });
  test('/data/governance.json carries the same figures with the as-of date and the export', () => {
    const g = JSON.parse(file('data/governance.json'));
    assert.equal(g.as_of, AS_OF);
    assert.equal(g.asOf, undefined);
    assert.equal(g.export.exported_at, '2026-12-27T23:10:00+08:00');
    assert.deepEqual(g.metrics, { 'active-dishonest': 6, 'open-enforcement': 4, 'unrepaired-past-minimum': 3, 'late-notices': 4 });
    // SX3 and ZX4 are pending on 12-28 whatever 2027's calendar says (test/unit/governance/metrics.test.ts).
    assert.deepEqual(g.lateNotices, { late: 4, unknown: 0, missingYears: [] });
  });
  test('/data/governance.json carries the hand-worked closures, median and monthly listings, and no history entry', () => {
    const g = JSON.parse(file('data/governance.json'));
    assert.equal(g.enforcement.medianDaysToClose, 59);
    assert.equal(g.enforcement.closedCases, 3);
    assert.deepEqual(g.enforcement.months.filter((m: { closed: number }) => m.closed > 0).map((m: { month: string }) => m.month), ['2026-03', '2026-04', '2026-07']);
    assert.deepEqual(g.listingsByMonth.map((m: { total: number }) => m.total), [0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 2, 2, 2, 2, 3, 3, 4, 5, 5, 5, 6]);
    assert.equal(g.history, undefined);
  });
});

describe('withheld cases and listings are counted, never shown', () => {
  // From the fixture CSVs: 案号, 执行法院, 执行依据文号 and 义务 that only withheld rows (ZX2, ZX6, ZX7, ZX8,
  // SX5, SX8, SX9) or rejected rows (ZX9, ZX10, SX10 and their subject) carry.
  const withheldDetails = [
    '（2026）鲁0911执88号', '（2025）鲁0911民初77号',
    '（2026）鲁0923执606号', '东平县人民法院', '（2026）鲁0923民初606号',
    '（2025）鲁0983执707号', '肥城市人民法院', '（2025）鲁0983民初707号',
    '（2024）鲁0921执808号', '宁阳县人民法院', '（2024）鲁0921民初808号',
    '（2026）鲁0902执500号', '（2026）鲁0902民初50号',
    '（2025）鲁0921执818号', '（2024）鲁0921民初818号', '支付医疗设备款',
    '（2026）鲁0983执919号', '（2025）鲁0983民初919号', '支付征地补偿款',
    '（2026）鲁09执909号', '（2026）鲁0902执1010号', '（2026）鲁09执929号', '泰安市中级人民法院', '宁阳县住房和城乡建设局',
  ];
  const asBytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  test('no withheld or rejected record detail is in any built file, the gzip search index read decompressed', async () => {
    const found: string[] = [];
    let gzipFiles = 0;
    let publishedSeen = false;
    for (const path of walk(built.outDir)) {
      const { text, gzip } = await textOf(path);
      if (gzip) gzipFiles++;
      // The scan can see a detail: the published ZX3's 案号 is on its page and in the search index.
      if (text.includes(asBytes('（2026）鲁0902执1500号'))) publishedSeen = true;
      for (const d of withheldDetails) if (text.includes(asBytes(d))) found.push(`${d} in ${path.slice(built.outDir.length)}`);
    }
    assert.ok(gzipFiles > 5, `the search index was read decompressed (${gzipFiles} gzip files)`);
    assert.ok(publishedSeen, 'a published 案号 is found by the same scan');
    assert.deepEqual(found, []);
  });
  for (const path of ['/enforcement/ZX6/', '/dishonest/SX8/']) {
    test(`the withheld page ${path} shows only 该信息已依法停止公示 and the reason`, async () => {
      const page = await open(path);
      const text = await page.locator('main').innerText();
      await page.close();
      assert.match(text, /该信息已依法停止公示/);
      assert.match(text, /停止公示原因：/);
      assert.doesNotMatch(text, /案号|执行法院|立案|发布时间|督办/);
    });
  }
});

describe('deadline lines', () => {
  const verdict = async (path: string) => {
    const page = await open(path);
    const text = await page.locator('[data-deadline-verdict]').first().textContent();
    await page.close();
    return text;
  };
  test('a listing never reported 54 working days after its deadline says 逾期 54 个工作日', async () => {
    assert.equal(await verdict('/dishonest/SX4/'), '逾期 54 个工作日');
  });
  test('a case reported on its deadline says 按期', async () => {
    assert.equal(await verdict('/enforcement/ZX3/'), '按期');
  });
  test('a 7th working day in 2027 is 暂无法计算 with the missing year; 2 and 3 working days after the start the notice is still pending', async () => {
    assert.equal(await verdict('/dishonest/SX3/'), '尚未通报，期限未到');
    const page = await open('/enforcement/ZX4/');
    const text = await page.locator('.deadline').innerText();
    assert.match(text, /应通报期限（立案日期后 7 个工作日）\s*暂无法计算（缺少2027年的法定节假日安排/);
    assert.match(text, /尚未通报，期限未到/);
    await page.close();
  });
  test('the agency profile lists its cases and listings with their deadlines', async () => {
    const page = await open('/subjects/11370900MB2850001B/');
    const verdicts = await page.locator('[data-deadline-verdict]').allTextContents();
    await page.close();
    assert.deepEqual(verdicts.sort(), ['尚未通报，期限未到', '逾期 3 个工作日'].sort()); // SX6 pending, ZX5 late 3
  });
  test('an unrepaired penalty past its minimum says since when, in working days', async () => {
    const page = await open('/penalties/P2/');
    assert.equal(await page.locator('[data-repair-wait]').textContent(), '自2026年9月15日起可申请信用修复，已过 70 个工作日仍未修复。');
    await page.close();
  });
  test('a penalty page gives the day it stops being published (§6: on the end day it is over) and the day repair may be applied for from', async () => {
    // P2: 一般, decided 2026-06-15: repair from 09-15, published up to 2027-06-14.
    const page = await open('/penalties/P2/');
    const window = await page.locator('ul.window').innerText();
    await page.close();
    assert.match(window, /可申请信用修复\s*2026年9月15日起/);
    assert.match(window, /停止公示\s*2027年6月15日起\s*（法定最长公示期届满）/);
    assert.doesNotMatch(window, /截止/);
  });
  test('a 一般 penalty of a 公示期特殊领域 stops being published the day its minimum ends: no repair to apply for', async () => {
    // P1: 安全生产, derived 一般, decided 2026-02-10: minimum and maximum both end 2027-02-10.
    const page = await open('/penalties/P1/');
    const window = await page.locator('ul.window').innerText();
    const callout = await page.locator('p.callout').innerText();
    await page.close();
    assert.doesNotMatch(window, /可申请信用修复/);
    assert.match(window, /停止公示\s*2027年2月10日起/);
    assert.equal(callout, '该处罚的最短公示期届满之日即停止公示（2027年2月10日起），无需申请信用修复。');
  });
  test('the build report warns that 2027 is missing and the build still succeeded', () => {
    const report = JSON.parse(readFileSync(built.reportPath, 'utf8'));
    const w = report.problems.filter((p: { file: string }) => p.file === 'data/calendar/2027.json');
    assert.equal(w.length, 1);
    assert.match(w[0].message, /缺少 2027 年的节假日安排/);
  });
});

/** A published record's value as the contract cell: lists joined with ；, numbers as written, empty as ''. */
const cell = (v: unknown) => (v === undefined ? '' : Array.isArray(v) ? v.join('；') : String(v));
/** The formula rule: a cell starting with = + - @ tab or CR gets a leading apostrophe. */
const neutralised = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('/data/ downloads', () => {
  for (const { kind, definition } of CONTRACT_FILES) {
    test(`${kind}.csv and ${kind}.json hold exactly the published records, in the contract's columns`, () => {
      const records = published[kind] as unknown as Record<string, unknown>[];
      const fields = definition.fields as readonly string[];
      const headers = fields.map((f) => (definition.labels as Record<string, string>)[f]!);
      const raw = file(`data/${kind}.csv`);
      assert.equal(raw.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
      const csv = Papa.parse<string[]>(raw.slice(1), { skipEmptyLines: true });
      assert.deepEqual(csv.errors, []);
      assert.deepEqual(csv.data[0], headers);
      const expected = records.map((r) => fields.map((f) => neutralised(cell(r[f]))));
      assert.deepEqual([...csv.data.slice(1)].sort(), [...expected].sort());
      const json = JSON.parse(file(`data/${kind}.json`)) as Record<string, unknown>[];
      assert.deepEqual(
        json.map((o) => Object.keys(o)),
        records.map(() => headers),
      );
      const expectedJson = records.map((r) => Object.fromEntries(fields.map((f, i) => [headers[i], r[f] === undefined ? null : r[f]])));
      assert.deepEqual([...json].sort((a, b) => String(Object.values(a)[0]).localeCompare(String(Object.values(b)[0]))), [...expectedJson].sort((a, b) => String(Object.values(a)[0]).localeCompare(String(Object.values(b)[0]))));
    });
  }
  test('cases.csv and cases.json hold the published model cases under their Chinese names', () => {
    // Written out by hand from the front matter of the two fixture cases.
    const headers = ['案例标识', '标题', '发布日期', '所属区域', '类别', '摘要', '涉及主体统一社会信用代码', '来源', '封面图片', '封面图片说明', '曾用案例标识', '正文'];
    const csv = Papa.parse<string[]>(file('data/cases.csv').slice(1), { skipEmptyLines: true });
    assert.deepEqual(csv.errors, []);
    assert.deepEqual(csv.data[0], headers);
    assert.deepEqual(csv.data.slice(1).map((r) => r.slice(0, 11)), [
      ['2026-city-dishonest-zeroing', '市直单位失信被执行人动态清零', '2026-12-20', '市直', '失信整改案例', "'-市发展改革委督促两家市直单位履行生效判决，推动失信被执行人信息移出名单。", '11370900MB2850001B；91370900MA3C000044', '', '', '', 'city-zeroing'],
      ['2026-xintai-notice-ledger', '新泰市建立被执行案件通报台账', '2026-11-05', '新泰市', '诚信建设经验', '新泰市对涉政府机构被执行案件实行立案后七个工作日内通报。', '', '新泰日报', '', '', ''],
    ]);
    assert.match(csv.data[1]![11]!, /市发展改革委建立政务失信台账，逐案督办。/);
    const json = JSON.parse(file('data/cases.json')) as Record<string, unknown>[];
    assert.deepEqual(json.map((c) => [c['案例标识'], c['涉及主体统一社会信用代码'], c['来源'], c['摘要']]), [
      ['2026-city-dishonest-zeroing', ['11370900MB2850001B', '91370900MA3C000044'], null, '-市发展改革委督促两家市直单位履行生效判决，推动失信被执行人信息移出名单。'],
      ['2026-xintai-notice-ledger', null, '新泰日报', '新泰市对涉政府机构被执行案件实行立案后七个工作日内通报。'],
    ]);
    assert.equal(published.cases.length, 2);
  });
  test('withheld records (repaired P4, closed ZX2, removed SX5) are in no download', () => {
    for (const id of ['P4', 'ZX2', 'SX5']) for (const f of ['penalties', 'enforcement', 'dishonest']) {
      assert.doesNotMatch(file(`data/${f}.csv`), new RegExp(`^${id},`, 'm'));
      assert.doesNotMatch(file(`data/${f}.json`), new RegExp(`"${id}"`));
    }
  });
  test('formula cells are neutralised in CSV and kept as published in JSON', () => {
    const rowOf = (kind: string, id: string) => Papa.parse<string[]>(file(`data/${kind}.csv`).slice(1)).data.find((r) => r[0] === id)!;
    assert.ok(rowOf('dishonest', 'SX6').includes("'@SUM(A1)"));
    assert.ok(rowOf('dishonest', 'SX4').includes("'-有履行能力而拒不履行"));
    assert.ok(rowOf('penalties', 'P2').includes("'+未按规定明码标价。"));
    assert.ok(rowOf('enforcement', 'ZX5').includes(`'=HYPERLINK("http://example.invalid","点击")`));
    const sx6 = (JSON.parse(file('data/dishonest.json')) as Record<string, unknown>[]).find((o) => o['信息编号'] === 'SX6')!;
    assert.equal(sx6['失信被执行人行为具体情形'], '@SUM(A1)');
  });
  test('the /data/ page and datapackage.json give each file its real size and sha256', async () => {
    const page = await open('/data/');
    const rows = await page.locator('tr[data-file]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-file'), tr.querySelector('[data-bytes]')!.getAttribute('data-bytes'), tr.querySelector('[data-sha256]')!.textContent, tr.querySelector('[data-rows]')!.textContent]));
    const text = await page.locator('main').innerText();
    await page.close();
    assert.equal(rows.length, 16); // 7 kinds × 2, governance.json, datapackage.json
    for (const [name, bytes, sha] of rows) {
      const body = readFileSync(join(built.outDir, 'data', name!));
      assert.equal(Number(bytes), body.length, `${name} size`);
      assert.equal(sha, createHash('sha256').update(body).digest('hex'), `${name} sha256`);
    }
    assert.equal(rows.find((r) => r[0] === 'dishonest.csv')![3], '6');
    assert.match(text, /数据截至2026年12月28日/);
    assert.match(text, new RegExp(portal.openData.license.title));
    for (const t of portal.openData.terms) assert.ok(text.includes(t));
    const pkg = JSON.parse(file('data/datapackage.json'));
    assert.equal(pkg.resources.length, 15);
    for (const r of pkg.resources) {
      const body = readFileSync(join(built.outDir, 'data', r.path));
      assert.equal(r.bytes, body.length);
      assert.equal(r.hash, `sha256:${createHash('sha256').update(body).digest('hex')}`);
      assert.match(r.name, /^[a-z0-9._-]+$/);
    }
    assert.deepEqual(pkg.licenses, [portal.openData.license]);
  });
});

describe('feeds', () => {
  for (const name of ['cases', 'commitments']) {
    test(`/feeds/${name}.xml is well-formed RSS with absolute links, newest first`, async () => {
      const page = await open('/');
      const xml = file(`feeds/${name}.xml`);
      const parsed = await page.evaluate((x) => {
        const doc = new DOMParser().parseFromString(x, 'application/xml');
        if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror')!.textContent };
        return { root: doc.documentElement.nodeName, links: [...doc.querySelectorAll('item > link')].map((l) => l.textContent), dates: [...doc.querySelectorAll('item > pubDate')].map((d) => Date.parse(d.textContent!)) };
      }, xml);
      await page.close();
      assert.equal(parsed.error, undefined);
      assert.equal(parsed.root, 'rss');
      assert.equal(parsed.links!.length, name === 'cases' ? 2 : 1);
      for (const l of parsed.links!) assert.ok(l!.startsWith(`${portal.siteUrl}/${name}/`), l!);
      assert.deepEqual(parsed.dates, [...parsed.dates!].sort((a, b) => b - a));
    });
  }
  test('pages link the feeds with <link rel="alternate">, and nav and footer link governance, data and feeds', async () => {
    const page = await open('/governance/');
    assert.deepEqual(await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href'))), ['/feeds/cases.xml', '/feeds/commitments.xml']);
    const nav = await page.locator('header a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(nav.includes('/governance/') && nav.includes('/data/'));
    const footer = await page.locator('footer a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of ['/governance/', '/data/', '/feeds/cases.xml', '/feeds/commitments.xml']) assert.ok(footer.includes(href), href);
    await page.close();
    const sitemap = file('sitemap-0.xml');
    for (const p of ['/governance/', '/data/', '/feeds/cases.xml', '/feeds/commitments.xml']) assert.ok(sitemap.includes(`<loc>${portal.siteUrl}${p}</loc>`), p);
  });
});

describe('accessibility and validity', () => {
  test('on a phone the tables scroll sideways: no number, date, file name or short label breaks across lines; long text keeps a phrase\'s width', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    for (const path of ['/governance/', '/data/', '/subjects/11370900MB2850001B/']) {
      const page = await phone.newPage();
      await page.goto(server.origin + path);
      const tables = await page.locator('.table-scroll').evaluateAll((regions) =>
        regions.map((region) => {
          const cells = [...region.querySelectorAll<HTMLElement>('th, td')];
          // The lines a cell's text takes: the distinct tops of its text's boxes.
          const lines = (cell: HTMLElement) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          };
          const em = (cell: HTMLElement) => cell.getBoundingClientRect().width / parseFloat(getComputedStyle(cell).fontSize);
          return {
            scrolls: region.scrollWidth > region.clientWidth,
            broken: cells.filter((c) => !c.matches('.long-text, .hash') && lines(c) > 1).map((c) => c.textContent),
            narrow: cells.filter((c) => c.matches('.long-text') && em(c) < 11.9).map((c) => c.textContent),
          };
        }),
      );
      await page.close();
      assert.ok(tables.length > 0 && tables.some((t) => t.scrolls), `${path}: a table wider than a phone scrolls`);
      assert.deepEqual(tables.flatMap((t) => t.broken), [], `${path}: cells broken across lines`);
      assert.deepEqual(tables.flatMap((t) => t.narrow), [], `${path}: long text narrower than 12em`);
    }
    await phone.close();
  });


  for (const path of ['/governance/', '/data/']) {
    test(`axe finds no WCAG 2.2 AA violation nor best-practice issue on ${path}`, async () => {
      const page = await open(path);
      const violations = await axeViolations(page);
      await page.close();
      assert.deepEqual(violations, []);
    });
    test(`${path} is valid HTML (Nu Html Checker)`, () => {
      const vnu = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
      const html = join(built.outDir, path, 'index.html');
      try {
        execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'text', html], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        assert.fail(`vnu: ${(e as { stderr?: string }).stderr}`);
      }
    });
  }
  test('the charts need no script: /governance/ has only the layout\'s large-text script', () => {
    assert.deepEqual(scriptsOf(file('governance/index.html')).map((s) => LAYOUT_SCRIPT_START.test(s)), [true]);
  });
});
