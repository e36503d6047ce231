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
import type { EnforcementHistory } from '../../../src/lib/governance/history.ts';
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
  test('open-enforcement counts 未履行 and 部分履行 cases: ZX1, ZX3, ZX4, ZX5 (closed ZX2, ZX6–ZX8 are withheld)', () => {
    assert.equal(openEnforcement(r), 4);
  });
  test('unrepaired-past-minimum: P2 (min 9-15), P3 (严重, min 2026-10-01), P5 (min 12-01); P1 is 安全生产 so its minimum is 2027-02-10', () => {
    assert.equal(unrepairedPastMinimum(r, asOf), 3);
  });
  test('late-notices: SX2 reported 3-20 after 3-12, SX4 never reported after 10-13, ZX1 reported 5-20 after 5-14, ZX5 reported 12-15 after 12-10', () => {
    // SX3 and ZX4 are pending: 2 and 3 working days had passed by 12-28, whatever 2027's calendar says.
    assert.deepEqual(lateNotices(r, ctx), { late: 4, unknown: 0, missingYears: [] });
  });
});

describe('reporting deadlines (7 working days)', () => {
  const deadline = (id: string) => noticeItems(r, ctx).find((i) => i.id === id)!.deadline;
  test('listed Monday 2026-08-03, reported Wednesday 08-12: due 08-12, on time', () => {
    assert.deepEqual(deadline('SX1'), { state: 'on-time', due: { ok: true, value: '2026-08-12' }, reportedOn: '2026-08-12' });
  });
  test('listed 2025-03-03, reported 03-20: due 03-12, 6 working days late (13, 14, 17, 18, 19, 20)', () => {
    assert.deepEqual(deadline('SX2'), { state: 'late', due: { ok: true, value: '2025-03-12' }, reportedOn: '2025-03-20', lateBy: { ok: true, value: 6 } });
  });
  test('listed 2026-09-28 across National Day (make-up Saturday 10-10 counts), never reported: due 10-13, 54 working days late on 12-28', () => {
    // 10-14…10-30: 13; November: 21; 12-01…12-28: 20
    assert.deepEqual(deadline('SX4'), { state: 'late', due: { ok: true, value: '2026-10-13' }, lateBy: { ok: true, value: 54 } });
  });
  test('filed 2026-05-06 (make-up Saturday 05-09 counts), reported 05-20: due 05-14, 4 working days late', () => {
    assert.deepEqual(deadline('ZX1'), { state: 'late', due: { ok: true, value: '2026-05-14' }, reportedOn: '2026-05-20', lateBy: { ok: true, value: 4 } });
  });
  test('listed 2026-12-21, not reported: due 12-30, still pending on 12-28', () => {
    assert.deepEqual(deadline('SX6'), { state: 'pending', due: { ok: true, value: '2026-12-30' } });
  });
  test('listed 2026-12-24 and filed 2026-12-23, not reported: pending on 12-28 (2 and 3 working days), the 7th working day in 2027, which no calendar covers', () => {
    // SX3: 12-25, 12-28; ZX4: 12-24, 12-25, 12-28. The 7th falls after 12-31 for both.
    assert.deepEqual(deadline('SX3'), { state: 'pending', due: { ok: false, missingYear: 2027 } });
    assert.deepEqual(deadline('ZX4'), { state: 'pending', due: { ok: false, missingYear: 2027 } });
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

describe('governance history (every valid case and listing, published or withheld)', () => {
  test('holds the 8 valid cases and 9 valid listings: withheld ZX2 ZX6 ZX7 ZX8 and SX5 SX8 SX9 in, rejected ZX9 ZX10 SX10 out', () => {
    // ZX9 and SX10 name 11370921MB2850007B, rejected in subjects.csv (所属区域 宁阳); ZX10 is 全部履行 without 结案日期.
    assert.equal(r.history.enforcement.length, 8);
    assert.equal(r.history.dishonest.length, 9);
    assert.ok(!r.history.enforcement.some((e) => e.creditCode === '11370921MB2850007B' || e.filedOn === '2026-08-03'));
    assert.ok(!r.history.dishonest.some((d) => d.creditCode === '11370921MB2850007B'));
    assert.deepEqual(r.history.enforcement.find((e) => e.filedOn === '2025-11-03'), { creditCode: E, filedOn: '2025-11-03', outcome: '终结执行', closedOn: '2026-03-02' });
  });
  test('an entry holds only dates, statuses and the subject code: no 信息编号, 案号, court or name', () => {
    for (const e of r.history.enforcement) for (const k of Object.keys(e)) assert.ok(['creditCode', 'filedOn', 'outcome', 'closedOn'].includes(k), k);
    for (const d of r.history.dishonest) for (const k of Object.keys(d)) assert.ok(['creditCode', 'listedOn', 'removedOn', 'supervision'].includes(k), k);
  });
});

describe('trends', () => {
  test('active listings month by month over 24 months, removed listings included in the months they were active', () => {
    const months = listingsByMonth(r, ctx);
    assert.equal(months.length, 24);
    assert.deepEqual(months[0], { month: '2025-01', day: '2025-01-31', total: 0, byRegion: { 市直: 0, 泰山区: 0, 岱岳区: 0, 新泰市: 0, 肥城市: 0, 宁阳县: 0, 东平县: 0, 泰安高新区: 0 } });
    // SX2 from 2025-03; SX8 (removed 2026-02-10) May 2025 – Jan 2026; SX7 from 2025-12; SX9 listed 03-02 and
    // removed 03-20 is on no month end; SX5 (removed 2026-12-01) June – November 2026; SX1 from 2026-08;
    // SX4 (09-28) from September; SX3, SX6 in December. Rejected SX10 (July – October) is not counted.
    assert.deepEqual(months.map((m) => m.total), [0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 2, 2, 2, 2, 3, 3, 4, 5, 5, 5, 6]);
    assert.deepEqual(months[5]!.byRegion, { 市直: 0, 泰山区: 0, 岱岳区: 2, 新泰市: 0, 肥城市: 0, 宁阳县: 0, 东平县: 0, 泰安高新区: 0 });
    assert.deepEqual(months[22], { month: '2026-11', day: '2026-11-30', total: 5, byRegion: { 市直: 3, 泰山区: 1, 岱岳区: 1, 新泰市: 0, 肥城市: 0, 宁阳县: 0, 东平县: 0, 泰安高新区: 0 } });
    assert.deepEqual(months[23], { month: '2026-12', day: '2026-12-28', total: 6, byRegion: { 市直: 3, 泰山区: 1, 岱岳区: 1, 新泰市: 1, 肥城市: 0, 宁阳县: 0, 东平县: 0, 泰安高新区: 0 } });
  });
  test('the as-of month counts exactly the active-dishonest listings', () => {
    assert.equal(listingsByMonth(r, ctx)[23]!.total, activeDishonest(r, asOf));
  });
  test('enforcement cases opened per month, closed ones included; ZX8 (2024) is before the window', () => {
    const t = enforcementByMonth(r, ctx);
    const opened = Object.fromEntries(t.months.filter((m) => m.opened > 0).map((m) => [m.month, m.opened]));
    assert.deepEqual(opened, { '2025-11': 1, '2026-02': 1, '2026-05': 1, '2026-06': 1, '2026-11': 1, '2026-12': 2 });
  });
  test('closed cases per 结案 month and the median days to close, over the cases closed in the 24 months', () => {
    const t = enforcementByMonth(r, ctx);
    // ZX7 2025-11-03 → 2026-03-02: 27 + 31 + 31 + 28 + 2 = 119 days; ZX2 2026-02-01 → 04-01: 28 + 31 = 59;
    // ZX6 2026-06-10 → 07-20: 20 + 20 = 40. ZX8 closed 2024-12-02, before the window: not counted.
    assert.deepEqual(t.months.filter((m) => m.closed > 0).map((m) => [m.month, m.closed]), [['2026-03', 1], ['2026-04', 1], ['2026-07', 1]]);
    assert.equal(t.closedCases, 3);
    assert.equal(t.medianDaysToClose, 59);
  });
  test('a case closes on a closing 履行情况 with 结案日期 up to the as-of date; a 结案日期 on an unperformed case closes nothing', () => {
    const e = (filedOn: string, outcome: EnforcementHistory['outcome'], closedOn?: string): EnforcementHistory => ({ creditCode: A, filedOn, outcome, ...(closedOn ? { closedOn } : {}) });
    // 30, 59 and 90 days; one closed after the as-of date and one 部分履行 with a 结案日期 are not closed
    const history = { dishonest: [], enforcement: [e('2026-10-01', '全部履行', '2026-10-31'), e('2026-10-01', '执行和解', '2026-11-29'), e('2026-09-01', '终结执行', '2026-11-30'), e('2026-12-01', '全部履行', '2026-12-30'), e('2026-10-01', '部分履行', '2026-10-20')] };
    const t = enforcementByMonth({ history }, ctx);
    assert.deepEqual(t.months.filter((m) => m.closed > 0).map((m) => [m.month, m.closed]), [['2026-10', 1], ['2026-11', 2]]);
    assert.equal(t.medianDaysToClose, 59);
    assert.equal(t.closedCases, 3);
  });
  test('no case closed in the window: the median is null', () => {
    assert.equal(enforcementByMonth({ history: { dishonest: [], enforcement: [] } }, ctx).medianDaysToClose, null);
  });
  test('median of an even count is the mean of the middle two', () => {
    assert.equal(median([10, 1, 4, 7]), 5.5);
  });
  test('督办状态 of listings active on the as-of date in the contract order; removed SX5 (已通报) and SX8 (已移交) are not counted', () => {
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
