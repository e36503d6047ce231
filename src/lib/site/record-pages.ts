/**
 * Every record page a build has: one per published subject, record and case, one per
 * withheld record, and one per record, profile or case of an earlier release that the export no
 * longer has (their URLs kept, showing only the notice: links to them must never break). The safety checks expect each of them; /updates/
 * links a record only when it has one.
 */
import type { PublishedRecords } from '../pipeline/ingest.ts';
import type { RecordRef, WithdrawnReason } from '../release/changes.ts';
import { KIND_LABELS, RECORD_KINDS, recordUrl, subjectUrl } from './kinds.ts';

/** Everything that has a page of its own. */
export const PAGE_KINDS = ['subjects', 'commitments', 'penalties', 'enforcement', 'dishonest', 'honors', 'cases'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export const PAGE_KIND_LABELS: Record<PageKind, string> = { subjects: '信用画像', ...KIND_LABELS, cases: '诚信典型案例' };

export interface RecordPage {
  kind: PageKind;
  id: string;
  url: string;
  /** Set for a withheld or gone record: its page shows only this reason. */
  withheld?: WithdrawnReason;
}

export const pageUrl = (kind: PageKind, id: string) => (kind === 'subjects' ? subjectUrl(id) : recordUrl(kind, id));

export function recordPages(records: PublishedRecords, gone: readonly RecordRef[]): RecordPage[] {
  const page = (kind: PageKind, id: string): RecordPage => ({ kind, id, url: pageUrl(kind, id) });
  return [
    ...records.subjects.map((s) => page('subjects', s.creditCode)),
    ...RECORD_KINDS.flatMap((k) => records[k].map((r) => page(k, r.id))),
    ...records.cases.map((c) => page('cases', c.slug)),
    ...records.withheld.map((w) => ({ ...page(w.kind, w.id), withheld: w.reason })),
    ...gone.map((g) => ({ ...page(g.kind, g.id), withheld: 'absent' as const })),
  ];
}
