/**
 * The kinds of searchable page, with the site's own names for them (the record kinds' labels
 * are the site's, src/lib/site/kinds.ts). Also bundled into the search page: no schema values here.
 */
import { KIND_LABELS } from '../site/kinds.ts';

export const SEARCH_KINDS = [
  { key: 'commitments', label: KIND_LABELS.commitments },
  { key: 'penalties', label: KIND_LABELS.penalties },
  { key: 'enforcement', label: KIND_LABELS.enforcement },
  { key: 'dishonest', label: KIND_LABELS.dishonest },
  { key: 'honors', label: KIND_LABELS.honors },
  { key: 'cases', label: '诚信典型案例' },
  { key: 'subjects', label: '信用画像' },
] as const;

/** The kind of the subject profiles (信用画像): shown first when sorting by relevance, last by date. */
export const PROFILE_KIND = 'subjects';

export type SearchKind = (typeof SEARCH_KINDS)[number]['key'];

export const searchKindLabel = (key: string): string => SEARCH_KINDS.find((k) => k.key === key)?.label ?? key;

/** Status filter values are `<kind>:<status>`, since the same word means different things per kind. */
export const statusFilterValue = (kind: string, status: string): string => `${kind}:${status}`;
