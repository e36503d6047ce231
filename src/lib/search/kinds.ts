/** The kinds of searchable page (also bundled into the search page: no schema imports here). */

export const SEARCH_KINDS = [
  { key: 'commitments', label: '承诺' },
  { key: 'penalties', label: '行政处罚' },
  { key: 'enforcement', label: '被执行人' },
  { key: 'dishonest', label: '失信被执行人' },
  { key: 'honors', label: '表彰' },
  { key: 'cases', label: '案例' },
  { key: 'subjects', label: '主体' },
] as const;

export type SearchKind = (typeof SEARCH_KINDS)[number]['key'];

export const searchKindLabel = (key: string): string => SEARCH_KINDS.find((k) => k.key === key)?.label ?? key;

/** Status filter values are `<kind>:<status>`, since the same word means different things per kind. */
export const statusFilterValue = (kind: string, status: string): string => `${kind}:${status}`;
