/**
 * The build command (scripts/build.ts) and how it starts Astro: the heap limit sized from the
 * export, and the file through which the Astro process hands its decisions on. No import
 * beyond Node's and build-env.ts: the build command waits beside Astro and should stay small
 * (importing the pipeline cost it 54 MB).
 */
import { mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildExportDir } from '../pipeline/build-env.ts';

/** Where the Astro process writes the published facts for the steps after it (src/integrations/published-facts.ts). */
export const PUBLISHED_FACTS_ENV = 'PORTAL_PUBLISHED_FACTS';

const MB = 2 ** 20;

/** Bytes of an export's data files (its CSVs and case files; not the attachments, which are copied, not held). */
export function exportDataBytes(dir: string): number {
  let bytes = 0;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      // Only the attachments folder: a prefix test would also skip an `attachments.csv`.
      if (relative(dir, path).split(sep)[0] !== 'attachments') bytes += statSync(path).size;
    }
  } catch {
    // No such export: the build itself reports it (file and reason); the heap stays the smallest.
  }
  return bytes;
}

/**
 * The build process's heap limit, from the export's size. With memory to spare, V8 lets a
 * heap fill with garbage long before it collects: the Astro process held at most 230 MB live
 * at 20,000 records and 790 MB at 100,000 (after each full collection, --trace-gc), yet its
 * RSS grew to 1.3 and 3.9 GB. Live is about 94 MB + 3.9× the export's data bytes; the limit,
 * 384 MB + 6×, is 1.8–2.6× that (593 MB at 20,000, 1,450 MB at 100,000: 15 full collections
 * in a 100,000-record build). An export that needs more is built again without a limit
 * (scripts/build.ts).
 */
export const buildHeapMB = (dataBytes: number): number => 384 + Math.ceil((6 * dataBytes) / MB);

/**
 * The heap limit of the thread that reads pages while Astro renders (src/integrations/page-scan.ts):
 * it holds its code (~10 MB) and a summary of each file read (the search index's, what
 * identifies the file, and the digest and links the next day's build reuses, page-reads.ts):
 * 46.6 MB after the 28,979 pages of 20,000 records (35 MB of export data). About twice that,
 * so that the short-lived parse garbage fits; the thread stops reading once it holds three
 * quarters of the limit (with one export MB a data MB, it stopped after 125,072 of the 144,780
 * pages of 100,000 records).
 */
const scanHeapMB = (dataBytes: number): number => 32 + Math.ceil((2 * dataBytes) / MB);

/**
 * The heap limits of this build, from the export in PORTAL_EXPORT (its folder walked once):
 * the Astro process's (PORTAL_BUILD_HEAP_MB when set) and the reading thread's.
 */
export function buildHeaps(projectRoot: string): { astroMB: number; scanMB: number } {
  const set = process.env.PORTAL_BUILD_HEAP_MB;
  if (set !== undefined && !/^[1-9]\d*$/.test(set)) throw new Error(`PORTAL_BUILD_HEAP_MB 应为正整数（MB），而不是「${set}」`);
  const dataBytes = exportDataBytes(resolve(projectRoot, buildExportDir()));
  return { astroMB: set === undefined ? buildHeapMB(dataBytes) : Number(set), scanMB: scanHeapMB(dataBytes) };
}

/** `astro build` (run by scripts/build.ts): node with the heap limit (none when undefined), astro. */
export function astroCommand(projectRoot: string, heapMB: number | undefined): string[] {
  return [process.execPath, ...(heapMB ? [`--max-old-space-size=${heapMB}`] : []), join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'];
}

/**
 * The whole build (scripts/build.ts: Astro, then the search index and the safety checks):
 * what every caller runs — `npm run build`, `npm run publish`, the benches, the e2e tests.
 */
export const buildCommand = (projectRoot: string): string[] => [process.execPath, join(projectRoot, 'scripts/build.ts')];

/**
 * The output folder as the Astro process is given it (absolute paths). Astro 7 takes a folder
 * whose path only begins with the project's (`/srv/portal-live` beside a checkout at
 * `/srv/portal`) for one inside the project (`getOutDirWithinCwd` compares the strings), writes
 * its prerender bundle into it, and from there the bundle cannot import the project's packages:
 * the build failed with `Cannot find package`. Such a folder is given through a link in `linkDir`,
 * as a folder Astro rightly sees outside the project, and its reads folder (page-reads.ts readsDir)
 * through a link beside it. Any other folder is given as it is.
 */
export function astroOutDir(root: string, outDir: string, reads: string, linkDir: string): string {
  const path = relative(root, outDir);
  const inside = path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
  if (inside || !outDir.startsWith(root)) return outDir;
  const link = join(linkDir, 'site');
  if (link.startsWith(root)) throw new Error(`输出目录 ${outDir} 的路径以项目目录 ${root} 开头，Astro 会把它当作项目内的目录而构建失败；请换一个输出目录`);
  mkdirSync(outDir, { recursive: true });
  symlinkSync(outDir, link, 'dir');
  symlinkSync(reads, `${link}.reads`, 'dir');
  return link;
}
