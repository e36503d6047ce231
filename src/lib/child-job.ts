/**
 * One job in a child process, both sides: the parent forks a script and sends the job as the
 * first IPC message; the child answers with one reply and exits. Used by the search index's
 * and the safety checks' workers, so that work spreads over the cores.
 */
import { fork, type Serializable } from 'node:child_process';

/** A child's reply when its job failed: the errors that stopped it. */
export interface JobFailure {
  ok: false;
  errors: string[];
}

/** Runs `script` with `job`; resolves with its reply, rejects when it exits without one. */
export function runChildJob<Job extends Serializable, Reply>(script: string, job: Job, { what, execArgv = [] }: { what: string; execArgv?: string[] }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced', execArgv: [...process.execArgv, ...execArgv] });
    let reply: Reply | undefined;
    child.once('message', (m) => (reply = m as Reply));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (reply) resolve(reply);
      else reject(new Error(`${what}子进程异常退出（退出码 ${code}）`));
    });
    child.send(job);
  });
}

/** The child's side: answers the first message with `handle`'s reply (a throw becomes its error), then exits. */
export function answerChildJob<Job, Reply extends { ok: boolean }>(handle: (job: Job) => Promise<Reply | JobFailure> | Reply | JobFailure): void {
  process.once('message', (job: Job) => {
    Promise.resolve()
      .then(() => handle(job))
      .catch((e: unknown): JobFailure => ({ ok: false, errors: [e instanceof Error ? (e.stack ?? e.message) : String(e)] }))
      .then((reply) => process.send!(reply, () => process.exit(reply.ok ? 0 : 1)));
  });
}
