/**
 * The post-build safety checks (issue 9), run on every build's output by the
 * `portal-safety` integration and again by `npm run publish` before a release goes live:
 *
 * - no 居民身份证号码 or mobile number anywhere in what is published (pages, data files,
 *   feeds and the decompressed search index), by the same rule as the export's privacy check;
 * - nothing is loaded from another host; no `javascript:`/`data:` (or other non-web) URL;
 * - every internal URL resolves to a page or file of the build;
 * - every published record has its page, and every withheld record's page shows no details.
 *
 * The checks of one file are in file-checks.ts; this runs them over every file of a build,
 * in worker processes, and adds the checks of the record pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChildJob, type JobFailure } from '../child-job.ts';
import type { PublishedRecords } from '../pipeline/ingest.ts';
import { CONTRACT_FILES } from '../schemas/contract.ts';
import { stoppedPhrase, type RecordRef, type WithdrawnReason } from '../release/changes.ts';
import { recordPages, type RecordPage } from '../site/record-pages.ts';
import { checkFiles, resolvesInBuild, type PlacedProblem, type SafetyCheck, type SafetyProblem } from './file-checks.ts';
import { outputFiles, type OutputFile } from './output-files.ts';

/** What the checks need of the pipeline's decisions (small, so the build can hand it on as JSON). */
export interface PublishedFacts {
  /** Values of the contract's identifier columns in this build (see identifierValues). */
  identifiers: string[];
  /** Every record page the build must have. */
  pages: RecordPage[];
}

/** `gone`: the records of earlier releases this export no longer has (ReleaseDigest.gone), whose notices the build keeps. */
export const publishedFacts = (records: PublishedRecords, gone: readonly RecordRef[]): PublishedFacts => ({
  identifiers: [...identifierValues(records), ...gone.map((g) => g.id)],
  pages: recordPages(records, gone),
});

export interface SafetyOptions {
  /** The site's own origin (portal configuration siteUrl): absolute URLs to it are internal. */
  siteUrl: string;
  /** What the pipeline decided; omitted, the record checks are skipped. */
  published?: PublishedFacts;
  /**
   * The URLs of the pages the search index holds (search-index.ts: search markup, no robots
   * noindex). Given, each published record's page must be one of them: found by search, and
   * listed in the sitemap, which takes it as indexable without reading it (sitemap.ts).
   */
  indexed?: ReadonlySet<string>;
}

const withoutPlace = ({ at: _at, ...p }: PlacedProblem): SafetyProblem => p;

export function checkBuiltSite(outDir: string, { siteUrl, published, indexed }: SafetyOptions): SafetyProblem[] {
  const problems = checkFiles(outDir, outputFiles(outDir), siteUrl, new Set(published?.identifiers)).map(withoutPlace);
  if (published) problems.push(...checkRecordPages(outDir, published.pages, indexed));
  return problems;
}

/**
 * checkBuiltSite with the file checks shared among `workers` child processes running
 * `workerScript` (check-worker.ts): reading and parsing every file is the cost, and each file
 * is checked on its own, so the shares (every workers-th file) run on all cores. The problems
 * come out in the same order as checkBuiltSite's. The files in `checked` were checked while
 * the build wrote them and had no problem (src/integrations/page-scan.ts): they are not read again.
 */
export async function checkBuiltSiteInParallel(outDir: string, { siteUrl, published, indexed }: SafetyOptions, workers: number, workerScript: string, checked?: ReadonlySet<string>): Promise<SafetyProblem[]> {
  const n = Math.max(1, Math.floor(workers));
  const files = outputFiles(outDir).filter((f) => !checked?.has(f.rel));
  const codes = published?.identifiers ?? [];
  const shares = Array.from({ length: n }, (_, w) => files.filter((_, i) => i % n === w));
  const running = Promise.all(shares.map((share) => runCheckWorker(workerScript, { outDir, files: share, siteUrl, codes })));
  // Meanwhile, on this otherwise idle thread: a look on disk for each record's page.
  const recordProblems = published ? checkRecordPages(outDir, published.pages, indexed) : [];
  // A share's file k is the file k * n + w.
  const problems = (await running)
    .flatMap((found, w) => found.map((p) => ({ ...p, at: p.at * n + w })))
    .sort((a, b) => a.at - b.at)
    .map(withoutPlace);
  return [...problems, ...recordProblems];
}

