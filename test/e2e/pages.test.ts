/**
 * Every page type of the portal, built once from the fixture export and checked in
 * chromium: the right record, withheld pages, escaping, keyboard, axe, print, 404s.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './support/axe.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildSite, FIXTURE_EXPORT, type BuiltSite } from './support/build.ts';
import { launchBrowser } from './support/browser.ts';
import { serveStatic as serve, type StaticServer } from '../../scripts/lib/static-server.ts';
import { htmlErrors } from './support/html-validity.ts';
import { existsPath, htmlFiles, LAYOUT_SCRIPT_START, read, scriptsOf, urlPathOf } from './support/site.ts';

let built: BuiltSite;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const offsite: string[] = [];

before(async () => {
  built = await buildSite();
  server = await serve(built.outDir);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // No request may leave the site: record and block anything not to our origin.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin) || url.startsWith('data:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; status: number }> {
  const page = await context.newPage();
  const response = await page.goto(server.origin + path);
  return { page, status: response?.status() ?? 0 };
}

async function mainText(path: string): Promise<string> {
  const { page } = await open(path);
  const text = await page.locator('main').innerText();
  await page.close();
  return text;
}

/** One page of every type, for axe and the no-script checks. */
const PAGES = {
  home: '/',
  commitments: '/commitments/',
  commitmentFacet: '/commitments/status/%E5%85%A8%E9%83%A8%E6%9C%AA%E5%B1%A5%E8%A1%8C/',
  letter: '/commitments/CN2026000003/',
  withheld: '/commitments/CN2026000005/',
  subjects: '/subjects/',
  profile: '/subjects/91370900MA3C000044/',
  penalty: '/penalties/XZCF-2026-0001/',
  enforcement: '/enforcement/ZX-2026-0001/',
  dishonest: '/dishonest/SX-2026-0001/',
  honor: '/honors/BZ-2026-0001/',
  cases: '/cases/',
  caseFacet: '/cases/region/%E6%B3%B0%E5%B1%B1%E5%8C%BA/',
  case: '/cases/2026-taishan-commitment-ledger/',
  repair: '/guide/repair/',
  objection: '/guide/objection/',
  search: '/search/',
  updates: '/updates/',
  notFound: '/no-such-page/',
};

/** For the HTML check: PAGES, a withheld page of every kind, a case redirect page, the 404 page. */
const PAGE_TYPES = [
  ...Object.values(PAGES).filter((path) => path !== PAGES.notFound),
  '/404.html',
  '/penalties/XZCF-2025-0002/',
  '/enforcement/ZX-2026-0002/',
  '/dishonest/SX-2025-0002/',
  '/honors/BZ-2023-0002/',
  '/cases/taishan-ledger/',
];

