/**
 * Every record page a build has: one per published subject, record and case, and one per
 * withheld record (its URL kept, showing only the notice). The safety checks expect each
 * of them; /updates/ links a record only when it has one.
 */
import type { PublishedRecords } from '../pipeline/ingest.ts';
import type { WithheldReason } from '../rules/decision.ts';
import { recordUrl, subjectUrl } from './kinds.ts';

/** Everything that has a page of its own. */
export const PAGE_KINDS = ['subjects', 'commitments', 'penalties', 'enforcement', 'dishonest', 'honors', 'cases'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface RecordPage {
  kind: PageKind;
  id: string;
  url: string;
  /** Set for a withheld record: its page shows only this reason. */
  withheld?: WithheldReason;
}

export const pageUrl = (kind: PageKind, id: string) => (kind === 'subjects' ? subjectUrl(id) : recordUrl(kind, id));

export function recordPages(records: PublishedRecords): RecordPage[] {
  const page = (kind: PageKind, id: string): RecordPage => ({ kind, id, url: pageUrl(kind, id) });
  return [
    ...records.subjects.map((s) => page('subjects', s.creditCode)),
    ...(['commitments', 'penalties', 'enforcement', 'dishonest', 'honors'] as const).flatMap((k) => records[k].map((r) => page(k, r.id))),
    ...records.cases.map((c) => page('cases', c.slug)),
    ...records.withheld.map((w) => ({ ...page(w.kind, w.id), withheld: w.reason })),
  ];
}
