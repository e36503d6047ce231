/**
 * The 7-working-day notice (政务失信治理): late is MORE than 7 working days from the start to the
 * report, or, unreported, to the as-of date. Dates worked out by hand on the State Council's 2026
 * schedule: no holiday in March; 2027 is covered by no calendar.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workingCalendar } from '../../../src/lib/calendar/working-days.ts';
import { noticeDeadline } from '../../../src/lib/rules/dishonesty-governance-notice.ts';

const calendar = workingCalendar();
// Filed Wednesday 2026-03-04: 03-05 (1), 03-06 (2), 03-09 … 03-13 (3–7). The 7th working day is Friday 03-13.
const FILED = '2026-03-04';
const DUE = { ok: true, value: '2026-03-13' } as const;

test('reported on the 7th working day, or on the weekend right after it, is on time: 7 working days, not more', () => {
  assert.deepEqual(noticeDeadline(FILED, '2026-03-13', '2026-03-20', calendar), { state: 'on-time', due: DUE, reportedOn: '2026-03-13' });
  assert.deepEqual(noticeDeadline(FILED, '2026-03-14', '2026-03-20', calendar), { state: 'on-time', due: DUE, reportedOn: '2026-03-14' });
  assert.deepEqual(noticeDeadline(FILED, '2026-03-15', '2026-03-20', calendar), { state: 'on-time', due: DUE, reportedOn: '2026-03-15' });
});

test('reported on Monday 03-16 is the 8th working day: late by 1', () => {
  assert.deepEqual(noticeDeadline(FILED, '2026-03-16', '2026-03-20', calendar), { state: 'late', due: DUE, reportedOn: '2026-03-16', lateBy: { ok: true, value: 1 } });
});

test('not reported: pending through the weekend after the 7th working day, late from the 8th', () => {
  assert.deepEqual(noticeDeadline(FILED, undefined, '2026-03-14', calendar), { state: 'pending', due: DUE });
  assert.deepEqual(noticeDeadline(FILED, undefined, '2026-03-15', calendar), { state: 'pending', due: DUE });
  assert.deepEqual(noticeDeadline(FILED, undefined, '2026-03-17', calendar), { state: 'late', due: DUE, lateBy: { ok: true, value: 2 } });
});

test('a year no calendar covers: decided when the answer does not depend on it', () => {
  // Listed Thursday 12-24, reported Friday 12-25: 1 working day. The 7th working day is in 2027.
  assert.deepEqual(noticeDeadline('2026-12-24', '2026-12-25', '2026-12-28', calendar), { state: 'on-time', due: { ok: false, missingYear: 2027 }, reportedOn: '2026-12-25' });
  // Filed Tuesday 12-01, never reported, as of 2027-01-15: December has 22 more working days (due 12-10), so late; by how much needs 2027.
  assert.deepEqual(noticeDeadline('2026-12-01', undefined, '2027-01-15', calendar), { state: 'late', due: { ok: true, value: '2026-12-10' }, lateBy: { ok: false, missingYear: 2027 } });
  // Filed Monday 12-28, reported 2027-01-08: 3 working days in 2026 (29, 30, 31); whether the rest pass 7 needs 2027.
  assert.deepEqual(noticeDeadline('2026-12-28', '2027-01-08', '2027-01-15', calendar), { state: 'unknown', missingYear: 2027, reportedOn: '2027-01-08' });
});

test('a day is at most one working day: at most 7 days from the start, the notice is on time (or pending) whatever the missing year says', () => {
  // Filed Monday 12-28, reported Monday 2027-01-04: 12-29, 12-30, 12-31 and 4 days of 2027 — at most 7 working days.
  const DUE_2027 = { ok: false, missingYear: 2027 } as const;
  assert.deepEqual(noticeDeadline('2026-12-28', '2027-01-04', '2027-01-05', calendar), { state: 'on-time', due: DUE_2027, reportedOn: '2027-01-04' });
  assert.deepEqual(noticeDeadline('2027-01-04', '2027-01-05', '2027-01-05', calendar), { state: 'on-time', due: DUE_2027, reportedOn: '2027-01-05' });
  assert.deepEqual(noticeDeadline('2026-12-28', undefined, '2027-01-04', calendar), { state: 'pending', due: DUE_2027 });
  // One day more (to 01-05): 3 + 5 days could be 8 working days (a make-up weekend day), so it depends on 2027.
  assert.deepEqual(noticeDeadline('2026-12-28', '2027-01-05', '2027-01-06', calendar), { state: 'unknown', missingYear: 2027, reportedOn: '2027-01-05' });
});

test('the covered days after a missing year count too: more than 7 of them is late, whatever the missing year says', () => {
  // 2003 is before chinese-days. 2004: 01-01 off (元旦), Friday 01-02 (1), 01-05…01-09 (2–6), Monday 01-12 (7), 01-13 (8).
  const MISSING_2003 = { ok: false, missingYear: 2003 } as const;
  assert.deepEqual(noticeDeadline('2003-12-20', '2004-01-13', '2004-03-01', calendar), { state: 'late', due: MISSING_2003, reportedOn: '2004-01-13', lateBy: MISSING_2003 });
  assert.deepEqual(noticeDeadline('2003-12-20', undefined, '2004-03-01', calendar), { state: 'late', due: MISSING_2003, lateBy: MISSING_2003 });
  // To 01-12: 7 covered working days and 11 days of 2003: it depends on 2003.
  assert.deepEqual(noticeDeadline('2003-12-20', '2004-01-12', '2004-03-01', calendar), { state: 'unknown', missingYear: 2003, reportedOn: '2004-01-12' });
  // A covered year after the missing one: a made-up 2028 with no holidays. Saturday 2028-01-01; 01-03…01-07 (5), 01-10 (6), 01-11 (7), 01-12 (8).
  const with2028 = workingCalendar([{ year: 2028, confirmed: true, source: '测试用安排', holidays: {}, workdays: {} }]);
  assert.deepEqual(noticeDeadline('2026-12-31', '2028-01-12', '2028-02-01', with2028), { state: 'late', due: { ok: false, missingYear: 2027 }, reportedOn: '2028-01-12', lateBy: { ok: false, missingYear: 2027 } });
  assert.deepEqual(noticeDeadline('2026-12-31', '2028-01-11', '2028-02-01', with2028), { state: 'unknown', missingYear: 2027, reportedOn: '2028-01-11' });
});
