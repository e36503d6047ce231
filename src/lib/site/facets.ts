/**
 * Static browsing without JavaScript: every value of a facet gets its own paginated list
 * at `<base><facet>/<value>/`. Values are the contract's own Chinese words.
 */
import type { PublishedCommitment } from '../pipeline/ingest.ts';
import type { ModelCase } from '../pipeline/ingest.ts';
import type { Subject } from '../schemas/subject.ts';
import { COMMITMENT_TYPES, COMMITTER_CATEGORIES, FULFILMENT_STATUSES } from '../schemas/commitment.ts';
import { CASE_CATEGORIES } from '../schemas/case.ts';
import { yearOf } from '../dates/civil-date.ts';

export interface Facet<T> {
  /** URL segment */
  key: string;
  /** Chinese label shown to readers */
  label: string;
  valueOf: (item: T) => string | undefined;
  /** Display order of values; values not listed follow, sorted. */
  order?: readonly string[];
  /** Sort values descending (years: newest first). */
  descending?: boolean;
}

export interface FacetGroup<T> {
  value: string;
  items: T[];
}

/** Groups (already sorted) items by a facet, keeping their order within each group. */
export function groupBy<T>(items: readonly T[], facet: Facet<T>): FacetGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const value = facet.valueOf(item);
    if (value === undefined || value === '') continue;
    let list = groups.get(value);
    if (!list) groups.set(value, (list = []));
    list.push(item);
  }
  const order = facet.order ?? [];
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (facet.descending ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')))
    .map(([value, list]) => ({ value, items: list }));
}

export function facetUrl(base: string, facet: { key: string }, value: string): string {
  return `${base}${facet.key}/${encodeURIComponent(value)}/`;
}

export function commitmentFacets(subjects: ReadonlyMap<string, Subject>, regions: readonly string[]): Facet<PublishedCommitment>[] {
  return [
    { key: 'region', label: '所属区域', valueOf: (c) => subjects.get(c.creditCode)?.region, order: regions },
    { key: 'category', label: '承诺主体类别', valueOf: (c) => c.committerCategory, order: COMMITTER_CATEGORIES },
    { key: 'type', label: '承诺类型', valueOf: (c) => c.type, order: COMMITMENT_TYPES },
    { key: 'status', label: '履行状态', valueOf: (c) => c.status, order: FULFILMENT_STATUSES },
    { key: 'year', label: '作出年份', valueOf: (c) => String(yearOf(c.madeOn)), descending: true },
  ];
}

export function caseFacets(regions: readonly string[]): Facet<ModelCase>[] {
  return [
    { key: 'category', label: '案例类别', valueOf: (c) => c.category, order: CASE_CATEGORIES },
    { key: 'region', label: '所属区域', valueOf: (c) => c.region, order: regions },
  ];
}
