/**
 * Indexes the published collections once per build: records sorted newest first, and
 * every record filed under its subject's 统一社会信用代码, so that a page looks things up
 * in a Map instead of scanning whole collections (the site must build 100,000 records).
 */
import type { Manifest } from '../export/manifest.ts';
import type { PublishedRecords } from '../pipeline/ingest.ts';
import type { Subject } from '../schemas/subject.ts';

/** The export itself, for the 示例数据 notice and "data as of" lines. */
export interface ExportInfo {
  platform: string;
  exportedAt: string;
  asOf: string;
  sample: boolean;
}

export const exportInfoOf = (manifest: Manifest, asOf: string): ExportInfo => ({
  platform: manifest.platform,
  exportedAt: manifest.exported_at,
  asOf,
  sample: manifest.sample ?? false,
});

export interface SiteRecords extends PublishedRecords {
  exportInfo: ExportInfo;
}

/** One subject's published records (its cases are those naming it). */
export interface SubjectRecords extends Omit<PublishedRecords, 'subjects' | 'withheld'> {
  /** Published subjects whose 上级主管部门 is this one. */
  children: Subject[];
}

export interface SiteIndex extends SiteRecords {
  subjectsByCode: Map<string, Subject>;
  byCode: Map<string, SubjectRecords>;
}

/** Newest first by a date field, ties broken by id descending so the order is stable. */
export function newestFirst<T>(items: readonly T[], dateOf: (item: T) => string, idOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const d = dateOf(b).localeCompare(dateOf(a));
    if (d !== 0) return d;
    const ia = idOf(a);
    const ib = idOf(b);
    return ia < ib ? 1 : ia > ib ? -1 : 0;
  });
}

/** Subjects by configured region order, then category, then name. */
function subjectOrder(regions: readonly string[]): (a: Subject, b: Subject) => number {
  const rank = (r: string) => {
    const i = regions.indexOf(r);
    return i < 0 ? regions.length : i;
  };
  return (a, b) => rank(a.region) - rank(b.region) || a.name.localeCompare(b.name, 'zh-CN') || a.creditCode.localeCompare(b.creditCode);
}

const emptyRecords = (): SubjectRecords => ({ commitments: [], penalties: [], enforcement: [], dishonest: [], honors: [], cases: [], children: [] });

export function indexRecords(records: SiteRecords, regions: readonly string[]): SiteIndex {
  const subjects = [...records.subjects].sort(subjectOrder(regions));
  const subjectsByCode = new Map(subjects.map((s) => [s.creditCode, s]));
  const byCode = new Map<string, SubjectRecords>(subjects.map((s) => [s.creditCode, emptyRecords()]));
  const of = (code: string) => {
    let r = byCode.get(code);
    if (!r) byCode.set(code, (r = emptyRecords()));
    return r;
  };
  const commitments = newestFirst(records.commitments, (c) => c.madeOn, (c) => c.id);
  const penalties = newestFirst(records.penalties, (p) => p.decidedOn, (p) => p.id);
  const enforcement = newestFirst(records.enforcement, (e) => e.filedOn, (e) => e.id);
  const dishonest = newestFirst(records.dishonest, (d) => d.listedOn, (d) => d.id);
  const honors = newestFirst(records.honors, (h) => h.grantedOn, (h) => h.id);
  const cases = newestFirst(records.cases, (c) => c.date, (c) => c.slug);
  for (const c of commitments) of(c.creditCode).commitments.push(c);
  for (const p of penalties) of(p.creditCode).penalties.push(p);
  for (const e of enforcement) of(e.creditCode).enforcement.push(e);
  for (const d of dishonest) of(d.creditCode).dishonest.push(d);
  for (const h of honors) of(h.creditCode).honors.push(h);
  for (const c of cases) for (const code of new Set(c.subjects)) of(code).cases.push(c);
  for (const s of subjects) if (s.parentCode && subjectsByCode.has(s.parentCode)) of(s.parentCode).children.push(s);
  return { ...records, subjects, commitments, penalties, enforcement, dishonest, honors, cases, subjectsByCode, byCode };
}
