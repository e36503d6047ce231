/**
 * The disk a build benchmark needs (scripts/bench/build.ts). Every build's output and its
 * floor's files are moved aside, not deleted, until the run ends (deleting tens of thousands
 * of files slows the disk for minutes), so a run needs room for all of them at once: one that
 * filled the shared disk stopped every tool on the machine until files were freed by hand.
 */
import { statfsSync } from 'node:fs';

/**
 * Disk space a build takes per commitment, with margin: at 20,000 records the site took
 * 728 MiB on disk, its reads folder 115 MiB and its floor's files 934 MiB (93 KB a record;
 * most files are smaller than a 4 KiB block, so the disk holds more than their bytes).
 */
const DISK_PER_RECORD = 96 * 1024;
/**
 * Disk space the Astro floor's site takes per commitment (scripts/bench/astro-floor/): at
 * 20,000 records, 28,979 pages of 8 KB took 340 MiB (17.4 KiB a record).
 */
const ASTRO_FLOOR_PER_RECORD = 18 * 1024;

/**
 * Bytes a run keeps on disk until it ends: per run a full build and a daily rebuild, then the
 * next day's export in full; and with `astroFloor`, per run the Astro floor's site.
 */
export function benchDiskNeed(records: number, runs: number, astroFloor: boolean): number {
  return (2 * runs + 1) * records * DISK_PER_RECORD + (astroFloor ? runs * records * ASTRO_FLOOR_PER_RECORD : 0);
}

/** Bytes free to this process on the disk that holds `dir`. */
export function freeBytes(dir: string): number {
  const { bavail, bsize } = statfsSync(dir);
  return bavail * bsize;
}
