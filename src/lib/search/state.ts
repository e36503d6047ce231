/**
 * What a search is, as the address says it (?q=&kind=&region=&year=&status=&sort=), so the
 * home page form and shared links work; and whether a page's facts pass its filters.
 */
import { statusFilterValue } from './kinds.ts';

export const FILTERS = ['kind', 'region', 'year', 'status'] as const;
export type FilterKey = (typeof FILTERS)[number];

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: 'relevance' | 'date';
}

/** Reads a state from name/value pairs (the address, or the form's data). */
export function readState(get: (name: string) => string | null): SearchState {
  const filters: SearchState['filters'] = {};
  for (const f of FILTERS) {
    const v = get(f);
    if (v) filters[f] = v;
  }
  return { q: (get('q') ?? '').trim(), filters, sort: get('sort') === 'date' ? 'date' : 'relevance' };
}

export function stateFromUrl(search: string): SearchState {
  const p = new URLSearchParams(search);
  return readState((name) => p.get(name));
}

export function stateToQuery(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of FILTERS) if (s.filters[f]) p.set(f, s.filters[f]!);
  if (s.sort === 'date') p.set('sort', 'date');
  const str = p.toString();
  return str ? `?${str}` : '';
}

/** A page's filter values, as the index stores them (year of its date, status per kind). */
function filterValues(page: { kind: string; region: string; date: string; status: string }): Record<FilterKey, string> {
  return { kind: page.kind, region: page.region, year: page.date.slice(0, 4), status: page.status ? statusFilterValue(page.kind, page.status) : '' };
}

/** Whether a page passes every filter of the state. */
export function passesFilters(page: { kind: string; region: string; date: string; status: string }, s: SearchState): boolean {
  const v = filterValues(page);
  return FILTERS.every((f) => !s.filters[f] || v[f] === s.filters[f]);
}
