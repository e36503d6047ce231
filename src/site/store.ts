/**
 * The published records, indexed once per build process (module-level cache): every page
 * asks this store, never the pipeline or a collection directly.
 */
import { join } from 'node:path';
import portal from '../../portal.config.ts';
import type { ModelCase, PublishedCommitment } from '../lib/pipeline/ingest.ts';
import type { WithdrawnReason } from '../lib/release/changes.ts';
import { buildUpdates } from '../lib/release/updates.ts';
import type { RecordKind } from '../lib/schemas/contract.ts';
import type { Subject } from '../lib/schemas/subject.ts';
import { caseFacets, commitmentFacets, facetUrl, groupBy, type Facet } from '../lib/site/facets.ts';
import { subjectUrl } from '../lib/site/kinds.ts';
import type { PageKind } from '../lib/site/record-pages.ts';
import { commitmentListItem, type CommitmentListItem } from '../lib/site/list-item.ts';
import { laterPages, pageCount, pageOf, type Page } from '../lib/site/paginate.ts';
import { subjectProfile, type SubjectProfile } from '../lib/site/profile.ts';
import { exportInfoOf, indexRecords, type SiteIndex } from '../lib/site/records.ts';
import { decidedExport } from './decided.ts';
import { pathsToRender } from './reuse.ts';
import { searchable } from './search-order.ts';
import { PROFILE_KIND } from '../lib/search/kinds.ts';
import { buildCalendar } from '../lib/calendar/calendar-files.ts';
import { governanceSummary, type GovernanceSummary } from '../lib/governance/summary.ts';
import { openFileIndex, type OpenDataInput, type OpenFileInfo } from '../lib/open-data/files.ts';
import { buildOutDir } from '../lib/pipeline/build-env.ts';

let cached: Promise<SiteIndex> | undefined;

async function load(): Promise<SiteIndex> {
  const { subjects, commitments, penalties, enforcement, dishonest, honors, cases, withheld, manifest, report } = await decidedExport();
  return indexRecords({ subjects, commitments, penalties, enforcement, dishonest, honors, cases, withheld, exportInfo: exportInfoOf(manifest, report.as_of) }, portal.regions);
}

export function site(): Promise<SiteIndex> {
  cached ??= load();
  return cached;
}

export interface Browse<T> {
  base: string;
  facets: { key: string; label: string; values: { value: string; count: number }[] }[];
  /** facet key → value → items (in list order) */
  groups: Map<string, Map<string, T[]>>;
}

function browse<T>(base: string, items: readonly T[], facets: Facet<T>[]): Browse<T> {
  const groups = new Map<string, Map<string, T[]>>();
  const summary = facets.map((f) => {
    const grouped = groupBy(items, f);
    groups.set(f.key, new Map(grouped.map((g) => [g.value, g.items])));
    return { key: f.key, label: f.label, values: grouped.map((g) => ({ value: g.value, count: g.items.length })) };
  });
  return { base, facets: summary, groups };
}

let commitmentsCache: Promise<Browse<PublishedCommitment>> | undefined;
let casesCache: Promise<Browse<ModelCase>> | undefined;

/** The commitments column's facets, grouped once per build. */
export function commitmentBrowse(): Promise<Browse<PublishedCommitment>> {
  commitmentsCache ??= site().then((s) => browse('/commitments/', s.commitments, commitmentFacets(s.subjectsByCode, portal.regions)));
  return commitmentsCache;
}

export function caseBrowse(): Promise<Browse<ModelCase>> {
  casesCache ??= site().then((s) => browse('/cases/', s.cases, caseFacets(portal.regions)));
  return casesCache;
}

/** A page that keeps its address with a notice only: a record withheld by a rule, or a record, profile or case gone from the export since an earlier release. */
type Notice = { id: string; reason: WithdrawnReason };
let noticeCache: Promise<Map<string, Notice[]>> | undefined;

