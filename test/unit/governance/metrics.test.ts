/**
 * Every governance figure on test/fixtures/exports/governance as of Monday 2026-12-28.
 * The expected numbers were worked out by hand from the CSV rows (see the comments), with
 * the 2026 holidays of the State Council schedule: 9-25…9-27 and 10-01…10-07 off, Sunday
 * 9-20 and Saturday 10-10 worked, 5-01…5-05 off and Saturday 5-09 worked.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import portal from '../../../portal.config.ts';
import { workingCalendar } from '../../../src/lib/calendar/working-days.ts';
import { activeDishonest, lateNotices, noticeItems, openEnforcement, unrepairedPastMinimum } from '../../../src/lib/governance/metrics.ts';
import { openByAgency, openByRegion } from '../../../src/lib/governance/open-items.ts';
import { repairWait } from '../../../src/lib/governance/repair-wait.ts';
import { enforcementByMonth, listingsByMonth, median, supervisionCounts } from '../../../src/lib/governance/trends.ts';
import { calendarWarnings } from '../../../src/lib/governance/calendar-warnings.ts';
import type { IngestResult } from '../../../src/lib/pipeline/ingest.ts';
import { ingestFixture } from '../support/exports.ts';

const asOf = '2026-12-28';
const calendar = workingCalendar();
const ctx = { asOf, calendar, regions: portal.regions };
let r: IngestResult;
before(async () => {
  r = await ingestFixture('governance', asOf);
});

const A = '11370900MB2850001B'; // 发改委, 市直
const B = '11370902MB2850002B'; // 泰山区市场监管局
const C = '12370911MB2850003C'; // 岱岳区人民医院
const D = '91370900MA3C000044'; // 城建集团, 市直
const E = '11370982MB2850005G'; // 新泰市青云街道

describe('headline figures', () => {
  test('active-dishonest counts listings not removed by the as-of date: SX1–SX4, SX6, SX7 (removal 2027-01-15 is still to come); SX5 removed 12-01', () => {
    assert.equal(activeDishonest(r, asOf), 6);
  });
  test('active-dishonest on an earlier day counts only listings already published then', () => {
    // 2026-09-01: SX2 (2025-03-03), SX7 (2025-12-15), SX1 (2026-08-03)
    assert.equal(activeDishonest(r, '2026-09-01'), 3);
  });
  test('open-enforcement counts 未履行 and 部分履行 cases: ZX1, ZX3, ZX4, ZX5 (ZX2 全部履行 is withheld)', () => {
    assert.equal(openEnforcement(r), 4);
  });
  test('unrepaired-past-minimum: P2 (min 9-15), P3 (严重, min 2026-10-01), P5 (min 12-01); P1 is 安全生产 so its minimum is 2027-02-10', () => {
    assert.equal(unrepairedPastMinimum(r, asOf), 3);
  });
  test('late-notices: SX2 reported 3-20 after 3-12, SX4 never reported after 10-13, ZX1 reported 5-20 after 5-14, ZX5 reported 12-15 after 12-10', () => {
    assert.deepEqual(lateNotices(r, ctx), { late: 4, unknown: 2, missingYears: [2027] });
  });
});

describe('reporting deadlines (7 working days)', () => {
  const deadline = (id: string) => noticeItems(r, ctx).find((i) => i.id === id)!.deadline;
  test('listed Monday 2026-08-03, reported Wednesday 08-12: due 08-12, on time', () => {
    assert.deepEqual(deadline('SX1'), { state: 'on-time', due: '2026-08-12', reportedOn: '2026-08-12' });
  });
  test('listed 2025-03-03, reported 03-20: due 03-12, 6 working days late (13, 14, 17, 18, 19, 20)', () => {
    assert.deepEqual(deadline('SX2'), { state: 'late', due: '2025-03-12', reportedOn: '2025-03-20', lateBy: { ok: true, value: 6 } });
  });
  test('listed 2026-09-28 across National Day (make-up Saturday 10-10 counts), never reported: due 10-13, 54 working days late on 12-28', () => {
    // 10-14…10-30: 13; November: 21; 12-01…12-28: 20
    assert.deepEqual(deadline('SX4'), { state: 'late', due: '2026-10-13', lateBy: { ok: true, value: 54 } });
  });
  test('filed 2026-05-06 (make-up Saturday 05-09 counts), reported 05-20: due 05-14, 4 working days late', () => {
    assert.deepEqual(deadline('ZX1'), { state: 'late', due: '2026-05-14', reportedOn: '2026-05-20', lateBy: { ok: true, value: 4 } });
  });
  test('listed 2026-12-21, not reported: due 12-30, still pending on 12-28', () => {
    assert.deepEqual(deadline('SX6'), { state: 'pending', due: '2026-12-30' });
  });
  test('listed 2026-12-24 and filed 2026-12-23: the deadline falls in 2027, which no calendar covers', () => {
    assert.deepEqual(deadline('SX3'), { state: 'unknown', missingYear: 2027 });
    assert.deepEqual(deadline('ZX4'), { state: 'unknown', missingYear: 2027 });
  });
  test('the build report warns about 2027 for the two deadlines that need it', () => {
    const warnings = r.report.problems.filter((p) => p.file === 'data/calendar/2027.json');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.severity, 'warning');
    assert.match(warnings[0]!.message, /2027 年.*2 项期限/);
  });
  test('with 2027 covered, no warning remains', () => {
    const y2027 = { year: 2027, confirmed: true, source: '测试', holidays: { '2027-01-01': '元旦' }, workdays: {} };
    const cal = workingCalendar([y2027]);
    assert.deepEqual(calendarWarnings(r, asOf, { calendar: cal, files: { years: [y2027], unconfirmed: [], problems: [] }, dir: 'data/calendar' }), []);
  });
});

describe('penalties past the minimum period', () => {
  const wait = (id: string) => repairWait(r.penalties.find((p) => p.id === id)!.disclosure.minimumEnd, asOf, calendar);
  test('P2 minimum ended 2026-09-15: 70 working days to 12-28 (September 11 with 9-20 worked and 9-25 off, October 18, November 21, December 20)', () => {
    assert.deepEqual(wait('P2'), { ok: true, value: 70 });
  });
  test('P5 minimum ended 2026-12-01: 19 working days', () => {
    assert.deepEqual(wait('P5'), { ok: true, value: 19 });
  });
  test('P1 (minimum to 2027-02-10) has no wait yet', () => {
    assert.equal(wait('P1'), undefined);
  });
});

describe('trends', () => {
  test('active listings month by month over 24 months, counted on each month end (the as-of date in December 2026)', () => {
    const months = listingsByMonth(r, ctx);
    assert.equal(months.length, 24);
    assert.deepEqual(months[0], { month: '2025-01', day: '2025-01-31', total: 0, byRegion: { 市直: 0, 泰山区: 0, 岱岳区: 0, 新泰市: 0, 肥城市: 0, 宁阳县: 0, 东平县: 0, 泰安高新区: 0 } });
    assert.deepEqual(months.map((m) => m.total), [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 4, 4, 6]);
    assert.deepEqual(months[23], { month: '2026-12', day: '2026-12-28', total: 6, byRegion: { 市直: 3, 泰山区: 1, 岱岳区: 1, 新泰市: 1, 肥城市: 0, 宁阳县: 0, 东平县: 0, 泰安高新区: 0 } });
  });
  test('enforcement cases opened per month; the published (unperformed) cases have none closed', () => {
    const t = enforcementByMonth(r, ctx);
    const opened = Object.fromEntries(t.months.filter((m) => m.opened > 0).map((m) => [m.month, m.opened]));
    assert.deepEqual(opened, { '2026-05': 1, '2026-11': 1, '2026-12': 2 });
    assert.equal(t.months.reduce((a, m) => a + m.closed, 0), 0);
    assert.equal(t.medianDaysToClose, null);
  });
  test('closed cases are counted in their 结案 month with the median days to close', () => {
    const e = (id: string, filedOn: string, closedOn?: string) => ({ ...r.enforcement[0]!, id, filedOn, outcome: closedOn ? ('全部履行' as const) : ('未履行' as const), ...(closedOn ? { closedOn } : {}) });
    // 30, 59 and 90 days; one closed after the as-of date is not closed yet
    const t = enforcementByMonth({ enforcement: [e('a', '2026-10-01', '2026-10-31'), e('b', '2026-10-01', '2026-11-29'), e('c', '2026-09-01', '2026-11-30'), e('d', '2026-12-01', '2026-12-30')] }, ctx);
    assert.deepEqual(t.months.filter((m) => m.closed > 0).map((m) => [m.month, m.closed]), [['2026-10', 1], ['2026-11', 2]]);
    assert.equal(t.medianDaysToClose, 59);
    assert.equal(t.closedCases, 3);
  });
  test('median of an even count is the mean of the middle two', () => {
    assert.equal(median([10, 1, 4, 7]), 5.5);
  });
  test('督办状态 of active listings in the contract order', () => {
    assert.deepEqual(supervisionCounts(r, ctx), [
      { status: '待通报', count: 3 },
      { status: '已通报', count: 1 },
      { status: '现场督办', count: 1 },
      { status: '已约谈', count: 1 },
      { status: '已移交', count: 0 },
    ]);
  });
});

describe('open items per region and agency', () => {
  test('per region, every configured region, with the oldest item and its age in days', () => {
    const rows = openByRegion(r, ctx);
    assert.deepEqual(rows.map((x) => x.region), portal.regions);
    const 市直 = rows[0]!;
    assert.deepEqual([市直.dishonest, 市直.enforcement, 市直.penalties, 市直.total], [3, 2, 1, 6]);
    assert.deepEqual(市直.oldest, { kind: 'dishonest', id: 'SX7', since: '2025-12-15', days: 378 });
    assert.deepEqual(rows[1]!.oldest, { kind: 'penalties', id: 'P2', since: '2026-09-15', days: 104 });
    assert.deepEqual(rows[2]!.oldest, { kind: 'dishonest', id: 'SX2', since: '2025-03-03', days: 665 });
    assert.deepEqual(rows[3]!.oldest, { kind: 'enforcement', id: 'ZX4', since: '2026-12-23', days: 5 });
    assert.equal(rows[4]!.total, 0);
    assert.equal(rows[4]!.oldest, undefined);
  });
  test('per agency, most open items first, then the oldest', () => {
    const rows = openByAgency(r, ctx);
    // D: SX1, SX7, ZX1 (oldest 2025-12-15); B: SX4, ZX3, P2 (2026-09-15); A: SX6, ZX5, P5 (2026-12-01, tie broken by id P5 < ZX5); C: SX2, P3; E: SX3, ZX4
    assert.deepEqual(rows.map((x) => [x.creditCode, x.total, x.oldest!.id]), [[D, 3, 'SX7'], [B, 3, 'P2'], [A, 3, 'P5'], [C, 2, 'SX2'], [E, 2, 'ZX4']]);
    assert.equal(rows[2]!.oldest!.days, 27);
  });
});
