/** How long an unrepaired penalty has been past its minimum period, in working days. */
import type { Reckoned, WorkingCalendar } from '../calendar/working-days.ts';
import type { CivilDate } from '../dates/civil-date.ts';
import { hasEnded } from '../rules/decision.ts';

/** Working days after the minimum period's end (the first day repair could be applied for) up to the as-of date. */
export function repairWait(minimumEnd: CivilDate | undefined, asOf: CivilDate, calendar: WorkingCalendar): Reckoned<number> | undefined {
  if (!minimumEnd || !hasEnded(minimumEnd, asOf)) return undefined;
  return calendar.workingDaysBetween(minimumEnd, asOf);
}
