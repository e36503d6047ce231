/**
 * The daily rebuild (issue 10): a build that copies the previous release's unchanged record
 * pages (PORTAL_REUSE_FROM) gives the same bytes as a full build of the same export and date.
 * Each case builds the previous day, then the next day twice, with reuse and without, and
 * compares the trees file by file. Which pages must be rendered again is worked out by hand
 * from the fixtures.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { compareTrees } from '../../scripts/lib/compare-trees.ts';
import { PAGE_MANIFEST, REUSE_ENV, WITHHELD_MANIFEST } from '../../src/lib/release/page-reuse.ts';
import { loadPageReads, readsDir } from '../../src/lib/release/page-reads.ts';
import { buildSite, FIXTURE_EXPORT, ROOT, type BuiltSite } from './support/build.ts';
import { tempDir } from '../unit/support/temp-dir.ts';

const FIXTURES = join(ROOT, 'test/fixtures/exports');
const built: BuiltSite[] = [];
let temp: string;

async function build(exportDir: string, asOf: string, reuseFrom?: string): Promise<BuiltSite> {
  const site = await buildSite(exportDir, asOf, reuseFrom ? { [REUSE_ENV]: reuseFrom } : {});
  built.push(site);
  return site;
}

interface Day {
  exportDir: string;
  asOf: string;
}

/** The previous day built in full, then the next day with its pages reused and in full (`fullFrom`: the full build's PORTAL_REUSE_FROM, if any). */
async function twoDays(before: Day, next: Day, fullFrom?: string) {
  const previous = await build(before.exportDir, before.asOf);
  const reused = await build(next.exportDir, next.asOf, previous.outDir);
  const full = await build(next.exportDir, next.asOf, fullFrom);
  return { previous, reused, full };
}

/** Files written while Astro rendered, then pages read and files cleared by the safety checks (src/integrations/page-scan.ts). */
const readLine = (log: string) => /渲染期间写出 (\d+) 个文件：已读取其中 (\d+) 个页面，(\d+) 个文件已通过安全检查/.exec(log)?.slice(1).map(Number);
// Files of a build that no page route writes: public/'s, the bundled assets, the sitemap, the
// page manifest (integrations), and the search index (after Astro).
const PUBLIC = readdirSync(join(ROOT, 'public'), { recursive: true, encoding: 'utf8' });
const notRendered = (f: string) => PUBLIC.includes(f) || /^(_astro|search-index)\//.test(f) || /^sitemap(-index|-\d+)?\.xml$/.test(f) || f === PAGE_MANIFEST;
const filesIn = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
const renderedFiles = (site: BuiltSite) => filesIn(site.outDir).filter((e) => !notRendered(relative(site.outDir, join(e.parentPath, e.name)))).length;
const reuseLine = (log: string) => /复用上一版本的 (\d+) 个页面，重新生成 (\d+) 个/.exec(log)?.slice(1).map(Number);
/** Copied pages whose previous reads were reused (src/lib/release/page-reads.ts). */
const readsLine = (log: string) => Number(/复用上一版本读取的 (\d+) 个页面/.exec(log)?.[1] ?? 0);
/** The record pages a build kept its reads of, for the next day's. */
const keptReads = (site: BuiltSite) => {
  const loaded = loadPageReads(site.outDir);
  return loaded.ok ? loaded.urls().filter((url) => url in digests(site)).sort() : [];
};
const digests = (site: BuiltSite): Record<string, string> => JSON.parse(readFileSync(join(site.outDir, PAGE_MANIFEST), 'utf8')).pages;

/** Pages of `next` whose digest is not the one they had in `previous`: what had to be rendered. */
const rendered = (previous: BuiltSite, next: BuiltSite) => {
  const before = digests(previous);
  return Object.entries(digests(next)).filter(([url, d]) => before[url] !== d).map(([url]) => url).sort();
};

function assertSameTrees(a: BuiltSite, b: BuiltSite) {
  const d = compareTrees(a.outDir, b.outDir);
  assert.deepEqual({ onlyInReuse: d.onlyInA, onlyInFull: d.onlyInB, differ: d.differ }, { onlyInReuse: [], onlyInFull: [], differ: [] });
  assert.ok(d.files > 50, `compared ${d.files} files`);
}

