/**
 * A child process of checkBuiltSiteInParallel (checks.ts; run with `node`, types stripped):
 * checks its share of the output's files and replies with the problems found.
 */
import { checkFiles, type CheckJob, type CheckReply } from './checks.ts';

process.once('message', (job: CheckJob) => {
  let reply: CheckReply;
  try {
    reply = { ok: true, problems: checkFiles(job.outDir, job.files, job.siteUrl, new Set(job.codes)) };
  } catch (e) {
    reply = { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  process.send!(reply, () => process.exit(reply.ok ? 0 : 1));
});
