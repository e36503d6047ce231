/**
 * What a release changed against the release it replaces (`changes.json`), and the history
 * of such changes the /updates/ page lists. A release is compared by its digest
 * (`release.json`): one short content hash per published record and the reason of every
 * withheld one, so two releases are compared without keeping either export.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PublishedRecords } from '../pipeline/ingest.ts';
import type { BuildReport } from '../pipeline/report.ts';
import { WITHHELD_REASONS } from '../rules/decision.ts';
import { CONTRACT_FILES } from '../schemas/contract.ts';
import { PAGE_KINDS, type PageKind } from '../site/record-pages.ts';

const reasonCodes = Object.keys(WITHHELD_REASONS) as [keyof typeof WITHHELD_REASONS, ...(keyof typeof WITHHELD_REASONS)[]];
/** Why a record left the site: a withheld reason, `absent` when the export no longer has it, `rejected` when its row is invalid today. */
const withdrawnReason = z.enum([...reasonCodes, 'absent', 'rejected']);
export type WithdrawnReason = z.infer<typeof withdrawnReason>;
export const WITHDRAWN_REASON_LABELS: Record<WithdrawnReason, string> = { ...WITHHELD_REASONS, absent: '导出中已无此记录', rejected: '本次导出中该记录的数据有误，暂不公示' };
/** What the notice a record's address keeps says of it: 依法 only where a rule withheld it; a record gone from the export may have gone for any reason. */
export const stoppedPhrase = (reason: WithdrawnReason): string => (reason in WITHHELD_REASONS ? '已依法停止公示' : '已停止公示');

const kind = z.enum(PAGE_KINDS);
/** A dated export: the as-of date a release was built for and when the platform exported it. */
const releaseStamp = z.object({ as_of: z.string(), exported_at: z.string() });

export const releaseDigestSchema = releaseStamp.extend({
  /** Published rows of all files (the drop guard compares these). */
  published_rows: z.number().int().nonnegative(),
  /** `kind/id` → short content hash of the published record. */
  published: z.record(z.string(), z.string()),
  /** `kind/id` → why the record is withheld. */
  withheld: z.record(z.string(), withdrawnReason),
  /**
   * `cases/<earlier key>` → `cases/<slug>`: every redirect of the release, so that a renamed case
   * is a change, not a withdrawal and a new case: today's cases' redirect_from, and the earlier
   * releases' still leading to a case (carriedMoves). Absent from releases before it was kept.
   */
  moved: z.record(z.string(), z.string()).optional(),
  /**
   * `kind/id` of every record that had a page in an earlier release (published or withheld) and
   * that this export no longer has (goneKeys): its address keeps a notice, as links to it must
   * not break. Absent from releases before it was kept.
   */
  gone: z.array(z.string()).optional(),
  /** `kind/id` of the rows the export has but rejected (rejectedKeys). Absent from releases before it was kept. */
  rejected: z.array(z.string()).optional(),
});
export type ReleaseDigest = z.infer<typeof releaseDigestSchema>;

export const recordRef = z.object({ kind, id: z.string() });
export type RecordRef = z.infer<typeof recordRef>;

export const changesSchema = releaseStamp.extend({
  /** The release replaced, or null for the first one. */
  previous: releaseStamp.nullable(),
  published: z.array(recordRef),
  withdrawn: z.array(recordRef.extend({ reason: withdrawnReason })),
  /**
   * `renamed_from`: a case's URL key in the release replaced, when it has a new one (its old
   * address redirects); `merged_from`: the keys of cases of the release replaced merged into
   * this one (their addresses redirect here).
   */
  changed: z.array(recordRef.extend({ renamed_from: z.string().optional(), merged_from: z.array(z.string()).optional() })),
});
export type Changes = z.infer<typeof changesSchema>;

/** Newest first; only releases that changed something. */
export const historySchema = z.array(changesSchema);
export type History = z.infer<typeof historySchema>;

/** A year of daily releases is kept on /updates/. */
export const HISTORY_LIMIT = 366;

// base64url of 96 bits: letters around the digits, so no long digit run (which the
// personal-number scan would flag) comes out of a hash.
const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);

const keyOf = (kind: PageKind, id: string) => `${kind}/${id}`;

export function releaseDigest(records: PublishedRecords, report: BuildReport): ReleaseDigest {
  const published: Record<string, string> = {};
  const add = <T>(k: PageKind, items: readonly T[], id: (t: T) => string) => {
    for (const item of items) published[keyOf(k, id(item))] = hashOf(item);
  };
  add('subjects', records.subjects, (s) => s.creditCode);
  add('commitments', records.commitments, (c) => c.id);
  add('penalties', records.penalties, (p) => p.id);
  add('enforcement', records.enforcement, (e) => e.id);
  add('dishonest', records.dishonest, (d) => d.id);
  add('honors', records.honors, (h) => h.id);
  add('cases', records.cases, (c) => c.slug);
  const withheld: Record<string, WithdrawnReason> = {};
  for (const w of records.withheld) withheld[keyOf(w.kind, w.id)] = w.reason;
  const moved: Record<string, string> = {};
  for (const c of records.cases) for (const key of c.redirect_from) moved[keyOf('cases', key)] = keyOf('cases', c.slug);
  const published_rows = Object.values(report.files).reduce((n, t) => n + t.published, 0);
  return { as_of: report.as_of, exported_at: report.export.exported_at, published_rows, published: sortKeys(published), withheld: sortKeys(withheld), moved: sortKeys(moved), rejected: [...rejectedKeys(report)].sort() };
}

