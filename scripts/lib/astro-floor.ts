/**
 * The Astro floor of the build benchmark (scripts/bench/build.ts): the seconds Astro itself
 * needs to build as many pages of the same average size as a build wrote, with nothing in
 * them (scripts/bench/astro-floor/: one route, fixed text, no components, no data, the
 * portal's build options). No build that renders its pages with Astro on this machine is
 * faster, so it tells a time target that Astro alone would miss from one the portal misses.
 */
import { execFileSync } from 'node:child_process';

/** Builds the floor site of `pages` pages of about `bytes` bytes into `outDir`; returns the wall seconds, timed from outside. */
export function buildAstroFloor(outDir: string, pages: number, bytes: number): number {
  const t0 = performance.now();
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--root', 'scripts/bench/astro-floor'], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_FLOOR_OUT: outDir, ASTRO_FLOOR_PAGES: String(pages), ASTRO_FLOOR_BYTES: String(bytes) },
    stdio: 'ignore',
  });
  return (performance.now() - t0) / 1000;
}
