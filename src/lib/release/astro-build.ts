/** The build step of a release: the build command in a child process, with the PORTAL_* variables. */
import { spawn } from 'node:child_process';
import { buildCommand } from './build-command.ts';
import type { BuildRequest } from './publish.ts';
import { REUSE_ENV } from './page-reuse.ts';
import { UPDATES_ENV } from './updates.ts';

export function astroBuild(projectRoot: string, stdio: 'inherit' | 'ignore' = 'inherit'): (request: BuildRequest) => Promise<void> {
  return (req) =>
    new Promise((ok, fail) => {
      const [command, ...args] = buildCommand(projectRoot);
      const child = spawn(command!, args, {
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
          ...(req.reuseFrom ? { [REUSE_ENV]: req.reuseFrom } : {}),
        },
      });
      child.on('error', fail);
      child.on('exit', (code, signal) => (code === 0 ? ok() : fail(new Error(`站点构建失败（${signal ?? `退出码 ${code}`}）`))));
    });
}
