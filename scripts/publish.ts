/**
 * npm run publish -- --from SRC --out ROOT [--as-of YYYY-MM-DD] [--keep 7] [--max-drop 0.2]
 *   [--accept-drop] [--accept-older] [--timeout 600] [--retries 2] [--max-download-mb 500]
 *   [--max-unpacked-mb 2000] [--max-files 200000]
 * SRC: an export folder, a .zip / .tar.gz, or an http(s) URL of one. The release logic is
 * src/lib/release/publish.ts; this script parses arguments and reports.
 * Exit 0: released; 1: failed, ROOT/current untouched; 2: usage error.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import portal from '../portal.config.ts';
import { parseAsOf } from '../src/lib/dates/civil-date.ts';
import { astroBuild } from '../src/lib/release/astro-build.ts';
import { changeCount } from '../src/lib/release/changes.ts';
import { fraction, parseFlags, UsageError, wholeNumber } from './lib/cli.ts';
import { publishRelease, ReleaseFailure } from '../src/lib/release/publish.ts';
import { formatSafetyProblems } from '../src/lib/safety/checks.ts';
import { summarize } from '../src/lib/pipeline/summary.ts';

const USAGE = 'npm run publish -- --from 导出目录|压缩包|http(s)地址 --out 发布根目录 [--as-of YYYY-MM-DD] [--keep 7] [--max-drop 0.2] [--accept-drop] [--accept-older] [--timeout 秒] [--retries 次] [--max-download-mb MB] [--max-unpacked-mb MB] [--max-files 个]';
const MB = 1e6;
/** Problems listed in the log of a release; the report keeps them all. */
const PROBLEMS_SHOWN = 50;

function options() {
  const v = parseFlags(
    process.argv.slice(2),
    {
      from: { type: 'string' },
      out: { type: 'string' },
      'as-of': { type: 'string' },
      keep: { type: 'string' },
      'max-drop': { type: 'string' },
      'accept-drop': { type: 'boolean', default: false },
      'accept-older': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      'max-download-mb': { type: 'string' },
      'max-unpacked-mb': { type: 'string' },
      'max-files': { type: 'string' },
    },
    USAGE,
  );
  if (!v.from) throw new UsageError(`缺少 --from（导出目录、压缩包或 http(s) 地址）\n用法：${USAGE}`);
  if (!v.out) throw new UsageError(`缺少 --out（发布根目录）\n用法：${USAGE}`);
  // The one as-of parser of every script and the build (default: today in China Standard Time).
  const parsed = parseAsOf(v['as-of']);
  if (!parsed.ok) throw new UsageError(`--as-of ${parsed.message}`);
  const asOf = parsed.date;
  return {
    from: v.from,
    out: v.out,
    asOf,
    regions: portal.regions,
    siteUrl: portal.siteUrl,
    keep: wholeNumber('keep', v.keep, 7, 1),
    maxDrop: fraction('max-drop', v['max-drop'], 0.2),
    acceptDrop: v['accept-drop'] ?? false,
    acceptOlder: v['accept-older'] ?? false,
    download: { timeoutMs: wholeNumber('timeout', v.timeout, 600, 1) * 1000, retries: wholeNumber('retries', v.retries, 2), retryDelayMs: 2000, maxBytes: wholeNumber('max-download-mb', v['max-download-mb'], 500, 1) * MB },
    unpack: { maxBytes: wholeNumber('max-unpacked-mb', v['max-unpacked-mb'], 2000, 1) * MB, maxFiles: wholeNumber('max-files', v['max-files'], 200_000, 1) },
  };
}

let opts: ReturnType<typeof options>;
try {
  opts = options();
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(e.message);
  process.exit(2);
}

const log = (line: string) => console.log(`[publish] ${line}`);
try {
  const release = await publishRelease({ ...opts, build: astroBuild(resolve(import.meta.dirname, '..')), log });
  const c = release.changes;
  log(`已发布 ${release.id}：${resolve(opts.out, 'current')} → ${release.dir}`);
  log(c.previous ? `与 ${c.previous.as_of} 的版本相比：新公示 ${c.published.length}，停止公示 ${c.withdrawn.length}，内容更新 ${c.changed.length}${changeCount(c) ? '' : '（无变化）'}` : '首次发布');
  if (release.pruned.length) log(`移除旧版本（后台删除）：${release.pruned.join('、')}`);
  // What was rejected and why, at once (portal.md): the rows rejected and the warnings, as validate prints them.
  for (const line of summarize(JSON.parse(readFileSync(release.reportPath, 'utf8')), PROBLEMS_SHOWN).split('\n')) log(line);
  log(`报告：${release.reportPath}`);
} catch (e) {
  if (!(e instanceof ReleaseFailure)) {
    console.error(`[publish] 发布失败（意外错误），${resolve(opts.out, 'current')} 未改动：`, e);
    process.exit(1);
  }
  console.error(`[publish] 发布失败（阶段 ${e.stage}）：${e.message}`);
  if (e.stage === 'safety' && e.reportPath) {
    try {
      console.error(formatSafetyProblems(JSON.parse(readFileSync(e.reportPath, 'utf8')).safety.problems));
    } catch {
      // the report is named below either way
    }
  }
  console.error(`[publish] 报告：${e.reportPath ?? '（本次没有生成报告）'}`);
  const current = resolve(opts.out, 'current');
  console.error(
    existsSync(current) ? `[publish] 正在提供的版本未改动：${current}`
    // A link whose release is gone (removed by hand): there, but not for existsSync.
    : lstatSync(current, { throwIfNoEntry: false })?.isSymbolicLink() ? `[publish] ${current} 指向的版本不存在，网站无法访问：重新发布，或运行 npm run rollback -- --out ${opts.out} 改为指向保留的最新版本`
    : `[publish] 尚无正在提供的版本（${current} 不存在），未做任何更改`,
  );
  process.exit(1);
}