before(async () => {
  temp = tempDir('portal-daily-');
});

/** The next day's lists, one per facet value of the letters left (CN2026000001 and 06). */
const NEXT_DAY_LISTS = [
  '/commitments/category/政府机构/',
  '/commitments/region/市直/',
  '/commitments/region/泰山区/',
  '/commitments/status/履行中/',
  '/commitments/type/主动型/',
  '/commitments/type/优化服务/',
  '/commitments/year/2026/',
];

describe('a day of export changes, rebuilt with reuse', () => {
  let previous: BuiltSite, reused: BuiltSite, full: BuiltSite;

  before(async () => {
    // The withdrawn fixture is the good one a day later (its README); here also the 发改委
    // (11370900MB2850001B) renamed, and two days later: 2026-11-28 is a Saturday, 11-30 a Monday.
    const next = join(temp, 'next');
    cpSync(join(FIXTURES, 'withdrawn'), next, { recursive: true });
    const subjects = join(next, 'subjects.csv');
    const text = readFileSync(subjects, 'utf8');
    const renamed = text.replace('11370900MB2850001B,泰安市发展和改革委员会,', '11370900MB2850001B,泰安市发展改革委,');
    assert.notEqual(renamed, text);
    writeFileSync(subjects, renamed);
    execFileSync(process.execPath, [join(ROOT, 'scripts/export-manifest.ts'), next], { stdio: 'ignore' });
    ({ previous, reused, full } = await twoDays({ exportDir: FIXTURE_EXPORT, asOf: '2026-11-28' }, { exportDir: next, asOf: '2026-11-30' }));
  });

  test('gives the full build’s bytes, every file', () => assertSameTrees(reused, full));

  test('renders again exactly the pages whose record, subject, dated values, list or profile changed, and copies the rest', () => {
    assert.deepEqual(rendered(previous, full), [
      // 备注 edited, and its subject renamed
      '/commitments/CN2026000006/',
      // Every list: each shows the facet counts, and three letters gone changed them.
      ...NEXT_DAY_LISTS,
      // its subject renamed
      '/honors/BZ-2026-0001/',
      // unrepaired since 2025-03-01: one more working day waited (Monday 11-30)
      '/penalties/XZCF-2024-0003/',
      // Every profile: 发改委 renamed; 泰山区市场监管局 shows it as its 上级主管部门; the
      // hospital, 街道办 and 城建集团 lost a letter each (CN2026000002, 03, 04).
      '/subjects/11370900MB2850001B/',
      '/subjects/11370902MB2850002B/',
      '/subjects/11370982MB2850005G/',
      '/subjects/12370911MB2850003C/',
      '/subjects/91370900MA3C000044/',
    ]);
    // 6 published records' pages (CN2026000002–04 gone from the export, XZCF-2026-0001 now
    // withheld), 7 lists and 5 profiles: 3 copied. 7 withheld records' notices: XZCF-2026-0001's
    // is new; the other 6 were withheld yesterday for the same reasons (CN2026000005 不可公开,
    // XZCF-2025-0002 repaired, XZCF-2025-0004, ZX-2026-0002 closed, SX-2025-0002 removed,
    // BZ-2023-0002 expired) and are copied. /commitments/ (the list's first page, no paths to
    // leave out) is rendered every time.
    assert.deepEqual(reuseLine(reused.log), [9, 16]);
    assert.equal(reuseLine(full.log), undefined);
  });

  test('the copied pages are not read again: their reads in the previous build are reused, and kept for the next day', () => {
    // The 3 records' pages and the 6 notices copied.
    assert.equal(readsLine(reused.log), 9);
    assert.equal(readsLine(full.log), 0);
    // Every reusable page was read (or its read reused) and kept, in each build: the lists without an extraction line.
    for (const site of [previous, reused, full]) assert.deepEqual(keptReads(site), Object.keys(digests(site)).sort());
  });

  test('every file Astro writes is named for reading as soon as it is written; the copied pages and attachments are left to after the build', () => {
    for (const site of [reused, full]) {
      const [written, pages, cleared] = readLine(site.log) ?? [];
      const [copied] = reuseLine(site.log) ?? [0];
      // The build command copies the attachments from the export (src/pages/attachments/[...key].ts): the fixture's signed letter and case covers.
      const attachments = filesIn(join(site.outDir, 'attachments')).length;
      assert.ok(attachments > 0);
      assert.equal(written, renderedFiles(site) - copied! - attachments);
      // How many the thread read before the build ended depends on the machine; the rest is read after.
      assert.ok(pages! <= written! && cleared! <= written!);
    }
  });

  test('the public page manifest lists the published records’ pages, the lists and the profiles, no withheld id', () => {
    assert.deepEqual(Object.keys(digests(full)).sort(), [
      '/commitments/CN2026000001/',
      '/commitments/CN2026000006/',
      ...NEXT_DAY_LISTS,
      '/dishonest/SX-2026-0001/',
      '/enforcement/ZX-2026-0001/',
      '/honors/BZ-2026-0001/',
      '/penalties/XZCF-2024-0003/',
      '/subjects/11370900MB2850001B/',
      '/subjects/11370902MB2850002B/',
      '/subjects/11370982MB2850005G/',
      '/subjects/12370911MB2850003C/',
      '/subjects/91370900MA3C000044/',
    ]);
    // The withheld records' notices' digests are kept beside the site, in its reads folder, never in it.
    const notices = JSON.parse(readFileSync(join(readsDir(full.outDir), WITHHELD_MANIFEST), 'utf8')).pages;
    assert.deepEqual(Object.keys(notices).sort(), [
      '/commitments/CN2026000005/',
      '/dishonest/SX-2025-0002/',
      '/enforcement/ZX-2026-0002/',
      '/honors/BZ-2023-0002/',
      '/penalties/XZCF-2025-0002/',
      '/penalties/XZCF-2025-0004/',
      '/penalties/XZCF-2026-0001/',
    ]);
    assert.ok(!filesIn(full.outDir).some((e) => e.name === WITHHELD_MANIFEST));
  });
});

