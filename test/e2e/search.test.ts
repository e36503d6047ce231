/**
 * Site search in chromium over the bundled sample export: Chinese recall against the pages'
 * own text, filters, ?q=, accessibility, and the page without JavaScript.
 */
import { axeViolations } from './support/axe.ts';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { buildSite, ROOT, type BuiltSite } from './support/build.ts';
import { serveStatic as serve, type StaticServer } from '../../scripts/lib/static-server.ts';
import { htmlFiles, urlPathOf } from './support/site.ts';

/** 2–8 Chinese characters from the sample: agencies, towns and streets, commitment phrases,
 * penalty types and facts, and a few that cut across word boundaries (marked ✂). */
const QUERIES = [
  // agencies and courts
  '市场监督管理局', '应急管理局', '泰山区人民政府', '公共资源交易中心', '自然资源和规划局', '发展和改革委员会',
  '城市建设投资集团', '人民法院', '人民医院', '岱岳区', '东平县', '肥城市',
  // towns, streets, roads
  '青云街道', '新城街道', '粥店街道', '灵山大街', '龙潭路',
  // commitments
  '履职尽责', '优化服务', '好差评', '一窗受理', '一次办好', '评先评优', '诚实守信', '政务诚信建设', '信用承诺书',
  // penalties, enforcement, dishonest listings, honours
  '责令停产停业', '安全生产', '事故隐患', '罚款', '警告', '临时用电', '违反财产报告制度', '逾期付款利息', '全部未履行', '全国文明单位',
  // ✂ across word boundaries
  '督管理局', '县人民法', '区人民', '处罚款', '用修', '市岱岳区', '新泰市青云',
];

const SHARD_SIZE = 100;

/** The fields holding a page's own number, by kind (the contract's column names). */
const OWN_NUMBER_FIELDS: Record<string, string[]> = {
  subjects: ['统一社会信用代码'],
  commitments: ['信息编号'],
  penalties: ['信息编号', '行政处罚决定书文号'],
  enforcement: ['信息编号', '案号'],
  dishonest: ['信息编号', '案号'],
  honors: ['信息编号'],
};

interface TruthPage {
  url: string;
  text: string;
  /** The page's own numbers, read from its field list. */
  numbers: string[];
  kind: string;
  region: string;
  date: string;
  status: string;
  /** A profile's subject name (data-name), '' elsewhere. */
  name: string;
}

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let truth: TruthPage[] = [];

/** Runs a search through the page's form, following 加载更多 to the end; returns result URLs. */
async function searchAll(page: Page, query: string): Promise<{ urls: string[]; status: string; first: string }> {
  await page.goto(`${server.origin}/search/?${query}`);
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && s !== '正在搜索…';
  });
  const first = (await page.locator('#search-status').textContent()) ?? '';
  const more = page.locator('#search-more');
  for (let i = 0; i < 200 && (await more.isVisible()); i++) {
    const n = await page.locator('#search-results > li').count();
    await more.click();
    await page.waitForFunction((k) => document.querySelectorAll('#search-results > li').length > k || document.getElementById('search-more')!.hidden, n);
  }
  const urls = await page.locator('#search-results > li h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const status = (await page.locator('#search-status').textContent()) ?? '';
  // Once everything is loaded the count is exact and matches the list.
  assert.match(status, urls.length ? new RegExp(`^共找到 ${urls.length} 条结果`) : /^没有找到/, `status after loading all: ${status}`);
  return { urls, status, first };
}

const q = (text: string, extra: Record<string, string> = {}) => new URLSearchParams({ q: text, ...extra }).toString();
const contains = (query: string) => truth.filter((t) => t.text.includes(query)).map((t) => t.url);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Pages whose text holds the number whole (no letter or digit joined to either end). */
const holdsNumber = (n: string) => truth.filter((t) => new RegExp(`(^|[^0-9A-Za-z])${escape(n)}($|[^0-9A-Za-z])`).test(t.text)).map((t) => t.url);

