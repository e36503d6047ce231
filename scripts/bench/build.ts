/**
 * npm run bench -- [--records 20000[,100000]] [--runs 3] [--ci]
 *
 * The build benchmark of issue 10. For each size N: a synthetic `city` export of N
 * commitments with proportionate agencies, penalties, enforcement cases, listings, honours,
 * model cases and attachments (scripts/bench/synthetic-export.ts, kept under bench-out/ and
 * reused), then the full build (scripts/build.ts: Astro's pages and sitemap, then the
 * search index and the safety checks) in a process of its own, while the whole process
 * tree's resident memory is sampled every --sample-ms (the index and check workers live for
 * seconds, so 50 ms catches them).
 *
 * Stage boundaries come from the build itself: every integration hook's start and end
 * (src/integrations/build-timings.ts, PORTAL_BUILD_TIMINGS), the content loader's
 * validation marks, and Astro's own "generating static routes" log line (timed as it
 * arrives on the pipe) for the start of rendering. The floor is the time this machine
 * needs to write as many files of the output's average size, one directory each; the Astro
 * floor (full builds, not --ci), the time Astro itself needs to build as many pages of the
 * pages' average size with nothing in them (scripts/bench/astro-floor/): no build that renders
 * its pages with Astro is faster than that.
 *
 * The daily rebuild: after each full build, the next working day's export (1% of each file's
 * rows corrected: scripts/bench/changed-export.ts; 2026-11-30, a Monday, so working-day
 * counts move on) is built reusing that build's pages (PORTAL_REUSE_FROM, as `npm run
 * publish` does over the live release); once per size the same export is also built in full,
 * and the two trees are compared file by file.
 *
 * Writes reports/bench.json and exits 1 when a target is missed:
 *   20,000 commitments: ≤ 25 s and < 1,200 MB;  100,000: < 180 s and < 3 GB;
 *   per-record time and memory at 100,000 no worse than at 20,000 (only when both sizes
 *   are measured in the same run);  the daily rebuild under a quarter of the full build and
 *   byte-identical to it;  --ci (2,000 records): the memory budget and the identical trees.
 * MB and GB here are 2^20 and 2^30 bytes. Times are medians over --runs. Exits 2 before
 * building when the disk has less room than the run keeps (scripts/lib/bench-disk.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { TreeSampler } from '../../src/integrations/process-tree.ts';
import { buildCommand } from '../../src/lib/release/build-command.ts';
import { REUSE_ENV } from '../../src/lib/release/page-reuse.ts';
import { READ_WHILE_RENDERING } from '../../src/integrations/page-scan.ts';
import { SEARCH_INDEX_LINE } from '../../src/integrations/search-index.ts';
import { unreadWhileRendering } from '../lib/bench-notes.ts';
import { REUSED_PAGES } from '../../src/integrations/page-reuse.ts';
import { emptyInBackground } from '../../src/lib/release/release-root.ts';
import { compareTrees, identical } from '../lib/compare-trees.ts';
import { benchDiskNeed, freeBytes } from '../lib/bench-disk.ts';
import { buildAstroFloor } from '../lib/astro-floor.ts';

const MB = 2 ** 20;
const GB = 2 ** 30;
const AS_OF = '2026-11-28';
/** The daily rebuild's date: the next working day (11-28 is a Saturday). */
const NEXT_AS_OF = '2026-11-30';
const BENCH = resolve('bench-out');
const node = process.execPath;

const { values } = parseArgs({
  options: {
    records: { type: 'string' },
    runs: { type: 'string', default: '1' },
    ci: { type: 'boolean', default: false },
    'sample-ms': { type: 'string', default: '50' },
    report: { type: 'string', default: 'reports/bench.json' },
  },
});

interface Target {
  seconds?: number;
  peakBytes: number;
  label: string;
}
/** Issue 10's targets by size; the CI run (2,000 records) checks memory only, as CI machines' times vary. */
const TARGETS: Record<number, Target> = {
  20_000: { seconds: 25, peakBytes: 1200 * MB, label: '≤ 25 s, < 1,200 MB' },
  100_000: { seconds: 180, peakBytes: 3 * GB, label: '< 180 s, < 3 GB' },
};
const CI_RECORDS = 2000;
/**
 * The CI budget: a 2,000-record build may not need more than issue 10 allows a 20,000-record
 * one. (Measured 2026-12-06: 659 MB, at the rendering; with Pagefind it was 1,674 MB.)
 */