describe('the next day of an unchanged export, deadlines counting on', () => {
  let previous: BuiltSite, reused: BuiltSite, full: BuiltSite;

  before(async () => {
    // As of 2026-12-28 (its README); 12-31: late listings and cases are three working days later.
    const exportDir = join(FIXTURES, 'governance');
    // The full build names a folder with no page manifest: nothing to reuse, and a warning.
    ({ previous, reused, full } = await twoDays({ exportDir, asOf: '2026-12-28' }, { exportDir, asOf: '2026-12-31' }, temp));
  });

  test('gives the full build’s bytes, every file', () => assertSameTrees(reused, full));

  test('renders again exactly the pages that show dated values that changed, and copies the rest', () => {
    // Working days 12-29, 12-30 and 12-31 pass. Reported listings and cases keep their verdicts;
    // SX3 and ZX4 are due in 2027, which no calendar covers, both days.
    assert.deepEqual(rendered(previous, full), [
      // listed 09-28, not reported: late by three more working days
      '/dishonest/SX4/',
      // listed 12-21, not reported, due 12-30: pending, then late
      '/dishonest/SX6/',
      // unrepaired past their minimum periods (09-15, 10-01, 12-01): three more days waited.
      // P1's period runs to 2027-02-10; P4 is repaired.
      '/penalties/P2/',
      '/penalties/P3/',
      '/penalties/P5/',
      // their profiles show SX6's and SX4's verdicts (逾期 N 个工作日); a profile does not show
      // a penalty's days waited, so P3's hospital keeps its profile.
      '/subjects/11370900MB2850001B/',
      '/subjects/11370902MB2850002B/',
    ]);
    // 15 published records' pages (8 are withheld), the 5 lists of the one letter (CN2026000901:
    // no facet count moves, it does not expire) and 5 profiles (the sixth subject's row is
    // rejected: 所属区域 宁阳 is not one of the city's): 7 rendered.
    // The 8 withheld records' notices are as they were: copied too.
    assert.deepEqual(reuseLine(reused.log), [26, 7]);
    assert.equal(readsLine(reused.log), 26);
  });

  test('a folder without a page manifest is named in a warning, and nothing is reused', () => {
    assert.match(full.log, new RegExp(`不复用上一版本的页面：.*${PAGE_MANIFEST} 不存在`));
    assert.equal(reuseLine(full.log), undefined);
  });
});