/** What check-worker.ts is sent, and replies. */
export interface CheckJob {
  outDir: string;
  files: OutputFile[];
  siteUrl: string;
  codes: string[];
}
export type CheckReply = { ok: true; problems: PlacedProblem[] } | JobFailure;

async function runCheckWorker(script: string, job: CheckJob): Promise<PlacedProblem[]> {
  const reply = await runChildJob<CheckJob, CheckReply>(script, job, { what: '安全检查' });
  if (!reply.ok) throw new Error(`安全检查子进程出错：${reply.errors.join('\n')}`);
  return reply.problems;
}

/**
 * Values of the contract's identifier columns (统一社会信用代码, 信息编号…) in this build:
 * validated codes, which the pipeline's privacy rule does not scan either. A credit code may
 * be all digits and pass for an identity number (one in the 20,000-record synthetic export does).
 */
function identifierValues(records: PublishedRecords): Set<string> {
  const values = new Set<string>();
  for (const { kind, definition } of CONTRACT_FILES) {
    const columns: Record<string, { identifier: boolean }> = definition.columns;
    const keys = Object.keys(columns).filter((f) => columns[f]!.identifier);
    for (const record of records[kind] as readonly object[]) {
      for (const key of keys) {
        const value = (record as Record<string, unknown>)[key];
        if (typeof value === 'string') values.add(value);
      }
    }
  }
  for (const w of records.withheld) values.add(w.id);
  return values;
}

/** The notice's heading (WithheldNotice.astro), by its reason. */
const noticeHeading = (reason: WithdrawnReason) => `<h1>该信息${stoppedPhrase(reason)}</h1>`;
// Any of these on a withheld page would be a detail of the record.
const DETAIL_MARKUP = /<dl[\s>]|<table[\s>]|data-search-(meta|body)|href="\/subjects\//;

/**
 * Every published record has its page, in the search index when `indexed` is given; every
 * withheld record's page is the bare notice.
 */
export function checkRecordPages(outDir: string, pages: readonly RecordPage[], indexed?: ReadonlySet<string>): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  for (const page of pages) {
    const what = `${page.kind}/${page.id}`;
    if (!resolvesInBuild(outDir, page.url)) {
      problems.push(page.withheld ? { check: 'withheld-page', file: page.url, message: `停止公示的记录 ${what} 没有说明页面` } : { check: 'record-page', file: page.url, message: `已公示的 ${what} 没有页面` });
      continue;
    }
    if (!page.withheld) {
      if (indexed && !indexed.has(page.url)) problems.push({ check: 'record-page', file: page.url, message: `已公示的 ${what} 的页面不在搜索索引中（没有搜索标记，或标为 robots noindex）` });
      continue;
    }
    const html = readFileSync(join(outDir, decodeURIComponent(page.url), 'index.html'), 'utf8');
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    if (!html.includes('<meta name="robots" content="noindex"') || !main.includes(noticeHeading(page.withheld)) || DETAIL_MARKUP.test(main)) {
      problems.push({ check: 'withheld-page', file: page.url, message: `停止公示的记录 ${what} 的页面显示了记录内容（应只有停止公示说明）` });
    }
  }
  return problems;
}

/** The console lines of a failed check: a count per check and the first problems of each. */
export function formatSafetyProblems(problems: SafetyProblem[], perCheck = 20): string {
  const byCheck = new Map<SafetyCheck, SafetyProblem[]>();
  for (const p of problems) {
    let list = byCheck.get(p.check);
    if (!list) byCheck.set(p.check, (list = []));
    list.push(p);
  }
  const lines: string[] = [];
  for (const [check, list] of byCheck) {
    lines.push(`安全检查 ${check}：${list.length} 处`);
    for (const p of list.slice(0, perCheck)) lines.push(`  ${p.file}: ${p.message}`);
    if (list.length > perCheck) lines.push(`  ……另有 ${list.length - perCheck} 处，见报告`);
  }
  return lines.join('\n');
}
