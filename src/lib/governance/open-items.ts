/**
 * Open items per region and per agency: active dishonest listings, unperformed enforcement
 * cases and penalties past their minimum period, with the age of the oldest. An item's age
 * counts calendar days from the day it became open: 发布时间, 立案日期, or the end of the
 * penalty's minimum period (the day repair could first be applied for).
 */
import { isUnperformed } from '../rules/court-lists.ts';
import type { CivilDate } from '../dates/civil-date.ts';
import { activeListings, penaltiesPastMinimum } from './metrics.ts';
import { daysBetween, type GovernanceContext, type GovernanceRecords } from './inputs.ts';

export interface OpenItem {
  kind: 'dishonest' | 'enforcement' | 'penalties';
  id: string;
  creditCode: string;
  since: CivilDate;
}

export interface OpenTally {
  dishonest: number;
  enforcement: number;
  penalties: number;
  total: number;
  /** The oldest open item, with its age in days on the as-of date. */
  oldest?: { kind: OpenItem['kind']; id: string; since: CivilDate; days: number };
}

function openItems(r: GovernanceRecords, asOf: CivilDate): OpenItem[] {
  return [
    ...activeListings(r, asOf).map((d) => ({ kind: 'dishonest' as const, id: d.id, creditCode: d.creditCode, since: d.listedOn })),
    ...r.enforcement.filter(isUnperformed).map((e) => ({ kind: 'enforcement' as const, id: e.id, creditCode: e.creditCode, since: e.filedOn })),
    ...penaltiesPastMinimum(r, asOf).map((p) => ({ kind: 'penalties' as const, id: p.id, creditCode: p.creditCode, since: p.disclosure.minimumEnd! })),
  ];
}

function tally(items: readonly OpenItem[], asOf: CivilDate): OpenTally {
  const t: OpenTally = { dishonest: 0, enforcement: 0, penalties: 0, total: items.length };
  for (const item of items) {
    t[item.kind]++;
    // Oldest first; a tie goes to the smaller id so the table is the same every build.
    if (!t.oldest || item.since < t.oldest.since || (item.since === t.oldest.since && item.id < t.oldest.id)) {
      t.oldest = { kind: item.kind, id: item.id, since: item.since, days: daysBetween(item.since, asOf) };
    }
  }
  return t;
}

export interface RegionOpen extends OpenTally {
  region: string;
}
export interface AgencyOpen extends OpenTally {
  creditCode: string;
  name: string;
  region: string;
}

/** Every configured region, in configured order, zero rows included. */
export function openByRegion(r: GovernanceRecords, { asOf, regions }: Pick<GovernanceContext, 'asOf' | 'regions'>): RegionOpen[] {
  const regionOf = new Map(r.subjects.map((s) => [s.creditCode, s.region]));
  const items = openItems(r, asOf);
  return regions.map((region) => ({ region, ...tally(items.filter((i) => regionOf.get(i.creditCode) === region), asOf) }));
}

/** Agencies with at least one open item: most items first, then the oldest, then the code. */
export function openByAgency(r: GovernanceRecords, { asOf }: Pick<GovernanceContext, 'asOf'>): AgencyOpen[] {
  const subjects = new Map(r.subjects.map((s) => [s.creditCode, s]));
  const byCode = new Map<string, OpenItem[]>();
  for (const item of openItems(r, asOf)) {
    let list = byCode.get(item.creditCode);
    if (!list) byCode.set(item.creditCode, (list = []));
    list.push(item);
  }
  return [...byCode]
    .map(([code, items]) => ({ creditCode: code, name: subjects.get(code)?.name ?? code, region: subjects.get(code)?.region ?? '', ...tally(items, asOf) }))
    .sort((a, b) => b.total - a.total || a.oldest!.since.localeCompare(b.oldest!.since) || a.creditCode.localeCompare(b.creditCode));
}
