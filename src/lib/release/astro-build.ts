/** The build step of a release: `astro build` in a child process, with the PORTAL_* variables. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { BuildRequest } from './publish.ts';
import { UPDATES_ENV } from './updates.ts';

export function astroBuild(projectRoot: string, stdio: 'inherit' | 'ignore' = 'inherit'): (request: BuildRequest) => Promise<void> {
  return (req) =>
    new Promise((ok, fail) => {
      const child = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
        cwd: projectRoot,
        stdio: ['ignore', stdio, stdio],
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          PORTAL_EXPORT: req.exportDir,
          PORTAL_AS_OF: req.asOf,
          PORTAL_OUT_DIR: req.outDir,
          PORTAL_REPORT: req.reportPath,
          [UPDATES_ENV]: req.updatesPath,
        },
      });
      child.on('error', fail);
      child.on('exit', (code, signal) => (code === 0 ? ok() : fail(new Error(`astro build 失败（${signal ?? `退出码 ${code}`}）`))));
    });
}
