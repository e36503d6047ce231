/**
 * The W3C Nu Html Checker (vnu-jar, run on the machine's Java) over built pages, in one JVM
 * call: every error as `path:line: message`.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ROOT } from './build.ts';
import { urlPathOf } from './site.ts';

const VNU_JAR = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

export async function htmlErrors(outDir: string, files: string[]): Promise<string[]> {
  // vnu exits 1 when it finds errors; the JSON report on stderr is what counts.
  const result = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (e: { stdout?: string; stderr?: string; code?: unknown }) => {
      if (typeof e.code !== 'number') throw new Error(`could not run the Nu Html Checker (is Java installed?): ${String(e.code)} ${e.stderr ?? ''}`);
      return { stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    },
  );
  const { messages } = JSON.parse(result.stderr || result.stdout) as { messages: VnuMessage[] };
  return messages.map((m) => `${m.url ? urlPathOf(outDir, fileURLToPath(m.url)) : '?'}:${m.lastLine ?? '?'}: ${m.type}: ${m.message}`);
}
