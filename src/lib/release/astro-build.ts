/** The build step of a release: the build command in a child process, with the PORTAL_* variables. */
import { spawn } from 'node:child_process';
import { buildCommand } from './build-command.ts';
import { STOP_SIGNALS } from '../child-job.ts';
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
      // Stopped from outside while it builds: the build stops too (it stops Astro and its workers), and the release fails as any failed build does.
      const stop = (signal: NodeJS.Signals) => child.kill(signal);
      for (const signal of STOP_SIGNALS) process.on(signal, stop);
      // A child that never started emits only 'error': the signals are this process's own again either way.
      const done = () => {
        for (const s of STOP_SIGNALS) process.off(s, stop);
      };
      child.on('error', (e) => {
        done();
        fail(e);
      });
      child.on('exit', (code, signal) => {
        done();
        if (code === 0) ok();
        else fail(new Error(`站点构建失败（${signal ?? `退出码 ${code}`}）`));
      });
    });
}