const CI_TARGET: Target = { peakBytes: 1200 * MB, label: '< 1,200 MB (memory budget)' };

const sizes = values.ci ? [CI_RECORDS] : (values.records ?? '20000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--records takes whole numbers, e.g. 20000,100000: ${values.records}`);
const runs = Number(values.runs);
const sampleMs = Number(values['sample-ms']);

/** The stages of issue 10, from the marks; each stage's seconds and the tree's peak within it. */
const STAGES = ['startup', 'contentSync', 'validation', 'bundle', 'rendering', 'sitemap', 'otherIntegrations', 'astroExit', 'finishReads', 'searchIndex', 'safety', 'exit'] as const;
type Stage = (typeof STAGES)[number];
interface StageFigure {
  seconds: number;
  /** CPU seconds of the whole tree (all cores): less moved by a busy machine than wall seconds. */
  cpuSeconds: number;
  peakRssMB: number;
}
interface Sample {
  at: number;
  rss: number;
  /** CPU seconds the tree has used so far. */
  cpu: number;
}

interface RunFigures {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  peakByCommMB: Record<string, number>;
  stages: Record<Stage, StageFigure>;
  pages: number;
  files: number;
  outputBytes: number;
  floorSeconds: number;
  /** Full builds: seconds for Astro to build as many pages of their average size, with no components and no data. */
  astroFloorSeconds?: number;
  samples: number;
  loadavgBefore: number[];
  loadavgAfter: number[];
  /** Pages that may be reused (records, lists, profiles, withheld notices): copied from the previous build, and rendered (a daily rebuild's log line). */
  reuse?: { copied: number; rendered: number };
  /**
   * Files written while Astro rendered, and of them pages read and files cleared by the safety
   * checks then, files read before Astro had finished them (read again after), and files not read because
   * the reading thread's heap was nearly full (the build's log line).
   */
  readWhileRendering: { written: number; pages: number; checkedFiles: number; unfinished: number; leftForMemory: number };
  /** The search index's shards, and of them those built while Astro rendered (the build's log line). */
  shards: { total: number; builtWhileRendering: number };
}

interface Mark {
  name: string;
  at: number;
}

const now = () => performance.timeOrigin + performance.now();
const round = (x: number, d = 2) => Number(x.toFixed(d));

function ensureExport(records: number): string {
  const dir = join(BENCH, `city-${records}`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`生成合成导出：${records} 条承诺（city）→ ${dir}`);
    execFileSync(node, ['scripts/bench/synthetic-export.ts', '--out', dir, '--records', String(records), '--kinds', 'city'], { stdio: 'inherit' });
  }
  return dir;
}

/** The next day's export of a size: 1% of each file's rows corrected (made once, kept). */
function ensureNextExport(records: number, exportDir: string): string {
  const dir = join(BENCH, `city-${records}-next`);
  if (!existsSync(join(dir, 'manifest.json'))) execFileSync(node, ['scripts/bench/changed-export.ts', '--from', exportDir, '--out', dir], { stdio: 'inherit' });
  return dir;
}

/** Deleting tens of thousands of files slows the disk for minutes: earlier output is moved aside. */
function moveAside(path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(join(BENCH, 'old'), { recursive: true });
  renameSync(path, join(BENCH, 'old', `${Date.now()}-${path.split('/').pop()}`));
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function measureOutput(dir: string): { pages: number; files: number; bytes: number; pageBytes: number } {
  let pages = 0;
  let files = 0;
  let bytes = 0;
  let pageBytes = 0;
  for (const path of walk(dir)) {
    const size = statSync(path).size;
    files++;
    bytes += size;
    if (path.endsWith('.html')) {
      pages++;
      pageBytes += size;
    }
  }
  return { pages, files, bytes, pageBytes };
}

/** Seconds to write `files` files of `size` bytes, one directory each (the output's layout). */
function floorSeconds(files: number, size: number): number {
  const dir = join(BENCH, 'floor');
  moveAside(dir);
  const bytes = Buffer.alloc(size, 0x61);
  const t0 = now();
  for (let i = 0; i < files; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)), String(i));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'index.html'), bytes);
  }
  return (now() - t0) / 1000;
}

