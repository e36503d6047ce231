/**
 * The build's steps after Astro (run by scripts/build.ts once the Astro process has exited,
 * so its memory is gone before they start their workers): the search index over the built
 * pages, then the safety checks over everything written, search index included. What the
 * build command read while Astro rendered (`early`, page-scan.ts) is not read again, the
 * pages the index's workers read are checked by them as they read them, and the index's
 * files by them as they write them (and the shards built while Astro rendered, `streamed`:
 * search-stream.ts); every published record's page must be in the index. Any
 * problem fails the build; the safety problems are added to the build report under `safety`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import portal from '../../portal.config.ts';
import { buildReportPath } from '../lib/pipeline/build-env.ts';
import { checkBuiltSiteInParallel, formatSafetyProblems, type PublishedFacts } from '../lib/safety/checks.ts';
import { linkResolver, type SafetyProblem } from '../lib/safety/file-checks.ts';
import { linkPaths, pageReadsIndex, pageReadsIndexPath, type ReadPage } from '../lib/release/page-reads.ts';
import { mark } from './build-timings.ts';
import { buildSearchIndex } from './search-index.ts';
import { writtenFile, type EarlyReads } from './page-scan.ts';
import type { StreamedShards } from './search-stream.ts';

const SEARCH_WORKER = resolve(import.meta.dirname, 'search-index-worker.ts');
const CHECK_WORKER = resolve(import.meta.dirname, '../lib/safety/check-worker.ts');

async function addToReport(problems: SafetyProblem[]) {
  const path = buildReportPath();
  const report = JSON.parse(await readFile(path, 'utf8'));
  await writeFile(path, JSON.stringify({ ...report, safety: { passed: problems.length === 0, problems } }, null, 2) + '\n');
}

/**
 * The pages copied from the previous release whose reads it kept (page-reads.ts): read as it
 * read them (indexed, or skipped without search markup), and cleared when every internal
 * link of theirs resolves in this build.
 */
function withReused(outDir: string, early: EarlyReads | undefined, reused: readonly ReadPage[]): EarlyReads | undefined {
  if (!reused.length) return early;
  const resolves = linkResolver(outDir);
  const extraction = early?.extraction ?? { refs: [], urls: new Set<string>(), skipped: { noMeta: 0, noindex: 0 }, errors: [] };
  const refs = reused.flatMap((r) => (r.ref ? [r.ref] : []));
  return {
    extraction: {
      ...extraction,
      refs: [...extraction.refs, ...refs],
      urls: new Set([...extraction.urls, ...reused.map((r) => r.url)]),
      skipped: { ...extraction.skipped, noMeta: extraction.skipped.noMeta + reused.length - refs.length },
    },
    checked: new Set([...(early?.checked ?? []), ...reused.flatMap((r) => (linkPaths(r.links).every(resolves) ? [writtenFile(r.url)!] : []))]),
    changed: early?.changed ?? 0,
    leftForMemory: early?.leftForMemory ?? 0,
    kept: [...(early?.kept ?? []), ...reused],
  };
}

/**
 * Both steps, timed for `npm run bench` (marks `search-index` and `safety`); throws on any
 * problem. `reads`: the folder this build's reads are kept in for the next day's build, and
 * the pages whose reads it reuses from the previous release's; its index is written last,
 * once the build has passed.
 */
export async function postBuild(outDir: string, published: PublishedFacts, log: (message: string) => void, earlyReads?: EarlyReads, reads?: { dir: string; reused: readonly ReadPage[] }, streamed?: StreamedShards): Promise<void> {
  mark('search-index start');
  const early = withReused(outDir, earlyReads, reads?.reused ?? []);
  if (reads?.reused.length) log(`复用上一版本读取的 ${reads.reused.length} 个页面（搜索提取与链接），不再重新读取`);
  const index = await buildSearchIndex(outDir, SEARCH_WORKER, { info: log }, early?.extraction, { readsDir: reads?.dir, streamed });
  mark('search-index end');
  mark('safety start');
  const t0 = performance.now();
  // Nothing else runs at this point of the build: the file checks take every core, and this thread only waits for them.
  const checked = new Set([...(early?.checked ?? []), ...index.checked]);
  const checking = checkBuiltSiteInParallel(outDir, { siteUrl: portal.siteUrl, published, indexed: index.indexed }, availableParallelism(), CHECK_WORKER, checked);
  // So the reads' index is made meanwhile; it is written only if the build passes.
  const readsIndex = reads && { path: pageReadsIndexPath(reads.dir), text: pageReadsIndex(reads.dir, [...(early?.kept ?? []), ...index.kept]) };
  const problems = await checking;
  await addToReport(problems);
  mark('safety end');
  if (problems.length > 0) throw new Error(`构建输出未通过安全检查（${problems.length} 处，详见 ${buildReportPath()}）：\n${formatSafetyProblems(problems)}`);
  log(`安全检查通过，用时 ${((performance.now() - t0) / 1000).toFixed(2)} 秒`);
  if (readsIndex) await writeFile(readsIndex.path, readsIndex.text);
}
