/**
 * What every governance figure is worked out from: the records published on the as-of
 * date (the headline figures and open items), and the governance history of every valid
 * case and listing, withheld ones included (the month-by-month trends).
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { CivilDate } from '../dates/civil-date.ts';
import type { PublishedRecords } from '../pipeline/ingest.ts';
import type { GovernanceHistory } from './history.ts';

export type GovernanceRecords = Pick<PublishedRecords, 'subjects' | 'penalties' | 'enforcement' | 'dishonest'> & { history: GovernanceHistory };

export interface GovernanceContext {
  asOf: CivilDate;
  calendar: WorkingCalendar;
  /** The configured regions, in their configured order. */
  regions: readonly string[];
}

/** Calendar days from `from` to `to`. */
export const daysBetween = (from: CivilDate, to: CivilDate) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);
