/**
 * Builds the site once from an export into a temporary folder (PORTAL_OUT_DIR), with the
 * build report in the same temporary folder so tests never touch reports/ or dist/.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildCommand } from '../../../src/lib/release/build-command.ts';
import { tempDir } from '../../unit/support/temp-dir.ts';

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURE_EXPORT = join(ROOT, 'test/fixtures/exports/good');
export const FIXTURE_AS_OF = '2026-11-28';

export interface BuiltSite {
  outDir: string;
  reportPath: string;
  /** What the build printed. */
  log: string;
}

/** `env`: more PORTAL_* settings (the daily rebuild's PORTAL_REUSE_FROM). */
export async function buildSite(exportDir = FIXTURE_EXPORT, asOf = FIXTURE_AS_OF, env: Record<string, string> = {}): Promise<BuiltSite> {
  const folder = tempDir('portal-e2e-');
  const outDir = join(folder, 'site');
  const reportPath = join(folder, 'build-report.json');
  const [command, ...args] = buildCommand(ROOT);
  try {
    const { stdout, stderr } = await run(command!, args, {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PORTAL_EXPORT: exportDir, PORTAL_AS_OF: asOf, PORTAL_OUT_DIR: outDir, PORTAL_REPORT: reportPath, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { outDir, reportPath, log: stdout + stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`astro build failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}