/** Withheld and gone pages of a kind: they keep the URL but show only the reason. */
export async function noticesOf(kind: PageKind): Promise<Notice[]> {
  noticeCache ??= site().then((s) => {
    const byKind = new Map<string, Notice[]>();
    const gone = (buildUpdates()?.gone ?? []).map((g) => ({ ...g, reason: 'absent' as const }));
    for (const w of [...s.withheld, ...gone]) {
      let list = byKind.get(w.kind);
      if (!list) byKind.set(w.kind, (list = []));
      list.push({ id: w.id, reason: w.reason });
    }
    return byKind;
  });
  return (await noticeCache).get(kind) ?? [];
}

/**
 * What a record page gets, and all it renders besides the layout's site-wide context: the page
 * digest (src/lib/release/page-reuse.ts) is taken over these props, so a record page reads
 * nothing else (what it needs of the store or the as-of date comes in here).
 */
export interface RecordPageProps<K extends RecordKind, Dated = undefined> {
  record?: SiteIndex[K][number];
  withheld?: WithdrawnReason;
  /** The record's subject when it is published: its name, region and profile link show on the page. */
  subject?: Subject;
  /** What the page works out from the as-of date and the working-day calendar (a deadline, a repair wait). */
  dated?: Dated;
}

type GovernanceContext = Awaited<ReturnType<typeof governanceContext>>;

/** The date a record's page is searched and sorted by (its search markup, SearchMeta.astro). */
export const SEARCH_DATE: { [K in RecordKind]: (record: SiteIndex[K][number]) => string } = {
  commitments: (r) => r.madeOn,
  penalties: (r) => r.decidedOn,
  enforcement: (r) => r.filedOn,
  dishonest: (r) => r.listedOn,
  honors: (r) => r.grantedOn,
};

/**
 * Every URL of a record kind: published records, and withheld ids (which keep their URL);
 * `dated` works out a record's as-of-dependent values. Pages unchanged since the previous
 * release are left out, to be copied from it (src/site/reuse.ts); the withheld records'
 * notices' digests are kept apart, so the public page manifest lists no withheld id.
 */
export async function recordPaths<K extends RecordKind, Dated = undefined>(kind: K, dated?: (record: SiteIndex[K][number], ctx: GovernanceContext) => Dated) {
  const s = await site();
  const ctx = await governanceContext();
  const records = s[kind] as SiteIndex[K][number][];
  const published = records.map((record) => {
    const props: RecordPageProps<K, Dated> = { record, subject: s.subjectsByCode.get(record.creditCode) };
    if (dated) props.dated = dated(record, ctx);
    return { params: { id: record.id }, props };
  });
  const urlOf = ({ id }: { id: string }) => `/${kind}/${id}/`;
  for (const record of records) searchable({ url: urlOf(record), kind, date: SEARCH_DATE[kind](record) });
  return [
    ...pathsToRender(published, urlOf, s.exportInfo),
    ...pathsToRender((await noticesOf(kind)).map((w) => ({ params: { id: w.id }, props: { withheld: w.reason } as RecordPageProps<K, Dated> })), urlOf, s.exportInfo, { withheld: true }),
  ];
}

/**
 * What a commitments list page renders, and all it renders besides the layout's site-wide
 * context: its digest is taken over these props (src/site/reuse.ts).
 */
export interface CommitmentListProps {
  page: Page<CommitmentListItem>;
  /** The facet navigation: every facet's values with their counts. */
  nav: Pick<Browse<PublishedCommitment>, 'base' | 'facets'>;
  /** The facet value whose letters are listed, on its pages. */
  current?: { key: string; value: string };
}

const listPage = (page: Page<PublishedCommitment>): Page<CommitmentListItem> => ({ ...page, items: page.items.map(commitmentListItem) });

