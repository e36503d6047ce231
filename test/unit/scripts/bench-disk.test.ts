import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { benchDiskNeed, freeBytes } from '../../../scripts/lib/bench-disk.ts';

test('a bench run needs room for every build it keeps until it ends', () => {
  // By hand: 100,000 records, one run → 3 builds × 100,000 × 96 KiB = 29,491,200,000 bytes,
  // and one Astro floor site, 100,000 × 18 KiB = 1,843,200,000 (about 29.2 GiB in all).
  assert.equal(benchDiskNeed(100_000, 1, true), 31_334_400_000);
  // Three runs keep seven builds, 7 × 20,000 × 98,304, and three Astro floor sites, 3 × 20,000 × 18,432.
  assert.equal(benchDiskNeed(20_000, 3, true), 14_868_480_000);
  // The CI run (2,000 records, one run, no Astro floor): 3 × 2,000 × 98,304, about 563 MiB.
  assert.equal(benchDiskNeed(2_000, 1, false), 589_824_000);
});

test('free bytes are what df says is available on the disk that holds the folder', () => {
  // df (coreutils), not statfs again: its "avail" column in bytes, for the same folder.
  const df = Number(execFileSync('df', ['-B1', '--output=avail', tmpdir()], { encoding: 'utf8' }).trim().split('\n')[1]);
  const free = freeBytes(tmpdir());
  // Other processes write meanwhile: within 64 MiB.
  assert.ok(Math.abs(free - df) < 64 * 2 ** 20, `freeBytes ${free}, df ${df}`);
});

test('the bench refuses a run the disk has no room for, before it writes anything', () => {
  // 100 million records: 3 × 10^8 × 98,304 + 10^8 × 18,432 bytes, about 28.5 TiB, more than any disk here has.
  // Killed after 20 s: a bench that does not refuse would start writing that export.
  const run = spawnSync(process.execPath, ['scripts/bench/build.ts', '--records', '100000000'], { encoding: 'utf8', timeout: 20_000 });
  const started = existsSync('bench-out/city-100000000');
  rmSync('bench-out/city-100000000', { recursive: true, force: true });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /磁盘空间不足：本次测试约需 29182\.\d GB/);
  assert.equal(started, false);
});