function stagesFrom(marks: Mark[], renderingStart: number, started: number, ended: number, samples: Sample[]): Record<Stage, StageFigure> {
  const first = (name: string) => {
    const m = marks.find((x) => x.name === name);
    if (!m) throw new Error(`the build wrote no mark "${name}" (is PORTAL_BUILD_TIMINGS wired in astro.config.mjs?)`);
    return m.at;
  };
  const hookTime = (integration: (name: string) => boolean, hook: string) => {
    let total = 0;
    const spans: [number, number][] = [];
    for (const m of marks) {
      const [name, h, edge] = m.name.split(' ');
      if (edge !== 'start' || h !== hook || !integration(name!)) continue;
      const end = marks.find((x) => x.name === `${name} ${h} end` && x.at >= m.at)!;
      total += end.at - m.at;
      spans.push([m.at, end.at]);
    }
    return { seconds: total / 1000, spans };
  };
  const peakIn = (spans: [number, number][]) => {
    let peak = 0;
    for (const s of samples) if (spans.some(([a, b]) => s.at >= a && s.at <= b)) peak = Math.max(peak, s.rss);
    return round(peak / MB, 0);
  };
  /** CPU used by the tree up to a moment: the last sample at or before it. */
  const cpuAt = (t: number) => {
    let cpu = 0;
    for (const s of samples) if (s.at <= t) cpu = s.cpu;
    return cpu;
  };
  const cpuIn = (spans: [number, number][]) => round(spans.reduce((n, [a, b]) => n + cpuAt(b) - cpuAt(a), 0));
  const figure = (seconds: number, spans: [number, number][]): StageFigure => ({ seconds: round(seconds), cpuSeconds: cpuIn(spans), peakRssMB: peakIn(spans) });
  const span = (a: number, b: number): StageFigure => figure((b - a) / 1000, [[a, b]]);
  const isSitemap = (n: string) => n.includes('sitemap');
  const sitemap = hookTime(isSitemap, 'astro:build:done');
  const others = hookTime((n) => !isSitemap(n) && !n.startsWith('portal-timings-'), 'astro:build:done');
  const lastMark = Math.max(...marks.map((m) => m.at));
  return {
    startup: span(started, first('portal-timings-first astro:config:setup start')),
    contentSync: span(first('portal-timings-last astro:config:done end'), first('portal-timings-first astro:build:start start')),
    validation: span(first('validation start'), first('validation end')),
    bundle: span(first('portal-timings-first astro:build:start start'), renderingStart),
    rendering: span(renderingStart, first('portal-timings-first astro:build:generated start')),
    sitemap: figure(sitemap.seconds, sitemap.spans),
    otherIntegrations: figure(others.seconds, others.spans),
    // The Astro process ends; the build command finishes its copies and reads, then runs the steps after it (post-build.ts).
    astroExit: span(first('portal-timings-last astro:build:done end'), first('astro exited')),
    finishReads: span(first('astro exited'), first('search-index start')),
    searchIndex: span(first('search-index start'), first('search-index end')),
    safety: span(first('safety start'), first('safety end')),
    exit: span(lastMark, ended),
  };
}

interface BuildJob {
  exportDir: string;
  asOf: string;
  /** Output folder under bench-out/. */
  out: string;
  /** A previous build's folder to reuse pages from (the daily rebuild). */
  reuseFrom?: string;
  /** Also time the Astro floor for this build's pages. */
  astroFloor?: boolean;
}