describe('each page type renders its record', () => {
  test('home shows headline figures, latest commitments and cases, and a GET search form', async () => {
    const { page } = await open('/');
    const text = await page.locator('main').innerText();
    assert.match(text, /纳入公示的主体/);
    assert.match(text, /在列的失信被执行人信息/);
    assert.match(text, /政务诚信建设承诺/);
    assert.match(text, /泰山区建立政务承诺履约台账/);
    const form = page.locator('form[role=search]');
    assert.equal(await form.getAttribute('action'), '/search/');
    assert.equal(await form.getAttribute('method'), 'get');
    assert.equal(await form.locator('input').getAttribute('name'), 'q');
    await page.close();
  });

  test('the commitments column lists published commitments newest first, never a non-public one', async () => {
    const { page } = await open('/commitments/');
    const titles = await page.locator('main .records h3').allInnerTexts();
    assert.equal(titles.length, 5);
    assert.match(titles[0]!, /政务诚信建设承诺/);
    assert.match(titles.at(-1)!, /医疗服务质量提升/);
    assert.ok(!(await page.locator('main').innerText()).includes('内部管理'));
    await page.close();
  });

  test('facet pages list only their value', async () => {
    const text = await mainText(PAGES.commitmentFacet);
    assert.match(text, /工程款支付承诺/);
    assert.ok(!text.includes('优化营商环境'));
  });

  test("a person's letter shows name, post, status badge with assessment date and unit, unfulfilled content, expiry and 监督举报", async () => {
    const { page } = await open(PAGES.letter);
    const text = await page.locator('main').innerText();
    for (const s of ['信用承诺书', '张某某', '青云街道办事处副主任', '部分履行', '2026年7月10日', '新泰市纪委监委', '未按时完成年度廉政学习课时。', '已到期', '2026年6月30日', '监督举报'])
      assert.ok(text.includes(s), `letter shows ${s}`);
    assert.equal(await page.locator('a', { hasText: '监督举报' }).getAttribute('href'), 'https://12345.taian.gov.cn/');
    // Who made it, under the heading every letter shares (the signature is at the end).
    assert.equal(await page.locator('.letter-sub').innerText(), '承诺人名称：张某某（青云街道办事处副主任） · 廉洁自律 · 公务员个人信用承诺');
    await page.close();
  });

  test("a person's letter on the profile of the subject they work in names them, and is not counted as the subject's own", async () => {
    // 11370982MB2850005G's only letter is 张某某's (公务员, 部分履行).
    const { page } = await open('/subjects/11370982MB2850005G/');
    assert.match(await page.locator('.standing').innerText(), /政务承诺履行：\s*暂无本单位的公开承诺；另有本单位工作人员的个人承诺 1 项（未全部履行 1 项）/);
    assert.equal(await page.locator('.timeline a[href="/commitments/CN2026000003/"]').innerText(), '张某某（青云街道办事处副主任）：公务员个人信用承诺（廉洁自律）');
    await page.close();
  });

  test('status badges carry their tone on the letter, its row in the 专栏 and its subject profile', async () => {
    /** Each badge's text and class under a selector, in page order. */
    const badges = async (path: string, within: string) => {
      const { page } = await open(path);
      const found = await page.locator(`${within} .badge`).evaluateAll((els) => els.map((e) => `${e.textContent} ${e.className}`));
      await page.close();
      return found;
    };
    // 部分履行 is amber, 已到期 grey (the fixture letter is past its 2026-06-30 validity).
    assert.deepEqual(await badges(PAGES.letter, '.letter-status'), ['部分履行 badge tone-warn', '已到期 badge tone-neutral']);
    const rows = await badges(PAGES.commitments, 'ul.records');
    for (const b of ['全部履行 badge tone-good', '部分履行 badge tone-warn', '已到期 badge tone-neutral', '全部未履行 badge tone-bad', '履行中 badge tone-neutral']) assert.ok(rows.includes(b), `the 专栏 shows ${b}`);
    assert.ok((await badges(PAGES.profile, '.timeline')).includes('全部未履行 badge tone-bad'));
  });

  test('a letter with a signed PDF links to it under /attachments/', async () => {
    const { page } = await open('/commitments/CN2026000001/');
    const href = await page.locator('a', { hasText: 'PDF' }).getAttribute('href');
    assert.equal(href, '/attachments/commitments/CN2026000001.pdf');
    // The export's file as it is (the build command copies it: src/pages/attachments/[...key].ts).
    assert.deepEqual(readFileSync(join(built.outDir, href!)), readFileSync(join(FIXTURE_EXPORT, 'attachments/commitments/CN2026000001.pdf')));
    await page.close();
  });

  test('the script in a commitment cell is shown as text, never run', async () => {
    const { page } = await open('/commitments/CN2026000004/');
    const dialogs: string[] = [];
    page.on('dialog', (d) => void dialogs.push(d.message()));
    assert.ok((await page.locator('main').innerText()).includes('<script>alert(1)</script>'));
    // The one script is the layout's (large text); the cell's is text.
    assert.equal(await page.locator('script').count(), 1);
    assert.match((await page.locator('script').evaluate((e) => e.outerHTML))!, LAYOUT_SCRIPT_START);
    await page.reload();
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  test('a profile answers at a glance: dishonest now, unrepaired penalties, commitments kept; records on one timeline', async () => {
    const { page } = await open(PAGES.profile);
    const standing = await page.locator('.standing').innerText();
    assert.match(standing, /失信被执行人：\s*是，当前在列 1 条/);
    assert.match(standing, /未修复的行政处罚：\s*1 条/);
    assert.match(standing, /全部履行 0 项，未全部履行 1 项/);
    // The share text says the same, each label set off from its value.
    assert.match((await page.locator('meta[name=description]').getAttribute('content'))!, /：失信被执行人：是，当前在列 1 条；未修复的行政处罚：1 条/);
    // Worked out from the fixture's rows of 91370900MA3C000044, newest first; XZCF-2025-0002
    // (已修复 on 2025-12-01, before the as-of date) is withheld and so not on the timeline.
    const entries = await page.locator('.timeline li').evaluateAll((els) => els.map((e) => [e.querySelector('time')?.getAttribute('datetime'), e.querySelector('a')?.getAttribute('href')]));
    assert.deepEqual(entries, [
      ['2026-10-20', '/cases/2026-chengjian-rectification/'],
      ['2026-08-01', '/dishonest/SX-2026-0001/'],
      ['2026-05-06', '/enforcement/ZX-2026-0001/'],
      ['2026-02-20', '/commitments/CN2026000004/'],
      ['2026-02-10', '/penalties/XZCF-2026-0001/'],
    ]);
    await page.close();
  });

  test('a profile links its published parent department', async () => {
    const { page } = await open('/subjects/11370902MB2850002B/');
    assert.equal(await page.locator('.fields a', { hasText: '泰安市发展和改革委员会' }).getAttribute('href'), '/subjects/11370900MB2850001B/');
    await page.close();
  });

  test('a penalty shows its severity (derived), the publication window and that repair may be applied for once the minimum has passed', async () => {
    const text = await mainText('/penalties/XZCF-2024-0003/');
    assert.match(text, /严重失信/);
    assert.match(text, /依据处罚类别认定/);
    assert.match(text, /2024年3月1日/);
    assert.match(text, /2025年3月1日/);
    assert.match(text, /2027年3月1日/);
    assert.match(text, /可以依法申请信用修复/);
    const { page } = await open('/penalties/XZCF-2024-0003/');
    assert.equal(await page.locator('.callout a').getAttribute('href'), '/guide/repair/');
    await page.close();
    const before = await mainText(PAGES.penalty);
    assert.match(before, /安全生产/);
    assert.ok(!before.includes('可以依法申请信用修复'), 'not before the one-year minimum of 安全生产');
  });

  test('penalty fields come in the national standard order with their Chinese labels', async () => {
    const { page } = await open(PAGES.penalty);
    const labels = await page.locator('.fields dt').allInnerTexts();
    const order = ['信息编号', '行政相对人名称', '行政相对人类别', '统一社会信用代码', '行政处罚决定书文号', '处罚决定日期', '失信程度', '处罚机关', '信用修复状态'];
    const positions = order.map((l) => labels.indexOf(l));
    assert.ok(positions.every((p) => p >= 0), `all labels present: ${labels.join(',')}`);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    await page.close();
  });

  test('enforcement, dishonest and honour pages show their record', async () => {
    assert.match(await mainText(PAGES.enforcement), /（2026）鲁0902执1234号[\s\S]*未履行/);
    assert.match(await mainText(PAGES.dishonest), /有履行能力而拒不履行生效法律文书确定义务/);
    assert.match(await mainText(PAGES.honor), /山东省社会信用体系建设先进集体/);
  });

  test('the subject directory lists every subject by region', async () => {
    const text = await mainText('/subjects/');
    for (const name of ['泰安市发展和改革委员会', '岱岳区人民医院', '新泰市青云街道办事处']) assert.ok(text.includes(name));
  });

  test('cases: list, facets, case page with summary, region, date, subjects, source and cover alt', async () => {
    assert.match(await mainText('/cases/'), /城建集团失信整改/);
    const facet = await mainText(PAGES.caseFacet);
    assert.ok(facet.includes('泰山区建立政务承诺履约台账') && !facet.includes('城建集团失信整改'));
    const { page } = await open(PAGES.case);
    const text = await page.locator('main').innerText();
    for (const s of ['泰山区建立政务承诺履约台账', '泰山区', '2026年9月12日', '泰安日报', '一诺一档']) assert.ok(text.includes(s), s);
    assert.equal(await page.locator('main img').getAttribute('alt'), '泰山区政务服务大厅承诺公示栏');
    assert.equal(await page.locator('a', { hasText: '泰安市泰山区市场监督管理局' }).getAttribute('href'), '/subjects/11370902MB2850002B/');
    await page.close();
  });

  test('a redirect_from slug redirects to the case (meta refresh + canonical) and stays out of the sitemap', async () => {
    const html = read(join(built.outDir, 'cases/taishan-ledger/index.html'));
    assert.match(html, /<meta http-equiv="refresh" content="0; url=\/cases\/2026-taishan-commitment-ledger\/">/);
    assert.match(html, /<link rel="canonical" href="https:\/\/credit\.taian\.gov\.cn\/cases\/2026-taishan-commitment-ledger\/">/);
    const { page } = await open('/cases/taishan-ledger/');
    await page.waitForURL(/2026-taishan-commitment-ledger/);
    await page.close();
    assert.ok(!read(join(built.outDir, 'sitemap-0.xml')).includes('taishan-ledger/'));
  });

  test('guides give the Order 36 periods and the configured channels', async () => {
    const repair = await mainText('/guide/repair/');
    for (const s of ['信用修复管理办法', '3个月', '1年', '3年', '特种设备', '最短公示期届满后', '泰安市公共信用信息中心']) assert.ok(repair.includes(s), s);
    assert.match(await mainText('/guide/objection/'), /泰安市公共信用信息中心异议受理窗口/);
  });
});

describe('withheld, rejected and unknown records', () => {
  const withheld = [
    { path: '/commitments/CN2026000005/', reason: '依规定不向社会公开', secrets: ['内部管理', '泰安市人民政府'] },
    { path: '/penalties/XZCF-2025-0002/', reason: '已完成信用修复', secrets: ['明码标价', '泰市监罚', '泰山城建'] },
    { path: '/penalties/XZCF-2025-0004/', reason: '公示期已届满', secrets: ['建筑垃圾', '新环罚', '青云街道'] },
    { path: '/enforcement/ZX-2026-0002/', reason: '案件已执行完毕或结案', secrets: ['鲁0911执88号', '岱岳区人民医院'] },
    { path: '/dishonest/SX-2025-0002/', reason: '已移出失信被执行人名单', secrets: ['支付货款', '岱岳区人民医院'] },
    { path: '/honors/BZ-2023-0002/', reason: '公示期已届满', secrets: ['诚信建设示范单位', '市场监督管理局'] },
  ];
  for (const w of withheld) {
    test(`withheld ${w.path} keeps its URL, says 停止公示 with the reason only, noindex`, async () => {
      const { page, status } = await open(w.path);
      assert.equal(status, 200);
      const text = await page.locator('main').innerText();
      assert.match(text, /该信息已依法停止公示/);
      assert.ok(text.includes(w.reason), w.reason);
      const html = await page.content();
      for (const s of w.secrets) assert.ok(!html.includes(s), `no record detail: ${s}`);
      assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex');
      await page.close();
      assert.ok(!read(join(built.outDir, 'sitemap-0.xml')).includes(w.path));
    });
  }

  test('a rejected case and a never-seen id are plain 404s', async () => {
    assert.ok(!existsPath(built.outDir, '/cases/bad-script-case/'));
    assert.ok(!existsPath(built.outDir, '/commitments/CN9999999999/'));
    const { page, status } = await open('/commitments/CN9999999999/');
    assert.equal(status, 404);
    assert.match(await page.locator('main').innerText(), /页面不存在/);
    await page.close();
  });
  test('the 404 page offers the address a mistyped one meant, or a search for the id', async () => {
    for (const [typed, meant] of [
      ['/subjects/91370900ma3c000044/', '/subjects/91370900MA3C000044/'],
      ['/penalties/xzcf-2026-0001%EF%BC%89', '/penalties/XZCF-2026-0001/'],
      ['/commitments/page/1/', '/commitments/'],
    ]) {
      const { page, status } = await open(typed!);
      assert.equal(status, 404, typed);
      const link = page.locator('#nf-likely a');
      assert.equal(await link.getAttribute('href'), meant, typed);
      assert.match(await page.locator('#nf-likely').innerText(), /您要找的可能是/);
      await link.click();
      await page.waitForURL(server.origin + meant!);
      assert.doesNotMatch(await page.locator('main').innerText(), /页面不存在/, meant);
      await page.close();
    }
    // A backslash, decoded or folded from fullwidth ＼, would make /\host: another host. Nothing is offered, nothing asked of it.
    for (const hostile of ['/%5Cevil.example', '/%EF%BC%BCevil.example']) {
      const before = offsite.length;
      const { page } = await open(hostile);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('#nf-likely a').count(), 0, hostile);
      assert.equal(offsite.length, before, `${hostile}: ${offsite.slice(before).join(' ')}`);
      await page.close();
    }
    // Nothing to find by address: the search for the id, which the site has never published.
    const { page } = await open('/commitments/cn9999999999/');
    const link = page.locator('#nf-likely a');
    assert.equal(await link.getAttribute('href'), '/search/?q=cn9999999999');
    assert.equal(await link.innerText(), '在全站搜索“cn9999999999”');
    await page.close();
  });
});

describe('every page', () => {
  test('is zh-CN, has title, description, canonical and share card, the sample notice and the footer', () => {
    for (const file of htmlFiles(built.outDir)) {
      const html = read(file);
      if (html.includes('http-equiv="refresh"')) continue;
      const where = urlPathOf(built.outDir, file);
      assert.match(html, /<html lang="zh-CN">/, where);
      for (const re of [/<title>[^<]+<\/title>/, /<meta name="description" content="[^"]+">/, /<link rel="canonical" href="https:\/\/credit\.taian\.gov\.cn\/[^"]*">/, /<meta property="og:title" content="[^"]+">/, /<meta property="og:description" content="[^"]+">/, /<meta property="og:image" content="https:\/\/credit\.taian\.gov\.cn\/[^"]+">/])
        assert.match(html, re, `${where} ${re}`);
      assert.ok(html.includes('示例数据'), `${where} sample notice`);
      for (const s of ['主办单位', '联系方式', '网站标识码：3709000099', '鲁ICP备05001234号', '鲁公网安备 37090202000123号', '我为政府网站找错']) assert.ok(html.includes(s), `${where} footer ${s}`);
      // Both filing numbers link to their filing sites (portal.md), the police one to its own entry.
      assert.ok(html.includes('<a href="https://beian.miit.gov.cn/">鲁ICP备05001234号</a>'), `${where} ICP link`);
      assert.ok(html.includes('<a href="https://beian.mps.gov.cn/#/query/webSearch?code=37090202000123">鲁公网安备 37090202000123号</a>'), `${where} 公安备案 link`);
      assert.ok(!/\d{4}-\d{2}-\d{2}/.test(html.replace(/<[^>]+>/g, '').replace(/datetime="[^"]*"/g, '')), `${where} shows dates as 年月日`);
    }
  });

  test('ships no JavaScript but the layout\'s one inline large-text script (search and the 404 page have their own) and links only to pages that exist', () => {
    const layoutScripts = new Set<string>();
    for (const file of htmlFiles(built.outDir)) {
      const html = read(file);
      const where = urlPathOf(built.outDir, file);
      const scripts = scriptsOf(html);
      // A redirect page (a case's old address) is not laid out: it has none.
      if (html.includes('http-equiv="refresh"')) assert.deepEqual(scripts, [], `${where} has no script`);
      else if (!where.startsWith('/search/')) {
        // The 404 page also loads the module that suggests the address a mistyped one meant.
        assert.equal(scripts.length, where === '/404.html' ? 2 : 1, `${where} has one script`);
        layoutScripts.add(scripts[0]!);
      }
      for (const m of html.matchAll(/(?:href|src)="(\/[^"]*)"/g)) assert.ok(existsPath(built.outDir, m[1]!.replace(/&amp;/g, '&')), `${where} links to missing ${m[1]}`);
    }
    // The same bytes on every page, inline (it loads nothing), and only about the large-text choice.
    assert.equal(layoutScripts.size, 1);
    const [script] = layoutScripts;
    assert.match(script!, LAYOUT_SCRIPT_START);
    assert.doesNotMatch(script!, /src=|fetch|XMLHttpRequest|innerHTML|import|http/);
  });

  test('one page of every type is valid HTML (W3C Nu Html Checker, errors only)', async () => {
    const files = PAGE_TYPES.map((path) => join(built.outDir, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : ''));
    for (const [i, file] of files.entries()) assert.ok(existsPath(built.outDir, PAGE_TYPES[i]!), `${PAGE_TYPES[i]} was built (${file})`);
    assert.deepEqual(await htmlErrors(built.outDir, files), []);
  });

  test('the default share image exists, and robots.txt and sitemap.xml are published', () => {
    assert.ok(existsPath(built.outDir, '/share-card.png'));
    assert.match(read(join(built.outDir, 'robots.txt')), /Sitemap: https:\/\/credit\.taian\.gov\.cn\/sitemap\.xml/);
    assert.match(read(join(built.outDir, 'sitemap.xml')), /sitemap-0\.xml/);
    assert.match(read(join(built.outDir, 'sitemap-0.xml')), /\/commitments\/CN2026000001\//);
  });

  test('no page requests anything from another host', async () => {
    for (const path of Object.values(PAGES)) (await open(path)).page.close();
    assert.deepEqual(offsite, []);
  });
});

describe('accessibility', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`axe finds no WCAG 2.2 AA violation nor best-practice issue on ${name} (${path})`, async () => {
      const { page } = await open(path);
      const violations = await axeViolations(page);
      await page.close();
      assert.deepEqual(violations, []);
    });
  }

  for (const path of [PAGES.profile, PAGES.home, PAGES.letter]) {
    test(`Tab reaches every link of ${path} with a visible focus indicator`, async () => {
      const { page } = await open(path);
      const links = await page.locator('a[href]').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
      const reached = new Set<string>();
      for (let i = 0; i < links.length + 10; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return { href: (el as HTMLAnchorElement).href ?? '', outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, visible: box.width > 0 && box.height > 0 && box.bottom > 0 };
        });
        if (!focus) continue;
        assert.ok(focus.outline, `visible focus outline on ${focus.href}`);
        assert.ok(focus.visible, `focused element on screen: ${focus.href}`);
        if (focus.href) reached.add(focus.href);
      }
      for (const l of links) assert.ok(reached.has(l), `Tab reaches ${l}`);
      await page.close();
    });
  }

  test("on a list, a link shown on focus skips the facets: from the page's skip link, the list's first record is three Tabs away", async () => {
    for (const [path, target] of [[PAGES.commitments, '#list-heading'], [PAGES.cases, '#case-list']] as const) {
      const { page } = await open(path);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      // The breadcrumb's link, then the facets' skip link, seen where it is.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-facets');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-facets', path);
      assert.equal(await skip.getAttribute('href'), target);
      const box = (await skip.boundingBox())!;
      assert.ok(box.width > 20 && box.height > 10 && box.y >= 0 && box.y < 900, `${path}: shown in place, ${JSON.stringify(box)}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('.records') !== null), true, `${path}: the next stop is the list's first record`);
      await page.close();
    }
  });

  test('the skip link is the first stop and leads to main', async () => {
    const { page } = await open(PAGES.penalty);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到主要内容');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.close();
  });

  test('large-text mode (适老化) works by keyboard without script', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(server.origin + PAGES.letter);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.equal(await size(), 16);
    await page.locator('#large-text').focus();
    await page.keyboard.press('Space');
    assert.equal(await size(), 20);
    await noScript.close();
  });

  test('with script, large-text mode is kept on the next page and after a reload, before the page paints, until it is turned off', async () => {
    const reader = await browser.newContext();
    const page = await reader.newPage();
    // Whether the root has the class when the body has been read, before the first paint (the
    // stylesheet blocks it), the root's font size, and whether the box says so.
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => ((window as unknown as { first: boolean }).first = document.documentElement.classList.contains('large-text'))));
    const state = () => page.evaluate(() => [(window as unknown as { first: boolean }).first, getComputedStyle(document.documentElement).fontSize, (document.getElementById('large-text') as HTMLInputElement).checked]);
    await page.goto(server.origin + PAGES.home);
    assert.deepEqual(await state(), [false, '16px', false]);
    await page.locator('#large-text').check();
    assert.deepEqual((await state()).slice(1), ['20px', true]);
    await page.locator('.nav a[href="/commitments/"]').click();
    await page.waitForURL('**/commitments/');
    assert.deepEqual(await state(), [true, '20px', true]);
    await page.reload();
    assert.deepEqual(await state(), [true, '20px', true]);
    await page.locator('#large-text').uncheck();
    await page.goto(server.origin + PAGES.letter);
    assert.deepEqual(await state(), [false, '16px', false]);
    // A page the browser kept for Back shows the choice made since on another page (this
    // chromium reloads on Back, so the browser's pageshow of a kept page is given by hand).
    await page.locator('#large-text').check();
    await page.evaluate(() => {
      localStorage.setItem('portal-large-text', '0');
      dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    assert.deepEqual((await state()).slice(1), ['16px', false]);
    await reader.close();
  });
});

