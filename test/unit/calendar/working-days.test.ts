import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workingCalendar } from '../../../src/lib/calendar/working-days.ts';
import { readCalendarFiles } from '../../../src/lib/calendar/calendar-files.ts';
import type { CalendarYear } from '../../../src/lib/calendar/calendar-year.ts';
import { tempDir } from '../support/temp-dir.ts';

const calendar = workingCalendar();

/** A made-up confirmed 2027 (not the real schedule): 1–3 January off, Sunday 10 January worked. */
const year2027: CalendarYear = {
  year: 2027,
  confirmed: true,
  source: '测试用安排',
  holidays: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦' },
  workdays: { '2027-01-10': '调休' },
};

describe('working days from chinese-days (2004–2026)', () => {
  test('a National Day holiday weekday is not a working day', () => {
    assert.deepEqual(calendar.isWorkingDay('2026-10-05'), { ok: true, value: false }); // Monday, 国庆节
  });
  test('a make-up Saturday (调休上班) is a working day', () => {
    assert.deepEqual(calendar.isWorkingDay('2026-10-10'), { ok: true, value: true }); // Saturday
  });
  test('an ordinary Saturday is not, an ordinary Tuesday is', () => {
    assert.deepEqual(calendar.isWorkingDay('2026-11-28'), { ok: true, value: false });
    assert.deepEqual(calendar.isWorkingDay('2026-12-01'), { ok: true, value: true });
  });
  test('7 working days after Monday 2026-11-02 is Wednesday 2026-11-11 (the day itself not counted)', () => {
    assert.deepEqual(calendar.addWorkingDays('2026-11-02', 7), { ok: true, value: '2026-11-11' });
  });
  test('7 working days after 2026-09-29 skip the National Day week and count the make-up Saturday 10-10', () => {
    // 9-30 (1); 10-01…10-07 off; 10-08 (2), 10-09 (3), Sat 10-10 make-up (4), 10-12 (5), 10-13 (6), 10-14 (7)
    assert.deepEqual(calendar.addWorkingDays('2026-09-29', 7), { ok: true, value: '2026-10-14' });
  });
  test('working days between two dates count the end and not the start', () => {
    assert.deepEqual(calendar.workingDaysBetween('2026-11-02', '2026-11-11'), { ok: true, value: 7 });
    assert.deepEqual(calendar.workingDaysBetween('2026-11-11', '2026-11-11'), { ok: true, value: 0 });
    assert.deepEqual(calendar.workingDaysBetween('2026-11-12', '2026-11-11'), { ok: true, value: 0 });
  });
  test('across the 2025/2026 year end: 2026-01-01…01-03 off, Sunday 01-04 worked', () => {
    // 12-31 (1); 01-01…01-03 off; Sun 01-04 make-up (2); 01-05 (3) … 01-09 (7)
    assert.deepEqual(calendar.addWorkingDays('2025-12-30', 7), { ok: true, value: '2026-01-09' });
    assert.deepEqual(calendar.workingDaysBetween('2025-12-30', '2026-01-09'), { ok: true, value: 7 });
  });
});

describe('a year no source covers', () => {
  test('chinese-days stops at 2026: 2027 is not covered (it would call 2027-01-01 a working day)', () => {
    assert.equal(calendar.covers(2026), true);
    assert.equal(calendar.covers(2027), false);
    assert.deepEqual(calendar.isWorkingDay('2027-01-01'), { ok: false, missingYear: 2027 });
  });
  test('a deadline that crosses into a missing year names the year, never a Monday–Friday guess', () => {
    // 12-28 (1) … 12-31 (4); the 5th working day would be in 2027
    assert.deepEqual(calendar.addWorkingDays('2026-12-27', 7), { ok: false, missingYear: 2027 });
    // 12-21…12-25 and 12-28…12-31 are 9 working days; 2027-01-01…01-04 are 4 days that could each be one.
    assert.deepEqual(calendar.workingDaysBetween('2026-12-20', '2027-01-04'), { ok: false, missingYear: 2027, atLeast: 9, atMost: 13 });
  });
  test('a deadline that ends before the year end is still computed', () => {
    // 12-21 (1) … 12-25 (5), 12-28 (6), 12-29 (7)
    assert.deepEqual(calendar.addWorkingDays('2026-12-18', 7), { ok: true, value: '2026-12-29' });
  });
  test('a confirmed repository year covers 2027 with its holidays and make-up days', () => {
    const c = workingCalendar([year2027]);
    // 12-28…12-31 (4); 01-01…01-03 off; 01-04 (5), 01-05 (6), 01-06 (7)
    assert.deepEqual(c.addWorkingDays('2026-12-27', 7), { ok: true, value: '2027-01-06' });
    assert.deepEqual(c.isWorkingDay('2027-01-10'), { ok: true, value: true });
    assert.deepEqual(c.workingDaysBetween('2026-12-31', '2027-01-11'), { ok: true, value: 7 }); // 4,5,6,7,8,10,11
  });
  test('the year 9999 is counted whole, and a deadline past its last day ends there (civil-date.ts LAST_DAY)', () => {
    const c = workingCalendar([{ ...year2027, year: 9999, holidays: {}, workdays: {} }]);
    // 9999-12-31 is a Friday (by the Gregorian calendar's 400-year cycle: as 2399-12-31 and 1999-12-31).
    assert.deepEqual(c.isWorkingDay('9999-12-31'), { ok: true, value: true });
    assert.deepEqual(c.workingDaysBetween('9999-12-26', '9999-12-31'), { ok: true, value: 5 });
    assert.deepEqual(c.addWorkingDays('9999-12-30', 7), { ok: true, value: '9999-12-31' });
  });
  test("a year's notice may set days of the previous December: they amend that year, and cover no year alone", () => {
    // A made-up 2027 notice: Sunday 2026-12-27 worked and Thursday 2026-12-31 off (chinese-days: the reverse).
    const c = workingCalendar([{ ...year2027, holidays: { ...year2027.holidays, '2026-12-31': '元旦' }, workdays: { '2026-12-27': '元旦调休' } }]);
    assert.deepEqual(c.isWorkingDay('2026-12-27'), { ok: true, value: true });
    assert.deepEqual(c.isWorkingDay('2026-12-31'), { ok: true, value: false });
    assert.deepEqual(c.isWorkingDay('2026-12-30'), { ok: true, value: true });
    // 12-27 (1), 12-28…12-30 (2–4); 12-31 and 01-01…01-03 off; 01-04 (5), 01-05 (6), 01-06 (7)
    assert.deepEqual(c.addWorkingDays('2026-12-26', 7), { ok: true, value: '2027-01-06' });
    assert.deepEqual(c.workingDaysBetween('2026-12-01', '2026-12-31'), { ok: true, value: 22 }); // 22 weekdays in 12-02…12-31, + 12-27, − 12-31
    // A 2028 file naming 2027-12-31 does not cover 2027.
    const only2028 = workingCalendar([{ ...year2027, year: 2028, holidays: {}, workdays: { '2027-12-31': '调休' } }]);
    assert.equal(only2028.covers(2027), false);
    assert.deepEqual(only2028.isWorkingDay('2027-12-31'), { ok: false, missingYear: 2027 });
  });
  test('an unconfirmed repository year is a template and covers nothing', () => {
    const c = workingCalendar([{ ...year2027, confirmed: false }]);
    assert.equal(c.covers(2027), false);
  });
});

