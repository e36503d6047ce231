/** The record kinds that have pages, with their URL prefix and Chinese names. */
import type { RecordKind } from '../schemas/contract.ts';

export const KIND_LABELS: Record<RecordKind, string> = {
  commitments: '信用承诺',
  penalties: '行政处罚',
  enforcement: '被执行人案件',
  dishonest: '失信被执行人',
  honors: '表彰奖励',
};

/** The kinds whose pages are records of a contract file (KIND_LABELS' order). */
export const RECORD_KINDS = Object.keys(KIND_LABELS) as RecordKind[];

export const recordUrl = (kind: RecordKind | 'cases', id: string): string => `/${kind}/${id}/`;
export const subjectUrl = (creditCode: string): string => `/subjects/${creditCode}/`;
/** An attachment's address: each part of its path percent-encoded, so that a name with a space, `#`, `?` or `%` links to its file. */
export const attachmentUrl = (key: string): string => `/attachments/${key.split('/').map(encodeURIComponent).join('/')}`;

/** The folders whose `/<folder>/<one segment>/` is a page of one record, subject or case (recordUrl, subjectUrl). */
const PAGE_OF_ONE = new Set<string>([...RECORD_KINDS, 'subjects', 'cases']);
/** A page of one record, subject or case; `unslashed`: linked without the `/` its folder needs (`/penalties/X`), which the build's link check refuses. */
export type PageOfOne = { kind: RecordKind | 'subjects' | 'cases'; id: string; unslashed?: true };

/**
 * The record, subject or case whose page a link of the page at `from` (a path of the site) leads
 * to, if it leads to one; resolved as a browser does (relative paths, dot segments, a backslash,
 * percent-encoding), and only on this site's host (`siteUrl`). `/<folder>/<id>/` and its
 * `index.html` are the page; `/<folder>/<id>` without the `/` is noted (`unslashed`) when `<id>`
 * could be an id, and left alone when it has a dot, as a file of the folder (`/cases/index.html`)
 * does: no id, slug or code has one. Any other link: undefined.
 */
export function pageOfOneLinked(href: string, from: string, siteUrl: string): PageOfOne | undefined {
  let url: URL;
  let segments: string[];
  try {
    const site = new URL(siteUrl);
    url = new URL(href, new URL(from, site));
    // By host, as the build's link check (safety/file-checks.ts) tells an internal link.
    if (url.host !== site.host) return undefined;
    segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined; // not a URL of this site a page can be at
  }
  const [folder, id, ...rest] = segments;
  if (!folder || !id || !PAGE_OF_ONE.has(folder)) return undefined;
  const kind = folder as PageOfOne['kind'];
  if (rest.length === 1 && (rest[0] === '' || rest[0] === 'index.html')) return { kind, id };
  if (rest.length === 0 && !id.includes('.')) return { kind, id, unslashed: true };
  return undefined;
}

/** The address of the page of one record, subject or case (recordUrl, subjectUrl). */
export const pageOfOneUrl = ({ kind, id }: PageOfOne): string => (kind === 'subjects' ? subjectUrl(id) : recordUrl(kind, id));