function sortKeys<V>(o: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A `kind/id` key as the record it names. */
export const recordRefOf = (key: string): RecordRef => {
  const slash = key.indexOf('/');
  return { kind: kind.parse(key.slice(0, slash)), id: key.slice(slash + 1) };
};

/** The changes of `next` against `previous` (undefined for the first release: nothing to compare). */
export function compareReleases(next: ReleaseDigest, previous: ReleaseDigest | undefined): Changes {
  const stamp = { as_of: next.as_of, exported_at: next.exported_at };
  if (!previous) return { ...stamp, previous: null, published: [], withdrawn: [], changed: [] };
  const published: RecordRef[] = [];
  const changed: Changes['changed'] = [];
  const withdrawn: Changes['withdrawn'] = [];
  // A published key of the release replaced that is gone now and redirects to a published one:
  // moved, not withdrawn. The new key, new itself, is a case renamed: a change that names its
  // earlier key (the first, when two merged). A key merged into a case it did not rename names
  // the case it went into: a change of that case.
  const renamed = new Map<string, string>();
  const merged = new Map<string, string[]>();
  const renamedFrom = new Set<string>();
  for (const [from, to] of Object.entries(next.moved ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!(from in previous.published) || from in next.published || !(to in next.published)) continue;
    renamedFrom.add(from);
    if (!(to in previous.published) && !renamed.has(to)) renamed.set(to, from);
    else merged.set(to, [...(merged.get(to) ?? []), recordRefOf(from).id]);
  }
  for (const [key, hash] of Object.entries(next.published)) {
    const before = previous.published[key];
    const from = renamed.get(key);
    const into = merged.get(key);
    const moves = { ...(from !== undefined ? { renamed_from: recordRefOf(from).id } : {}), ...(into ? { merged_from: into } : {}) };
    if (from !== undefined || into) changed.push({ ...recordRefOf(key), ...moves });
    else if (before === undefined) published.push(recordRefOf(key));
    else if (before !== hash) changed.push(recordRefOf(key));
  }
  const rejected = new Set(next.rejected);
  for (const key of Object.keys(previous.published)) {
    if (key in next.published || renamedFrom.has(key)) continue;
    withdrawn.push({ ...recordRefOf(key), reason: next.withheld[key] ?? (rejected.has(key) ? 'rejected' : 'absent') });
  }
  return { ...stamp, previous: { as_of: previous.as_of, exported_at: previous.exported_at }, published, withdrawn, changed };
}

/**
 * The redirects of `next` (ReleaseDigest.moved): its own, and each of `previous` that still leads
 * to a case, to the case's address today. A case renamed twice names only its last key in
 * redirect_from, and its first address must keep working. A key with a page of its own again, or
 * whose case is gone, is not carried (goneKeys gives it its notice).
 */
export function carriedMoves(next: ReleaseDigest, previous: ReleaseDigest | undefined): Record<string, string> {
  const today = next.moved ?? {};
  const moved = { ...today };
  for (const [from, to] of Object.entries(previous?.moved ?? {})) {
    if (from in moved || from in next.published || from in next.withheld) continue;
    // Every earlier target was a published case; today it is still one, or renamed (one step).
    const target = to in next.published ? to : today[to];
    if (target !== undefined && target in next.published) moved[from] = target;
  }
  return sortKeys(moved);
}

/** The records `next` has no row of that had a page in `previous` or in any release before it (ReleaseDigest.gone). */
export function goneKeys(next: ReleaseDigest, previous: ReleaseDigest | undefined): string[] {
  if (!previous) return [];
  const had = new Set([...(previous.gone ?? []), ...Object.keys(previous.published), ...Object.keys(previous.withheld), ...Object.keys(previous.moved ?? {})]);
  // A key this release publishes, withholds or redirects (a renamed case) still has its page.
  const here = new Set(pagedKeys(next));
  return [...had].filter((key) => !here.has(key)).sort();
}

/** The keys that have a page in a release: published, withheld (a notice), or redirected (a renamed case). */
const pagedKeys = (d: ReleaseDigest): string[] => [...Object.keys(d.published), ...Object.keys(d.withheld), ...Object.keys(d.moved ?? {})];

/**
 * The gone keys whose addresses get their notice in this release: not a row the export has but
 * rejects today (a plain 404, portal.md), nor a key another spelling of which has a page today
 * (on a host that ignores case the two are one address). Either stays in `gone`, for the day it
 * gets its notice again.
 */
export function goneNoticeKeys(d: ReleaseDigest): string[] {
  const rejected = new Set(d.rejected);
  const paged = new Set(pagedKeys(d).map((k) => k.toUpperCase()));
  return (d.gone ?? []).filter((key) => !rejected.has(key) && !paged.has(key.toUpperCase()));
}

/**
 * `kind/id` of the rows this export has but rejected (the report's errors): such a record is in
 * the export, and its address is a plain 404 until its row is valid again (portal.md), not a
 * notice that it is gone. Its key stays in ReleaseDigest.gone, for the day it is.
 */
function rejectedKeys(report: BuildReport): Set<string> {
  const kindOf = new Map<string, PageKind>(CONTRACT_FILES.map((f) => [f.definition.file, f.kind]));
  const keys = new Set<string>();
  for (const p of report.problems) {
    const kind = kindOf.get(p.file) ?? (p.file.startsWith('cases/') ? 'cases' : undefined);
    if (p.severity === 'error' && p.id && kind) keys.add(keyOf(kind, p.id));
  }
  return keys;
}

export const changeCount = (c: Changes) => c.published.length + c.withdrawn.length + c.changed.length;

/** The history after this release: its changes first when it changed anything. */
export function extendHistory(earlier: History, changes: Changes): History {
  return (changeCount(changes) > 0 ? [changes, ...earlier] : earlier).slice(0, HISTORY_LIMIT);
}