describe('data/calendar files', () => {
  test('the shipped 2027 template is valid and unconfirmed', () => {
    const files = readCalendarFiles('data/calendar');
    assert.deepEqual(files.problems, []);
    assert.deepEqual(files.unconfirmed, [2027]);
    assert.deepEqual(files.years, []);
  });
  test('国办发明电〔2011〕39号 as data/calendar/2012.json: Saturday 2011-12-31 worked for 元旦 is a day of the previous December, and allowed', () => {
    const dir = tempDir('calendar-');
    const y2012 = { year: 2012, confirmed: true, source: '国务院办公厅关于2012年部分节假日安排的通知（国办发明电〔2011〕39号）', holidays: { '2012-01-01': '元旦', '2012-01-02': '元旦', '2012-01-03': '元旦' }, workdays: { '2011-12-31': '元旦调休' } };
    writeFileSync(join(dir, '2012.json'), JSON.stringify(y2012));
    // Only December of the year before: November is not.
    writeFileSync(join(dir, '2013.json'), JSON.stringify({ ...y2012, year: 2013, holidays: {}, workdays: { '2012-11-30': '调休' } }));
    const files = readCalendarFiles(dir);
    assert.deepEqual(files.years.map((y) => y.year), [2012]);
    assert.deepEqual(files.problems.map((p) => p.file.slice(dir.length + 1)), ['2013.json']);
    assert.match(files.problems[0]!.message, /2012-11-30 不在 2013 年/);
  });
  test('a year before chinese-days (2004), which the build warning asks for when a deadline needs it, can be added', () => {
    const dir = tempDir('calendar-');
    // A fixture, not the real notice: no days set in December, so 2003's last week is plain Monday–Friday.
    writeFileSync(join(dir, '2003.json'), JSON.stringify({ year: 2003, confirmed: true, source: '国务院办公厅关于2003年部分节假日安排的通知', holidays: { '2003-10-01': '国庆节' }, workdays: {} }));
    const files = readCalendarFiles(dir);
    assert.deepEqual(files.problems, []);
    // 2003-12-29 (Mon) to 2004-01-05 (Mon): 12-30, 12-31, then 2004-01-02 (Fri) and 01-05; 01-01 is 元旦.
    assert.deepEqual(workingCalendar(files.years).workingDaysBetween('2003-12-29', '2004-01-05'), { ok: true, value: 4 });
  });
  test('a broken or misnamed file is reported with its name and leaves the year uncovered', () => {
    const dir = tempDir('calendar-');
    writeFileSync(join(dir, '2028.json'), '{ not json');
    writeFileSync(join(dir, '2029.json'), JSON.stringify({ ...year2027, year: 2030, holidays: {}, workdays: {} }));
    writeFileSync(join(dir, '2031.json'), JSON.stringify({ ...year2027, year: 2031, source: undefined, holidays: { '2030-01-01': '元旦' }, workdays: {} }));
    const files = readCalendarFiles(dir);
    assert.deepEqual(files.years, []);
    assert.deepEqual(files.problems.map((p) => p.file.slice(dir.length + 1)), ['2028.json', '2029.json', '2031.json', '2031.json']);
    assert.match(files.problems[2]!.message, /source/);
    assert.match(files.problems[3]!.message, /2030-01-01 不在 2031 年/);
  });
});
