/**
 * A child process of checkBuiltSiteInParallel (checks.ts; run with `node`, types stripped):
 * checks its share of the output's files and replies with the problems found.
 */
import { answerChildJob } from '../child-job.ts';
import type { CheckJob, CheckReply } from './checks.ts';
import { checkFiles } from './file-checks.ts';

answerChildJob<CheckJob, CheckReply>((job) => ({ ok: true, problems: checkFiles(job.outDir, job.files, job.siteUrl, new Set(job.codes)) }));