describe('print', () => {
  test('a record of a profile\'s timeline or a list prints whole, never split across two sheets', async () => {
    for (const path of [PAGES.profile, PAGES.commitments]) {
      const { page } = await open(path);
      await page.emulateMedia({ media: 'print' });
      const breaks = await page.locator('.records > li').evaluateAll((items) => [...new Set(items.map((li) => getComputedStyle(li).breakInside))]);
      await page.close();
      assert.deepEqual(breaks, ['avoid'], path);
    }
  });

  test('tables print whole on an A4 page: none is cut at its edge (they scroll on a screen)', async () => {
    // 718 px: the width of A4 less the @page margins at 96 dpi.
    const page = await context.newPage();
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    for (const path of ['/data/', '/governance/', PAGES.case]) {
      await page.goto(server.origin + path);
      const boxes = await page.locator('.table-scroll, .prose-table').evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth));
      assert.ok(boxes.length > 0, path);
      assert.deepEqual(boxes.filter((cut) => cut > 0), [], path);
    }
    await page.close();
  });

  test("a case's table scrolls in its own box on a phone, its figures whole, and the page does not scroll sideways", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(server.origin + PAGES.case);
    const box = page.getByRole('region', { name: '表格1' });
    assert.equal(await box.getAttribute('tabindex'), '0');
    assert.equal(await box.locator('td').first().evaluate((td) => getComputedStyle(td).overflowWrap), 'normal');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
    await page.close();
  });

  test('a typical letter prints on one A4 page without navigation, dated and with its address', async () => {
    const { page } = await open('/commitments/CN2026000001/');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.nav').isVisible(), false);
    // Of the footer only what dates and traces the printout: its status is true as of a day.
    assert.equal((await page.locator('.site-footer').innerText()).replace(/\s+/g, ' '), '本页地址：https://credit.taian.gov.cn/commitments/CN2026000001/ 数据截至：2026年11月28日');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.page-address').isVisible(), false);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.close();
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    assert.equal(pages.length, 1);
  });
});