/** /commitments/page/N/ for N ≥ 2 (page 1, /commitments/, is rendered every build). */
export async function commitmentPagePaths() {
  const { commitments, exportInfo } = await site();
  const { base, facets } = await commitmentBrowse();
  const paths = laterPages(commitments, base).map((page) => ({ params: { page: String(page.number) }, props: { page: listPage(page), nav: { base, facets } } satisfies CommitmentListProps }));
  return pathsToRender(paths, ({ page }) => `${base}page/${page}/`, exportInfo);
}

/** Every facet value's list: /commitments/<facet>/<value>/ and its page/N/. */
export async function commitmentFacetPaths() {
  const { exportInfo } = await site();
  const { base, facets, groups } = await commitmentBrowse();
  const paths = [];
  for (const [key, values] of groups) {
    for (const [value, items] of values) {
      const valueBase = facetUrl(base, { key }, value);
      for (let n = 1; n <= pageCount(items.length); n++) {
        const props: CommitmentListProps = { page: listPage(pageOf(items, n, valueBase)), nav: { base, facets }, current: { key, value } };
        paths.push({ params: { facet: key, value, page: n === 1 ? undefined : `page/${n}` }, props });
      }
    }
  }
  // The folder's name, not the link's: the value is not percent-encoded there.
  return pathsToRender(paths, ({ facet, value, page }) => `${base}${facet}/${value}/${page ? `${page}/` : ''}`, exportInfo);
}

/** What a profile's address renders: the subject's 信用画像, or the notice of a subject gone from the export. */
export type SubjectPageProps = SubjectProfile | { withheld: WithdrawnReason };

/** Every published subject's 信用画像, its props all the page shows (src/lib/site/profile.ts), and every gone subject's notice. */
export async function subjectProfilePaths() {
  const s = await site();
  const ctx = await governanceContext();
  const paths = s.subjects.map((subject) => ({ params: { code: subject.creditCode }, props: subjectProfile(subject, s, ctx) as SubjectPageProps }));
  for (const subject of s.subjects) searchable({ url: subjectUrl(subject.creditCode), kind: PROFILE_KIND, date: '' });
  const notices = (await noticesOf('subjects')).map((w) => ({ params: { code: w.id }, props: { withheld: w.reason } as SubjectPageProps }));
  const urlOf = ({ code }: { code: string }) => subjectUrl(code);
  return [...pathsToRender(paths, urlOf, s.exportInfo), ...pathsToRender(notices, urlOf, s.exportInfo, { withheld: true })];
}

/** Links a record's 统一社会信用代码 to its subject's profile, when the subject is published. */
export const ownProfileLink = (subject: Subject | undefined) => (code: string) => (subject?.creditCode === code ? subjectUrl(code) : undefined);

/** The governance context of this build: the as-of date, the working-day calendar, the regions. */
async function governanceContext() {
  const s = await site();
  return { asOf: s.exportInfo.asOf, calendar: buildCalendar().calendar, regions: portal.regions };
}

let governanceCache: Promise<GovernanceSummary> | undefined;

/** Every /governance/ figure, worked out once per build; only here is the governance history read. */
export function governance(): Promise<GovernanceSummary> {
  governanceCache ??= (async () => {
    const { history } = await decidedExport();
    return governanceSummary({ ...(await site()), history }, await governanceContext());
  })();
  return governanceCache;
}

/** What the /data/ files are made from. */
export async function openDataInput(): Promise<OpenDataInput> {
  const s = await site();
  return { records: s, summary: await governance(), info: s.exportInfo, config: portal };
}

let openDataCache: Promise<OpenFileInfo[]> | undefined;

/**
 * Size and sha256 of every /data/ file, measured once per build (the bodies are not kept); a
 * build writes each file into its output as it is measured.
 */
export function openDataIndex(): Promise<OpenFileInfo[]> {
  openDataCache ??= openDataInput().then((input) => openFileIndex(input, import.meta.env.PROD ? join(buildOutDir(), 'data') : undefined));
  return openDataCache;
}
