/**
 * The city notice on deepening the governance of government dishonesty (政务失信治理):
 * an enforcement case against an agency is reported within 7 working days of 立案, a
 * dishonest listing within 7 working days of 发布, and an agency whose penalty has passed
 * its minimum period is reminded within 7 working days. Working days come from the
 * calendar; a deadline that needs a year no calendar covers is not worked out.
 */
import type { CivilDate } from '../dates/civil-date.ts';
import type { Reckoned, WorkingCalendar } from '../calendar/working-days.ts';

const NOTICE_WORKING_DAYS = 7;

export type NoticeDeadline =
  /** Reported within 7 working days (`due`: the 7th working day, when the calendar covers it). */
  | { state: 'on-time'; due: Reckoned<CivilDate>; reportedOn: CivilDate }
  /** Reported more than 7 working days after the start, or not reported and more than 7 have passed (`due` as above); lateBy: the working days beyond the 7th, to the report or the as-of date. */
  | { state: 'late'; due: Reckoned<CivilDate>; reportedOn?: CivilDate; lateBy: Reckoned<number> }
  /** Not reported yet, and at most 7 working days have passed. */
  | { state: 'pending'; due: Reckoned<CivilDate> }
  /** Whether it was late needs a year no calendar covers. */
  | { state: 'unknown'; missingYear: number; reportedOn?: CivilDate };

/**
 * The reporting deadline of a case or listing that started on `start` (立案日期 / 发布时间).
 * Late is more than 7 working days from the start to the report (or, unreported, to the as-of
 * date), counted as the notice says: a report on the weekend or holiday right after the 7th
 * working day is on time. A count that runs into a year no calendar covers still decides when
 * the covered days alone pass 7 (late), or when even every uncovered day worked would not (on
 * time / pending); only in between is the answer not known.
 */
export function noticeDeadline(start: CivilDate, reportedOn: CivilDate | undefined, asOf: CivilDate, calendar: WorkingCalendar): NoticeDeadline {
  const due = calendar.addWorkingDays(start, NOTICE_WORKING_DAYS);
  const reported = reportedOn ? { reportedOn } : {};
  const elapsed = calendar.workingDaysBetween(start, reportedOn ?? asOf);
  const inTime: NoticeDeadline = reportedOn ? { state: 'on-time', due, reportedOn } : { state: 'pending', due };
  if (elapsed.ok) return elapsed.value > NOTICE_WORKING_DAYS ? { state: 'late', due, ...reported, lateBy: { ok: true, value: elapsed.value - NOTICE_WORKING_DAYS } } : inTime;
  if (elapsed.atLeast > NOTICE_WORKING_DAYS) return { state: 'late', due, ...reported, lateBy: { ok: false, missingYear: elapsed.missingYear } };
  if (elapsed.atMost <= NOTICE_WORKING_DAYS) return inTime;
  return { state: 'unknown', missingYear: elapsed.missingYear, ...reported };
}
