import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, chinaDateOf, daysInMonth, formatChineseDate, formatChineseMonth, isValidCivilDate, parseAsOf, parseCivilDate, todayInChina, yearOf } from '../../../src/lib/dates/civil-date.ts';

describe('§3 date forms', () => {
  test('YYYY-MM-DD is canonical and returned unchanged', () => {
    assert.equal(parseCivilDate('2026-11-28'), '2026-11-28');
  });
  test('YYYY/M/D is accepted and normalised', () => {
    assert.equal(parseCivilDate('2025/6/1'), '2025-06-01');
    assert.equal(parseCivilDate('2025/06/01'), '2025-06-01');
  });
  test('YYYY.M.D is accepted and normalised', () => {
    assert.equal(parseCivilDate('2026.2.20'), '2026-02-20');
  });
  test('YYYYMMDD is accepted and normalised', () => {
    assert.equal(parseCivilDate('20260401'), '2026-04-01');
  });
  test('YYYY年M月D日 is accepted and normalised', () => {
    assert.equal(parseCivilDate('2026年1月5日'), '2026-01-05');
    assert.equal(parseCivilDate('2026年12月31日'), '2026-12-31');
  });
  test('an impossible date such as 2026-02-30 is an error in every form', () => {
    for (const raw of ['2026-02-30', '2026/2/30', '2026.2.30', '20260230', '2026年2月30日', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00']) {
      assert.equal(parseCivilDate(raw), null, raw);
    }
  });
  test('29 February exists in leap years only (2024-02-29 yes, 2025-02-29 no)', () => {
    assert.equal(parseCivilDate('2024-02-29'), '2024-02-29');
    assert.equal(parseCivilDate('2025-02-29'), null);
    assert.equal(parseCivilDate('2000-02-29'), '2000-02-29');
    assert.equal(parseCivilDate('1900-02-29'), null);
  });
  test('anything else is not a date', () => {
    for (const raw of ['', 'abc', '2026-1-5', '26-11-28', '2026-11-28 10:00', '2026-11-28T00:00:00Z', ' 2026-11-28', '2026/11/28/', '2026年11月28', '11/28/2026', '2026-11', '２０２６-11-28', '202611280']) {
      assert.equal(parseCivilDate(raw), null, JSON.stringify(raw));
    }
  });
  test('isValidCivilDate accepts only the canonical form of a real date', () => {
    assert.equal(isValidCivilDate('2026-11-28'), true);
    assert.equal(isValidCivilDate('2026/11/28'), false);
    assert.equal(isValidCivilDate('2026-02-30'), false);
  });
});

describe('§6 "N months after D"', () => {
  test('is the same day of the month N months later', () => {
    assert.equal(addMonths('2026-02-10', 12), '2027-02-10');
    assert.equal(addMonths('2025-08-01', 3), '2025-11-01');
    assert.equal(addMonths('2025-11-15', 3), '2026-02-15');
    assert.equal(addMonths('2024-03-01', 36), '2027-03-01');
  });
  test('is that month\'s last day when it has no such day: 2026-01-31 + 1 month = 2026-02-28', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  });
  test('2024-01-31 + 1 month = 2024-02-29 in a leap year', () => {
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  });
  test('2025-08-31 + 3 months = 2025-11-30', () => {
    assert.equal(addMonths('2025-08-31', 3), '2025-11-30');
  });
  test('2024-02-29 + 12 months = 2025-02-28, + 48 months = 2028-02-29', () => {
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2024-02-29', 48), '2028-02-29');
  });
  test('crosses year ends', () => {
    assert.equal(addMonths('2026-12-31', 2), '2027-02-28');
    assert.equal(addMonths('2026-10-31', 3), '2027-01-31');
  });
  test('addDays crosses months and leap days', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });
  test('a reckoning past 9999-12-31 ends there: a five-digit year would compare before 2026 as a string', () => {
    assert.equal(addMonths('9999-10-01', 36), '9999-12-31');
    assert.equal(addMonths('9999-10-01', 2), '9999-12-01');
    assert.equal(addDays('9999-12-30', 1), '9999-12-31');
    assert.equal(addDays('9999-12-30', 5), '9999-12-31');
    assert.ok(addMonths('9999-10-01', 60) > '2026-12-07');
  });
  test('daysInMonth knows February', () => {
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2026, 2), 28);
    assert.equal(daysInMonth(2026, 4), 30);
  });
});

describe('China Standard Time', () => {
  test('todayInChina is the next day from 16:00 UTC: 2026-11-27T16:30Z → 2026-11-28', () => {
    assert.equal(todayInChina(new Date('2026-11-27T16:30:00Z')), '2026-11-28');
  });
  test('todayInChina is still the same day just before 16:00 UTC', () => {
    assert.equal(todayInChina(new Date('2026-11-27T15:59:59Z')), '2026-11-27');
    assert.equal(todayInChina(new Date('2026-11-27T16:00:00Z')), '2026-11-28');
  });
  test('todayInChina at UTC midnight is 08:00 the same day in China', () => {
    assert.equal(todayInChina(new Date('2026-11-28T00:00:00Z')), '2026-11-28');
  });
  test('chinaDateOf reads the export timestamp as a CST date', () => {
    assert.equal(chinaDateOf('2026-11-27T23:10:00+08:00'), '2026-11-27');
    assert.equal(chinaDateOf('2026-11-27T23:10:00Z'), '2026-11-28');
    assert.equal(chinaDateOf('not a time'), null);
  });
  test('formatChineseDate and yearOf', () => {
    assert.equal(formatChineseDate('2026-01-05'), '2026年1月5日');
    assert.equal(formatChineseMonth('2026-03'), '2026年3月');
    assert.equal(formatChineseMonth('2025-12'), '2025年12月');
    assert.equal(yearOf('2026-01-05'), 2026);
  });
});

describe('§7 the as-of date', () => {
  test('YYYY-MM-DD is the one form taken', () => {
    assert.deepEqual(parseAsOf('2026-11-28'), { ok: true, date: '2026-11-28' });
  });
  test('the looser cell forms and impossible dates are refused', () => {
    for (const raw of ['20261128', '2026/11/28', '2026年11月28日', '2026-2-3', '2026-02-30', ' 2026-11-28']) {
      assert.deepEqual(parseAsOf(raw), { ok: false, message: `不是 YYYY-MM-DD 格式的有效日期：${raw}` }, raw);
    }
  });
  test('none given is today in China Standard Time', () => {
    assert.deepEqual(parseAsOf(undefined, new Date('2026-11-27T16:30:00Z')), { ok: true, date: '2026-11-28' });
    assert.deepEqual(parseAsOf('', new Date('2026-11-27T15:30:00Z')), { ok: true, date: '2026-11-27' });
  });
});
