/** What every governance figure is worked out from: the records published on the as-of date. */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { CivilDate } from '../dates/civil-date.ts';
import type { PublishedRecords } from '../pipeline/ingest.ts';

export type GovernanceRecords = Pick<PublishedRecords, 'subjects' | 'penalties' | 'enforcement' | 'dishonest'>;

export interface GovernanceContext {
  asOf: CivilDate;
  calendar: WorkingCalendar;
  /** The configured regions, in their configured order. */
  regions: readonly string[];
}

/** Calendar days from `from` to `to`. */
export const daysBetween = (from: CivilDate, to: CivilDate) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);
