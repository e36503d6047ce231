/**
 * `npm run build`: `astro build` in a child process with the build's Node flags
 * (src/lib/release/astro-build.ts), the environment passed through; exits with its status.
 */
import { spawn } from 'node:child_process';
import { astroBuildCommand } from '../src/lib/release/astro-build.ts';

const [command, ...args] = astroBuildCommand(process.cwd());
const child = spawn(command!, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
