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
  /** Reported on or before the deadline. */
  | { state: 'on-time'; due: CivilDate; reportedOn: CivilDate }
  /** Reported after the deadline, or not reported and the deadline has passed; lateBy counts to the report or the as-of date. */
  | { state: 'late'; due: CivilDate; reportedOn?: CivilDate; lateBy: Reckoned<number> }
  /** Not reported yet, and the deadline is still to come. */
  | { state: 'pending'; due: CivilDate }
  /** The deadline falls in a year no calendar covers. */
  | { state: 'unknown'; missingYear: number; reportedOn?: CivilDate };

/** The reporting deadline of a case or listing that started on `start` (立案日期 / 发布时间). */
export function noticeDeadline(start: CivilDate, reportedOn: CivilDate | undefined, asOf: CivilDate, calendar: WorkingCalendar): NoticeDeadline {
  const due = calendar.addWorkingDays(start, NOTICE_WORKING_DAYS);
  const reported = reportedOn ? { reportedOn } : {};
  if (!due.ok) return { state: 'unknown', missingYear: due.missingYear, ...reported };
  if (reportedOn) return reportedOn <= due.value ? { state: 'on-time', due: due.value, reportedOn } : { state: 'late', due: due.value, reportedOn, lateBy: calendar.workingDaysBetween(due.value, reportedOn) };
  return asOf <= due.value ? { state: 'pending', due: due.value } : { state: 'late', due: due.value, lateBy: calendar.workingDaysBetween(due.value, asOf) };
}