async function buildOnce(records: number, job: BuildJob, run: number): Promise<RunFigures> {
  const outDir = join(BENCH, job.out);
  moveAside(outDir);
  const timings = join(BENCH, `timings-${job.out}-${run}.jsonl`);
  rmSync(timings, { force: true });
  const loadavgBefore = loadavg().map((x) => round(x, 1));
  const started = now();
  const [command, ...args] = buildCommand(process.cwd());
  const child = spawn(command!, args, {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      PORTAL_EXPORT: job.exportDir,
      PORTAL_AS_OF: job.asOf,
      PORTAL_OUT_DIR: outDir,
      PORTAL_REPORT: join(BENCH, `build-report-${job.out}.json`),
      PORTAL_BUILD_TIMINGS: timings,
      ...(job.reuseFrom ? { [REUSE_ENV]: join(BENCH, job.reuseFrom) } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const sampler = new TreeSampler(child.pid!);
  const samples: Sample[] = [];
  const timer = setInterval(() => {
    const { rss } = sampler.sample();
    samples.push({ at: now(), rss, cpu: sampler.cpuSeconds().total });
  }, sampleMs);
  let renderingStart = NaN;
  const log: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (Number.isNaN(renderingStart) && /generating static routes/.test(line)) renderingStart = now();
    log.push(line);
  });
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  const ended = now();
  clearInterval(timer);
  if (code !== 0) throw new Error(`the build failed (exit ${code}):\n${log.slice(-30).join('\n')}`);
  if (Number.isNaN(renderingStart)) throw new Error('the build log has no "generating static routes" line');
  const marks = readFileSync(timings, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Mark);
  const output = measureOutput(outDir);
  const floor = floorSeconds(output.files, Math.round(output.bytes / output.files));
  let astroFloor: number | undefined;
  if (job.astroFloor) {
    const out = join(BENCH, 'astro-floor');
    moveAside(out);
    astroFloor = buildAstroFloor(out, output.pages, Math.round(output.pageBytes / output.pages));
  }
  const reuse = log.map((l) => REUSED_PAGES.exec(l)).find(Boolean);
  const early = log.map((l) => READ_WHILE_RENDERING.exec(l)).find(Boolean);
  const index = log.map((l) => SEARCH_INDEX_LINE.exec(l)).find(Boolean);
  return {
    wallSeconds: round((ended - started) / 1000),
    cpuSeconds: sampler.cpuSeconds().total,
    peakRssMB: round(sampler.peakRss / MB, 0),
    peakByCommMB: Object.fromEntries(Object.entries(sampler.peakByComm).map(([k, v]) => [k, round(v / MB, 0)])),
    stages: stagesFrom(marks, renderingStart, started, ended, samples),
    pages: output.pages,
    files: output.files,
    outputBytes: output.bytes,
    floorSeconds: round(floor),
    ...(astroFloor === undefined ? {} : { astroFloorSeconds: round(astroFloor) }),
    samples: samples.length,
    loadavgBefore,
    loadavgAfter: loadavg().map((x) => round(x, 1)),
    ...(reuse ? { reuse: { copied: Number(reuse[1]), rendered: Number(reuse[2]) } } : {}),
    // What the build command read while Astro rendered (src/integrations/page-scan.ts).
    readWhileRendering: early ? { written: Number(early[1]), pages: Number(early[2]), checkedFiles: Number(early[3]), unfinished: Number(early[4] ?? 0), leftForMemory: Number(early[5] ?? 0) } : { written: 0, pages: 0, checkedFiles: 0, unfinished: 0, leftForMemory: 0 },
    shards: { total: Number(index?.[2] ?? 0), builtWhileRendering: Number(index?.[3] ?? 0) },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function medianOf(list: RunFigures[]) {
  return {
    wallSeconds: round(median(list.map((r) => r.wallSeconds))),
    cpuSeconds: round(median(list.map((r) => r.cpuSeconds))),
    peakRssMB: median(list.map((r) => r.peakRssMB)),
    floorSeconds: round(median(list.map((r) => r.floorSeconds))),
    ...(list.every((r) => r.astroFloorSeconds !== undefined) ? { astroFloorSeconds: round(median(list.map((r) => r.astroFloorSeconds!))) } : {}),
    stages: Object.fromEntries(
      STAGES.map((s) => [s, { seconds: round(median(list.map((r) => r.stages[s].seconds))), cpuSeconds: round(median(list.map((r) => r.stages[s].cpuSeconds))), peakRssMB: median(list.map((r) => r.stages[s].peakRssMB)) }]),
    ),
  };
}

/** A run's one-line summary. */
function describe(label: string, r: RunFigures): string {
  const st = Object.entries(r.stages).map(([k, v]) => `${k} ${v.seconds} s (CPU ${v.cpuSeconds} s)/${v.peakRssMB} MB`).join(', ');
  const reuse = r.reuse ? `; ${r.reuse.copied} pages copied, ${r.reuse.rendered} rendered` : '';
  const { written, pages, checkedFiles, unfinished, leftForMemory } = r.readWhileRendering;
  const early = `; while rendering: ${written} files written, ${pages} pages read, ${checkedFiles} files cleared, ${unfinished} read unfinished, ${leftForMemory} left for memory, ${r.shards.builtWhileRendering} of ${r.shards.total} index shards built`;
  return `bench ${label}: ${r.wallSeconds} s (CPU ${r.cpuSeconds} s), peak tree ${r.peakRssMB} MB; ${r.pages} pages, ${(r.outputBytes / MB).toFixed(0)} MB in ${r.files} files (floor ${r.floorSeconds} s${r.astroFloorSeconds === undefined ? '' : `, Astro floor ${r.astroFloorSeconds} s`})${reuse}${early}; ${st}; load ${r.loadavgBefore.join(' ')} → ${r.loadavgAfter.join(' ')}`;
}

/** The daily rebuild of a size: its runs, the full build of the same export, and the comparison of their trees. */
interface DailyResult {
  rows: number;
  median: ReturnType<typeof medianOf>;
  /** Median daily rebuild over median full build (of the previous day's export). */
  ratioToFull: number;
  /** The same export and date built in full: wall seconds, and whether its tree is the daily rebuild's, byte for byte. */
  fullBuild: { wallSeconds: number; identical: boolean; differ: number; onlyInOne: number; filesCompared: number };
  runs: RunFigures[];
}

interface SizeResult {
  records: number;
  rows: Record<string, number>;
  target: string;
  median: ReturnType<typeof medianOf>;
  runs: RunFigures[];
  daily: DailyResult;
}
// Every build is kept until the run ends (moveAside): refuse to start a run that would fill the disk.
mkdirSync(BENCH, { recursive: true });
const need = sizes.reduce((n, records) => n + benchDiskNeed(records, runs, !values.ci), 0);
const free = freeBytes(BENCH);
if (free < need) {
  const oldNote = existsSync(join(BENCH, 'old')) && readdirSync(join(BENCH, 'old')).length ? `；${join(BENCH, 'old')} 中还有上次移开的输出，正在后台清空时请稍候再试` : '';
  console.error(`磁盘空间不足：本次测试约需 ${(need / GB).toFixed(1)} GB，${BENCH} 所在磁盘只剩 ${(free / GB).toFixed(1)} GB${oldNote}`);
  process.exit(2);
}

const verdicts: { check: string; ok: boolean; detail: string }[] = [];
const results: SizeResult[] = [];
for (const records of sizes) {
  const exportDir = ensureExport(records);
  const manifest = JSON.parse(readFileSync(join(exportDir, 'manifest.json'), 'utf8')) as { files: Record<string, { rows: number }> };
  const nextExport = ensureNextExport(records, exportDir);
  const list: RunFigures[] = [];
  const dailyRuns: RunFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    const r = await buildOnce(records, { exportDir, asOf: AS_OF, out: `site-${records}`, astroFloor: !values.ci }, run);
    list.push(r);
    console.log(describe(`${records} run ${run}`, r));
    const d = await buildOnce(records, { exportDir: nextExport, asOf: NEXT_AS_OF, out: `site-${records}-daily`, reuseFrom: `site-${records}` }, run);
    dailyRuns.push(d);
    console.log(describe(`${records} daily rebuild ${run}`, d));
  }
  const med = medianOf(list);
  const full = await buildOnce(records, { exportDir: nextExport, asOf: NEXT_AS_OF, out: `site-${records}-next` }, 1);
  console.log(describe(`${records} next day in full`, full));
  const diff = compareTrees(join(BENCH, `site-${records}-daily`), join(BENCH, `site-${records}-next`));
  const dailyMedian = medianOf(dailyRuns);
  const nextManifest = JSON.parse(readFileSync(join(nextExport, 'manifest.json'), 'utf8')) as { files: Record<string, { rows: number }> };
  const daily: DailyResult = {
    rows: Object.values(nextManifest.files).reduce((n, f) => n + f.rows, 0),
    median: dailyMedian,
    ratioToFull: round(dailyMedian.wallSeconds / med.wallSeconds, 3),
    fullBuild: { wallSeconds: full.wallSeconds, identical: identical(diff), differ: diff.differ.length, onlyInOne: diff.onlyInA.length + diff.onlyInB.length, filesCompared: diff.files },
    runs: dailyRuns,
  };
  verdicts.push({ check: `${records} records, daily rebuild byte-identical to a full build`, ok: daily.fullBuild.identical, detail: `${diff.files} files, ${diff.differ.length} differ, ${daily.fullBuild.onlyInOne} in one tree only${diff.differ.length ? ` (${diff.differ.slice(0, 3).join(', ')}…)` : ''}` });
  // Times only where issue 10 sets them, not in CI, whose machines' times vary.
  if (!values.ci) verdicts.push({ check: `${records} records, daily rebuild < 1/4 of the full build`, ok: daily.ratioToFull < 0.25, detail: `${dailyMedian.wallSeconds} s vs ${med.wallSeconds} s (${daily.ratioToFull})` });
  const target = values.ci ? CI_TARGET : TARGETS[records];
  if (target) {
    const peak = med.peakRssMB * MB;
    verdicts.push({ check: `${records} records, peak tree < ${(target.peakBytes / MB).toFixed(0)} MB`, ok: peak < target.peakBytes, detail: `${med.peakRssMB} MB` });
    const astroAlone = med.astroFloorSeconds === undefined ? '' : `; Astro alone needs ${med.astroFloorSeconds} s for as many pages`;
    if (target.seconds !== undefined) verdicts.push({ check: `${records} records, wall ≤ ${target.seconds} s`, ok: med.wallSeconds <= target.seconds, detail: `${med.wallSeconds} s (median of ${runs})${astroAlone}` });
  }
  results.push({ records, rows: Object.fromEntries(Object.entries(manifest.files).map(([f, e]) => [f, e.rows])), target: target?.label ?? 'none', median: med, runs: list, daily });
}

const at = (n: number) => results.find((r) => r.records === n);
const small = at(20_000);
const large = at(100_000);
/** Per 1,000 commitments at both sizes, only when both were built in this run. */
function perRecordFigures() {
  if (!small || !large) return { measured: false, reason: 'needs --records 20000,100000 in one run' };
  const seconds = { at20000: round(small.median.wallSeconds / 20, 3), at100000: round(large.median.wallSeconds / 100, 3) };
  const mb = { at20000: round(small.median.peakRssMB / 20, 1), at100000: round(large.median.peakRssMB / 100, 1) };
  verdicts.push({ check: 'per-record time at 100,000 ≤ at 20,000', ok: seconds.at100000 <= seconds.at20000, detail: `${seconds.at100000} vs ${seconds.at20000} s per 1,000` });
  verdicts.push({ check: 'per-record memory at 100,000 ≤ at 20,000', ok: mb.at100000 <= mb.at20000, detail: `${mb.at100000} vs ${mb.at20000} MB per 1,000` });
  return { measured: true, secondsPerThousand: seconds, mbPerThousand: mb };
}
const perRecord = perRecordFigures();

const notes = unreadWhileRendering(results);

const report = {
  measuredAt: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  machine: { cpus: cpus().length, memoryGB: round(totalmem() / GB, 1), loadavgAtEnd: loadavg().map((x) => round(x, 1)), sampleMs },
  units: 'seconds; MB = 2^20 bytes; times and peaks are medians over runs',
  results,
  perRecord,
  verdicts,
  notes,
};
mkdirSync(resolve(values.report, '..'), { recursive: true });
writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${values.report}:`);
for (const r of results) console.log(`  ${r.records} records (${r.runs[0]!.pages} pages): median ${r.median.wallSeconds} s, peak ${r.median.peakRssMB} MB, floor ${r.median.floorSeconds} s${r.median.astroFloorSeconds === undefined ? '' : `, Astro floor ${r.median.astroFloorSeconds} s`}; target ${r.target}`);
for (const r of results) console.log(`  ${r.records} records, daily rebuild: median ${r.daily.median.wallSeconds} s (${r.daily.ratioToFull} of the full build), peak ${r.daily.median.peakRssMB} MB; the same export in full ${r.daily.fullBuild.wallSeconds} s, ${r.daily.fullBuild.identical ? 'identical' : 'DIFFERENT'} trees`);
for (const v of verdicts) console.log(`  ${v.ok ? '达标' : '未达标'}  ${v.check}: ${v.detail}`);
for (const n of notes) console.log(`  注意  ${n}`);
// Timing is over: the output moved aside goes now, in the background, so runs do not fill the disk.
emptyInBackground(join(BENCH, 'old'));
console.log(`  ${join(BENCH, 'old')} is being emptied in the background: give it a few minutes before the next bench`);
process.exit(verdicts.every((v) => v.ok) ? 0 : 1);
