/** The record kinds that have pages, with their URL prefix and Chinese names. */
import type { RecordKind } from '../schemas/contract.ts';

export const KIND_LABELS: Record<RecordKind, string> = {
  commitments: '信用承诺',
  penalties: '行政处罚',
  enforcement: '被执行人案件',
  dishonest: '失信被执行人',
  honors: '表彰奖励',
};

export const recordUrl = (kind: RecordKind | 'cases', id: string): string => `/${kind}/${id}/`;
export const subjectUrl = (creditCode: string): string => `/subjects/${creditCode}/`;

/** The folders whose `/<folder>/<one segment>/` is a page of one record, subject or case (recordUrl, subjectUrl). */
const PAGE_OF_ONE = new Set<string>([...Object.keys(KIND_LABELS), 'subjects', 'cases']);
export type PageOfOne = { kind: RecordKind | 'subjects' | 'cases'; id: string };

/**
 * The record, subject or case whose page a link of the page at `from` (a path of the site) leads
 * to, if it leads to one; resolved as a browser does (relative paths, dot segments, a backslash,
 * percent-encoding), and only on this site's host (`siteUrl`). Any other link: undefined.
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
  if (!folder || !id || !PAGE_OF_ONE.has(folder) || rest.some((s) => s !== '') || rest.length > 1) return undefined;
  return { kind: folder as PageOfOne['kind'], id };
}
/** An attachment's address: each part of its path percent-encoded, so that a name with a space, `#`, `?` or `%` links to its file. */
export const attachmentUrl = (key: string): string => `/attachments/${key.split('/').map(encodeURIComponent).join('/')}`;
