/**
 * Runs the post-build safety checks (src/lib/safety/checks.ts) on every build, at
 * astro:build:done after the search index is written (so the index is checked too). Any
 * problem fails the build; the problems are added to the build report under `safety`.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import portal from '../../portal.config.ts';
import { buildReportPath, ingestForBuild } from '../lib/pipeline/build-input.ts';
import { checkBuiltSiteInParallel, formatSafetyProblems, type SafetyProblem } from '../lib/safety/checks.ts';

async function addToReport(problems: SafetyProblem[]) {
  const path = buildReportPath();
  const report = JSON.parse(await readFile(path, 'utf8'));
  await writeFile(path, JSON.stringify({ ...report, safety: { passed: problems.length === 0, problems } }, null, 2) + '\n');
}

export default function safetyChecks(): AstroIntegration {
  let workerScript = '';
  return {
    name: 'portal-safety',
    hooks: {
      'astro:config:done': ({ config }) => {
        workerScript = fileURLToPath(new URL('src/lib/safety/check-worker.ts', config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const t0 = performance.now();
        const outDir = fileURLToPath(dir).replace(/\/$/, '');
        // Nothing else runs at this point of the build: the file checks take every core.
        const problems = await checkBuiltSiteInParallel(outDir, { siteUrl: portal.siteUrl, records: await ingestForBuild() }, availableParallelism(), workerScript);
        await addToReport(problems);
        if (problems.length > 0) throw new Error(`构建输出未通过安全检查（${problems.length} 处，详见 ${buildReportPath()}）：\n${formatSafetyProblems(problems)}`);
        logger.info(`安全检查通过，用时 ${((performance.now() - t0) / 1000).toFixed(2)} 秒`);
      },
    },
  };
}
