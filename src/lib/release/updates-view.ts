/**
 * What the /updates/ page shows for each release in the history: the three lists with a
 * label per record and a link only where the record has a page in this build (a record
 * withdrawn since, and no longer in the export, has none).
 */
import { chinaDateOf } from '../dates/civil-date.ts';
import type { PublishedRecords } from '../pipeline/ingest.ts';
import { PAGE_KIND_LABELS, pageUrl, recordPages, type PageKind } from '../site/record-pages.ts';
import { WITHDRAWN_REASON_LABELS, type Changes, type RecordRef } from './changes.ts';

/** A long list (an export that drops thousands of rows) is cut on the page; the JSON has it whole. */
export const LIST_LIMIT = 200;

export interface UpdateItem {
  label: string;
  href?: string;
  note?: string;
}
export interface UpdateList {
  title: string;
  total: number;
  items: UpdateItem[];
}
export interface UpdateEntry {
  asOf: string;
  /** The China date of the platform's export, when its timestamp reads. */
  exportedOn?: string;
  previousAsOf?: string;
  lists: UpdateList[];
}

const pageKey = (kind: PageKind, id: string) => `${kind}/${id}`;

/** What a change says of the addresses it moved: a case renamed, cases merged into it. */
function movedNote({ kind, renamed_from, merged_from }: Changes['changed'][number]): string | undefined {
  const notes = [
    ...(renamed_from === undefined ? [] : [`网址已更改，原网址 ${pageUrl(kind, renamed_from)} 继续有效`]),
    ...(merged_from ? [`并入了原网址为 ${merged_from.map((id) => pageUrl(kind, id)).join('、')} 的案例，原网址转到此页`] : []),
  ];
  return notes.length ? notes.join('；') : undefined;
}

/** The history as the page shows it; `records` and `gone`: this build's, whose pages may be linked. */
export function updateEntries(history: readonly Changes[], records: PublishedRecords, gone: readonly RecordRef[]): UpdateEntry[] {
  const pages = new Set(recordPages(records, gone).map((p) => pageKey(p.kind, p.id)));
  // An agency and a case by name, where this build has it: an id alone tells a reader little.
  const names = new Map<string, string>([
    ...records.subjects.map((s) => [pageKey('subjects', s.creditCode), `${s.name}（${s.creditCode}）`] as const),
    ...records.cases.map((c) => [pageKey('cases', c.slug), c.title] as const),
  ]);
  const item = (r: RecordRef, note?: string): UpdateItem => ({
    label: `${PAGE_KIND_LABELS[r.kind]} ${names.get(pageKey(r.kind, r.id)) ?? r.id}`,
    ...(pages.has(pageKey(r.kind, r.id)) ? { href: pageUrl(r.kind, r.id) } : {}),
    ...(note ? { note } : {}),
  });
  const list = (title: string, items: UpdateItem[]): UpdateList => ({ title, total: items.length, items: items.slice(0, LIST_LIMIT) });
  return history.map((c) => ({
    asOf: c.as_of,
    ...(chinaDateOf(c.exported_at) ? { exportedOn: chinaDateOf(c.exported_at)! } : {}),
    ...(c.previous ? { previousAsOf: c.previous.as_of } : {}),
    lists: [
      list('新公示', c.published.map((r) => item(r))),
      list('停止公示', c.withdrawn.map((r) => item(r, WITHDRAWN_REASON_LABELS[r.reason]))),
      list('内容有更新', c.changed.map((r) => item(r, movedNote(r)))),
    ].filter((l) => l.total > 0),
  }));
}