describe('site search', { timeout: 900_000 }, () => {
  before(async () => {
    // Small shards, so the sample (450 pages) is split like a big site: routing, several
    // shards, 至少 N 条 and 加载更多 across shards are all exercised.
    process.env.PORTAL_SEARCH_PER_SHARD = String(SHARD_SIZE);
    site = await buildSite(join(ROOT, 'data/export'), '2026-11-28');
    server = await serve(site.outDir);
    browser = await launchBrowser();
    context = await browser.newContext();
    // Ground truth: every published page that carries the search markup, and the text a
    // reader sees in its search regions (chromium's innerText: blocks on lines of their own).
    const searchable = htmlFiles(site.outDir).filter((f) => {
      const html = readFileSync(f, 'utf8');
      return html.includes('data-search-meta') && !html.includes('<meta name="robots" content="noindex"');
    });
    const reader = await browser.newContext({ javaScriptEnabled: false });
    const page = await reader.newPage();
    for (const file of searchable) {
      const url = urlPathOf(site.outDir, file);
      await page.goto(server.origin + url);
      truth.push({
        url,
        ...(await page.evaluate(() => {
          const m = document.querySelector<HTMLElement>('[data-search-meta]')!.dataset;
          // Field names are page chrome, not content: the index leaves them out, so does the truth.
          for (const e of document.querySelectorAll<HTMLElement>('[data-search-ignore]')) e.style.display = 'none';
          const text = [...document.querySelectorAll<HTMLElement>('[data-search-body]')].map((e) => e.innerText).join('\n');
          const fields = [...document.querySelectorAll('[data-search-body] dt')].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling?.textContent?.trim() ?? '']);
          return { text, fields, kind: m.kind ?? '', region: m.region ?? '', date: m.date ?? '', status: m.status ?? '', name: m.name ?? '' };
        }).then(({ fields, ...t }) => ({ ...t, numbers: fields.filter(([l]) => OWN_NUMBER_FIELDS[t.kind]?.includes(l!)).map(([, v]) => v!) }))),
      });
    }
    await reader.close();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('indexes the published record pages, subject profiles and cases, and nothing else', () => {
    const shards = JSON.parse(readFileSync(join(site.outDir, 'search-index/search.json'), 'utf8')).shards as { name: string; pages: number; from: string; to: string }[];
    assert.ok(shards.length >= 4, 'the sample is split into several shards');
    assert.equal(shards[0]!.name, 'p');
    for (let i = 2; i < shards.length; i++) assert.ok(shards[i]!.to <= shards[i - 1]!.from, 'record shards go newest first');
    const kinds = new Set(truth.map((t) => t.kind));
    for (const k of ['commitments', 'penalties', 'enforcement', 'dishonest', 'honors', 'cases', 'subjects']) assert.ok(kinds.has(k), `no searchable ${k} page`);
    const manifest = JSON.parse(readFileSync(join(site.outDir, 'search-index/search.json'), 'utf8')) as { shards: { pages: number }[] };
    assert.equal(manifest.shards.reduce((n, s) => n + s.pages, 0), truth.length, 'every searchable page is in exactly one shard');
    const withheld = htmlFiles(site.outDir).filter((f) => readFileSync(f, 'utf8').includes('<meta name="robots" content="noindex"'));
    assert.ok(withheld.length > 0, 'the sample has withheld pages');
    for (const f of withheld) assert.ok(!readFileSync(f, 'utf8').includes('data-search-meta'), `${urlPathOf(site.outDir, f)} is withheld but marked searchable`);
  });

  test('every searchable page has a <title> of its own: a tab, a bookmark or a shared link tells one agency\'s letters of one reason apart', () => {
    const pages = new Map<string, string[]>();
    for (const { url } of truth) {
      const title = /<title>([^<]*)<\/title>/.exec(readFileSync(join(site.outDir, decodeURIComponent(url), 'index.html'), 'utf8'))![1]!;
      pages.set(title, [...(pages.get(title) ?? []), url]);
    }
    assert.ok(truth.length > 400, `${truth.length} pages`);
    assert.deepEqual([...pages].filter(([, urls]) => urls.length > 1), []);
  });

  test('Astro rendered the searchable pages in the order of the shards, so that they could be built while it rendered', () => {
    // The routes' registered kinds and dates (src/site/search-order.ts) foresaw every shard as planned from the pages.
    assert.match(site.log, /搜索索引：\d+ 个页面，\d+ 个分片/);
    assert.doesNotMatch(site.log, /与渲染顺序预计的不同/);
  });

  test(`Chinese recall and precision are 1.0: ${QUERIES.length} queries find exactly the pages whose text contains them`, async () => {
    const page = await context.newPage();
    const wrong: string[] = [];
    for (const query of QUERIES) {
      const want = contains(query).sort();
      assert.ok(want.length > 0, `query ${query} occurs on no page of the sample`);
      const { urls } = await searchAll(page, q(query));
      assert.equal(new Set(urls).size, urls.length, `${query}: a page listed twice`);
      const got = [...urls].sort();
      const missing = want.filter((u) => !got.includes(u));
      const extra = got.filter((u) => !want.includes(u));
      if (missing.length || extra.length) wrong.push(`${query}: ${want.length} pages hold it; missing ${missing.slice(0, 5).join(' ')}; extra ${extra.slice(0, 5).join(' ')}`);
    }
    await page.close();
    assert.deepEqual(wrong, [], 'every query finds every page that contains it, and no other');
  });

  test("a short form of an agency's name finds the pages that write it in full, and marks the full form", async () => {
    const page = await context.newPage();
    // By the rule (src/lib/search/abbreviations.ts): 市场监管局 stands for 市场监督管理局, 发改委 for 发展和改革委.
    for (const [query, full] of [['市场监管局', '市场监督管理局'], ['发改委', '发展和改革委']] as const) {
      const want = truth.filter((t) => t.text.includes(query) || t.text.includes(full)).map((t) => t.url).sort();
      assert.ok(want.length > 5, `${query}: ${want.length} pages`);
      const { urls } = await searchAll(page, q(query));
      assert.deepEqual([...urls].sort(), want, query);
      assert.ok((await page.locator('#search-results mark').allTextContents()).includes(full), `${query}: ${full} is marked`);
    }
    await page.close();
  });

  test("a page's own number shows that page first, as typed or pasted; a part of a number matches no other page", async () => {
    const page = await context.newPage();
    const wrong: string[] = [];
    const tried = new Set<string>();
    for (const kind of Object.keys(OWN_NUMBER_FIELDS)) {
      const pages = truth.filter((t) => t.kind === kind && t.numbers.length > 0);
      assert.ok(pages.length > 0, `no ${kind} page with a number`);
      for (const t of pages.slice(0, 4)) {
        for (const n of t.numbers) {
          const owners = truth.filter((o) => o.numbers.includes(n)).map((o) => o.url).sort();
          const pasted = n.replace(/\(/g, '（').replace(/\)/g, '）').replace(/〔/g, '[').replace(/〕/g, ']').toLowerCase().replace(/^(.{4})/, '$1 ');
          for (const query of [n, pasted]) {
            if (tried.has(query)) continue;
            tried.add(query);
            const { urls } = await searchAll(page, q(query));
            if (urls.slice(0, owners.length).sort().join() !== owners.join()) wrong.push(`${query}: first ${urls.slice(0, owners.length).join(' ')}, want ${owners.join(' ')}`);
            if ([...urls].sort().join() !== holdsNumber(n).sort().join()) wrong.push(`${query}: results ${urls.length}, pages holding ${n}: ${holdsNumber(n).length}`);
          }
        }
      }
    }
    // A number cut short is not the number: it finds only pages that hold the shorter text as a whole number (here none).
    const id = truth.find((t) => t.kind === 'commitments')!.numbers[0]!;
    const { urls } = await searchAll(page, q(id.slice(0, -1)));
    assert.deepEqual(urls, holdsNumber(id.slice(0, -1)));
    assert.deepEqual(urls, []);
    await page.close();
    assert.deepEqual(wrong, []);
  });

  test('a number query opens only the shard that holds the number', async () => {
    const page = await context.newPage();
    const opened = new Set<string>();
    page.on('request', (r) => {
      const m = /\/search-index\/([^/]+)\/pages\.json\.gz$/.exec(new URL(r.url()).pathname);
      if (m) opened.add(m[1]!);
    });
    const t = truth.find((x) => x.kind === 'commitments' && holdsNumber(x.numbers[0]!).length === 1)!;
    const { urls } = await searchAll(page, q(t.numbers[0]!));
    assert.deepEqual(urls, [t.url]);
    assert.equal(opened.size, 1, `opened ${[...opened].join(' ')}`);
    await page.close();
  });

  test("every agency's name and credit code is answered from the build's list at once: every page holding it, exact count, no shard opened", async () => {
    const page = await context.newPage();
    const opened: string[] = [];
    page.on('request', (r) => {
      if (/\/search-index\/(route\/|[^/]+\/pages\.json\.gz$)/.test(new URL(r.url()).pathname)) opened.push(new URL(r.url()).pathname);
    });
    // The agencies whose name is on the most pages (their own and others', such as a parent's
    // name on its units' profiles), and the five on the fewest.
    const profiles = truth.filter((t) => t.kind === 'subjects').sort((a, b) => contains(b.name).length - contains(a.name).length || (a.url < b.url ? -1 : 1));
    assert.ok(profiles.length > 20);
    const wrong: string[] = [];
    for (const p of [...profiles.slice(0, 10), ...profiles.slice(-5)]) {
      for (const [query, want] of [[p.name, contains(p.name)], [p.numbers[0]!, holdsNumber(p.numbers[0]!)]] as const) {
        opened.length = 0;
        const { urls, first } = await searchAll(page, q(query));
        if (!first.startsWith(`共找到 ${want.length} 条结果`)) wrong.push(`${query}: ${first}, want ${want.length}`);
        if ([...urls].sort().join() !== [...want].sort().join()) wrong.push(`${query}: got ${urls.length}, want ${want.length}`);
        // The agency's own profile first, then other profiles, then records newest first (the date, then the address, breaks ties).
        const others = want.filter((u) => u !== p.url).map((u) => truth.find((t) => t.url === u)!);
        others.sort((a, b) => (a.kind === 'subjects' ? 0 : 1) - (b.kind === 'subjects' ? 0 : 1) || (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1));
        const order = [p.url, ...others.map((t) => t.url)];
        if (urls.join() !== order.join()) wrong.push(`${query}: order ${urls.join(' ')}, want ${order.join(' ')}`);
        if (opened.length) wrong.push(`${query}: opened ${opened.join(' ')}`);
      }
    }
    await page.close();
    assert.deepEqual(wrong, []);
  });

  test("an agency's name typed with a short form is answered from the list too: the pages holding it either way, its profile first, no shard opened", async () => {
    const page = await context.newPage();
    const opened: string[] = [];
    page.on('request', (r) => {
      if (/\/search-index\/(route\/|[^/]+\/pages\.json\.gz$)/.test(new URL(r.url()).pathname)) opened.push(new URL(r.url()).pathname);
    });
    // Typed as citizens type them (the short forms of abbreviations.ts), and the names in full.
    const typed = [
      ['泰安市市场监管局', '泰安市市场监督管理局'],
      ['泰安市人民政府国资委', '泰安市人民政府国有资产监督管理委员会'],
      ['新泰市城投集团有限公司', '新泰市城市建设投资集团有限公司'],
    ] as const;
    const wrong: string[] = [];
    for (const [query, full] of typed) {
      const own = truth.find((t) => t.kind === 'subjects' && t.name === full);
      assert.ok(own, full);
      const want = truth.filter((t) => t.text.includes(query) || t.text.includes(full));
      assert.ok(want.length >= 2, `${query}: ${want.length} pages`);
      opened.length = 0;
      const { urls, first } = await searchAll(page, q(query));
      if (!first.startsWith(`共找到 ${want.length} 条结果`)) wrong.push(`${query}: ${first}, want ${want.length}`);
      const others = want.filter((t) => t !== own).sort((a, b) => (a.kind === 'subjects' ? 0 : 1) - (b.kind === 'subjects' ? 0 : 1) || (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1));
      const order = [own!.url, ...others.map((t) => t.url)];
      if (urls.join() !== order.join()) wrong.push(`${query}: order ${urls.join(' ')}, want ${order.join(' ')}`);
      if (opened.length) wrong.push(`${query}: opened ${opened.join(' ')}`);
    }
    await page.close();
    assert.deepEqual(wrong, []);
  });

  test("an agency's name with filters and sorted by date: its pages that pass, records newest first, the profile last", async () => {
    const page = await context.newPage();
    const p = truth.filter((t) => t.kind === 'subjects').map((t) => ({ name: t.name, pages: truth.filter((x) => x.text.includes(t.name)) })).sort((a, b) => b.pages.length - a.pages.length)[0]!;
    assert.ok(p.pages.length >= 5, `${p.name} is on ${p.pages.length} pages`);
    const { urls } = await searchAll(page, q(p.name, { sort: 'date' }));
    const got = urls.map((u) => truth.find((t) => t.url === u)!);
    assert.equal(got.at(-1)!.kind, 'subjects');
    const dates = got.filter((t) => t.kind !== 'subjects').map((t) => t.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const kind = got.find((t) => t.kind !== 'subjects')!.kind;
    const filtered = await searchAll(page, q(p.name, { kind }));
    assert.deepEqual([...filtered.urls].sort(), p.pages.filter((t) => t.kind === kind).map((t) => t.url).sort());
    await page.close();
  });

  test('several words must all be on the page', async () => {
    const page = await context.newPage();
    const { urls } = await searchAll(page, q('岱岳区 应急管理局'));
    const want = truth.filter((t) => t.text.includes('岱岳区') && t.text.includes('应急管理局')).map((t) => t.url);
    assert.ok(want.length > 0);
    assert.deepEqual([...urls].sort(), [...want].sort());
    await page.close();
  });

  test('filters narrow the results to pages of that kind, region, year and status', async () => {
    const page = await context.newPage();
    const query = '泰安';
    const all = new Set((await searchAll(page, q(query))).urls);
    assert.deepEqual([...all].sort(), contains(query).sort());
    const cases: [Record<string, string>, (t: TruthPage) => boolean][] = [
      [{ kind: 'penalties' }, (t) => t.kind === 'penalties'],
      [{ kind: 'subjects' }, (t) => t.kind === 'subjects'],
      [{ region: '岱岳区' }, (t) => t.region === '岱岳区'],
      [{ year: '2025' }, (t) => t.date.startsWith('2025')],
      [{ status: 'commitments:全部履行' }, (t) => t.kind === 'commitments' && t.status === '全部履行'],
      [{ kind: 'commitments', region: '泰山区', year: '2026' }, (t) => t.kind === 'commitments' && t.region === '泰山区' && t.date.startsWith('2026')],
    ];
    for (const [filters, keep] of cases) {
      const { urls } = await searchAll(page, q(query, filters));
      const want = truth.filter((t) => all.has(t.url) && keep(t)).map((t) => t.url);
      assert.ok(want.length > 0 && want.length < all.size, `${JSON.stringify(filters)} narrows (${want.length} of ${all.size})`);
      assert.deepEqual([...urls].sort(), want.sort(), `results for ${JSON.stringify(filters)}`);
      for (const f of Object.keys(filters)) assert.equal(await page.locator(`select[name="${f}"]`).inputValue(), filters[f], `${f} select shows the filter from the address`);
    }
    // A value the page does not offer (a year no record has, a typo in a shared link) is left out
    // of the search, the form and the address, never applied unseen.
    const { urls } = await searchAll(page, q(query, { year: '1999', kind: 'foo', region: '火星', status: 'commitments:全部履行' }));
    assert.deepEqual([...urls].sort(), truth.filter((t) => all.has(t.url) && t.kind === 'commitments' && t.status === '全部履行').map((t) => t.url).sort());
    for (const f of ['year', 'kind', 'region']) assert.equal(await page.locator(`select[name="${f}"]`).inputValue(), '', `${f} select`);
    assert.equal(new URL(page.url()).search, `?${q(query, { status: 'commitments:全部履行' })}`);
    await page.close();
  });

  test('the status filter offers exactly the statuses some indexed page has: none that can only find nothing', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`);
    const offered = await page.locator('select[name="status"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const present = [...new Set(truth.filter((t) => t.status).map((t) => `${t.kind}:${t.status}`))];
    assert.deepEqual([...offered].sort(), present.sort());
    // The sample's withheld statuses are among those left out.
    assert.ok(!offered.includes('penalties:已修复') && !offered.includes('enforcement:全部履行'), offered.join(' '));
    await page.close();
  });

  test('sorting by date lists records newest first', async () => {
    const page = await context.newPage();
    const { urls } = await searchAll(page, q('承诺', { sort: 'date', kind: 'commitments' }));
    const dates = urls.map((u) => truth.find((t) => t.url === u)!.date);
    assert.ok(dates.length > 10);
    assert.deepEqual(dates, [...dates].sort().reverse());
    await page.close();
  });

  test('the count says 至少 while older shards are still unsearched, then 共 when all are', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?${q('信用承诺书')}`);
    await page.locator('#search-results > li').first().waitFor();
    assert.match((await page.locator('#search-status').textContent()) ?? '', /^已找到至少 \d+ 条结果/);
    assert.equal(await page.locator('#search-status').getAttribute('role'), 'status');
    await page.close();
    const all = await context.newPage();
    const { urls } = await searchAll(all, q('信用承诺书'));
    assert.deepEqual([...urls].sort(), contains('信用承诺书').sort());
    await all.close();
  });

  test('?q= is honoured: the home page form and shared links show results', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('form[role="search"] input[name="q"]').fill('粥店街道');
    await page.locator('form[role="search"] input[name="q"]').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator('#search-results > li').first().waitFor();
    assert.equal(await page.locator('#search-q').inputValue(), '粥店街道');
    const status = (await page.locator('#search-status').textContent()) ?? '';
    assert.match(status, /找到.*\d+ 条结果/);
    const first = page.locator('#search-results > li').first();
    assert.match((await first.locator('mark').first().textContent()) ?? '', /粥店街道/, 'the query is highlighted in the snippet');
    assert.match((await first.locator('.search-result-meta').textContent()) ?? '', /^(信用承诺|行政处罚|被执行人案件|失信被执行人|表彰奖励|诚信典型案例|信用画像)( · |$)/);
    await page.close();
  });

  test('an empty box sent is answered, from the page or the home page; an address without ?q= is not', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`);
    assert.equal(await page.locator('#search-status').textContent(), '');
    await page.locator('#search-q').press('Enter');
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent !== '');
    assert.equal(await page.locator('#search-status').textContent(), '请输入要搜索的文字（汉字、数字或字母）。');
    await page.goto(`${server.origin}/`);
    await page.locator('form[role="search"] input[name="q"]').press('Enter');
    await page.waitForURL(/\/search\/\?q=$/);
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent !== '');
    assert.equal(await page.locator('#search-status').textContent(), '请输入要搜索的文字（汉字、数字或字母）。');
    await page.close();
  });

  test('changing a filter replaces the step of the history: Back returns to the page before the query, not through each option', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('泰山区')}`);
    await page.locator('#search-results > li').first().waitFor();
    const steps = await page.evaluate(() => history.length);
    const kind = page.locator('select[name="kind"]');
    await kind.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.waitForURL(/kind=/);
    assert.equal(await page.evaluate(() => history.length), steps);
    await page.goBack();
    assert.equal(new URL(page.url()).pathname, '/');
    // A query typed but not sent, then a filter changed: a new query, a step of its own, and Back returns to the one before.
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('泰山区')}`);
    await page.locator('#search-results > li').first().waitFor();
    await page.locator('#search-q').fill('岱岳区');
    await page.locator('select[name="kind"]').selectOption({ index: 1 });
    await page.waitForURL(/%E5%B2%B1%E5%B2%B3/);
    await page.goBack();
    assert.equal(new URL(page.url()).searchParams.get('q'), '泰山区');
    await page.close();
  });

  test('keyboard: typing and Enter searches; 加载更多 by Enter moves focus to the new results', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`);
    await page.locator('#search-q').focus();
    await page.keyboard.type('安全生产');
    await page.keyboard.press('Enter');
    await page.locator('#search-results > li').first().waitFor();
    assert.match(page.url(), /\?q=%E5%AE%89/);
    assert.equal(await page.locator('#search-results > li').count(), 10);
    await page.locator('#search-more').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 10);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('#search-results > li:nth-child(11)') !== null), true);
    await page.close();
  });

  test('axe finds no WCAG 2.2 AA violation nor best-practice issue on /search/ with results', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?${q('应急管理局')}`);
    await page.locator('#search-results > li').first().waitFor();
    await page.locator('#search-more').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  test('without JavaScript the page says search needs it and offers the browsing links', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('泰安')}`);
    assert.ok(await page.locator('#search-nojs').isVisible());
    assert.match((await page.locator('#search-nojs').textContent()) ?? '', /需要.*JavaScript/);
    for (const href of ['/commitments/', '/subjects/', '/cases/']) assert.ok(await page.locator(`main a[href="${href}"]`).first().isVisible(), href);
    await noJs.close();
  });

  test('no request leaves the site while searching', async () => {
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin)) foreign.push(r.url());
    });
    await searchAll(page, q('人民法院'));
    assert.deepEqual(foreign, []);
    await page.close();
  });
});
