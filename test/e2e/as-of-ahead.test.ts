/**
 * Records dated after the as-of date: test/fixtures/exports/governance built as of 2026-10-30,
 * when SX6 (发布时间 2026-12-21) and SX3 (2026-12-24) are published but not yet listed. Every
 * page must count them as the home page and /governance/ do (isListedOn). Expected values
 * worked out by hand from the fixture's rows.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, ROOT, type BuiltSite } from './support/build.ts';

const EXPORT = join(ROOT, 'test/fixtures/exports/governance');
const AS_OF = '2026-10-30';
const A = '11370900MB2850001B'; // 发改委: SX5 (2026-06-01, removed 12-01) and SX6 (12-21)
const E = '11370982MB2850005G'; // 新泰市青云街道: SX3 (12-24); SX9 removed 2026-03-20
const SUBJECTS = [A, '11370902MB2850002B', '12370911MB2850003C', '91370900MA3C000044', E];

let built: BuiltSite;
before(async () => {
  built = await buildSite(EXPORT, AS_OF);
});

const html = (path: string) => readFileSync(join(built.outDir, path, 'index.html'), 'utf8');
const metric = (path: string, name: string) => Number(html(path).match(new RegExp(`data-metric="${name}"[^>]*>(\\d+)<`))![1]);
/** A profile's status badge value. */
const badge = (code: string, label: string) => html(`subjects/${code}`).match(new RegExp(`${label}：</span><span[^>]*>([^<]*)<`))![1]!;

describe('a listing published ahead of its 发布时间', () => {
  test('is not current on the home page nor on /governance/: SX1, SX2, SX4, SX5, SX7 are', () => {
    assert.equal(metric('', 'active-dishonest'), 5);
    assert.equal(metric('governance', 'active-dishonest'), 5);
  });
  test("nor on the profiles' badges, which add up to the same 5", () => {
    assert.equal(badge(E, '失信被执行人'), '否，当前未被列入；另有 1 条自2026年12月24日起列入');
    assert.equal(badge(A, '失信被执行人'), '是，当前在列 1 条；另有 1 条自2026年12月21日起列入');
    const total = SUBJECTS.reduce((n, code) => n + Number(badge(code, '失信被执行人').match(/当前在列 (\d+) 条/)?.[1] ?? 0), 0);
    assert.equal(total, 5);
  });
  test('nor on its own page, which says from when it is listed', () => {
    const callout = (id: string) => html(`dishonest/${id}`).match(/<p class="callout[^"]*">([^<]*)</)![1]!;
    assert.match(callout('SX3'), /^该主体自2026年12月24日（发布时间）起被列入失信被执行人名单，督办状态：待通报。/);
    assert.match(callout('SX1'), /^该主体当前被列入失信被执行人名单（发布时间 2026年8月3日），督办状态：现场督办。/);
  });
});

describe('a penalty 已修复 with a 修复日期 after the as-of date', () => {
  // P4 (新泰市青云街道, 一般, decided 2026-05-01: minimum over 08-01) is 已修复 from 2026-11-01.
  test('is unrepaired past its minimum on /governance/: P2 (9-15), P3 (严重, 2026-10-01) and P4; P5 (12-01) and P1 (2027-02-10) not yet', () => {
    assert.equal(metric('governance', 'unrepaired-past-minimum'), 3);
  });
  test("and on its subject's badge, which says from when the repair takes effect", () => {
    assert.equal(badge(E, '未修复的行政处罚'), '1 条（其中 1 条的信用修复自2026年11月1日起生效）');
  });
});

describe('a penalty before its minimum period ends', () => {
  test('says from which day repair may be applied for: P5, 一般, decided 2026-09-01, from 12-01', () => {
    assert.equal(html('penalties/P5').match(/<p class="callout">([^<]*)</)![1], '最短公示期届满后，该主体自2026年12月1日起可以申请信用修复。');
  });
});
