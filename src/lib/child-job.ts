/**
 * One job in a child process, both sides: the parent forks a script and sends the job as the
 * first IPC message; the child answers with one reply and exits. Used by the search index's
 * and the safety checks' workers, so that work spreads over the cores. Or a child that takes
 * jobs one after another at the lowest priority (ChildJobs, answerChildJobs): the search index's
 * shards built while Astro renders.
 */
import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { setPriority } from 'node:os';

/** The argument ChildJobs forks a script with: serve jobs one after another rather than answer one. */
const SERVE = '--serve-jobs';

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

/** Why a job failed, as its reply. */
const failure = (e: unknown): JobFailure => ({ ok: false, errors: [e instanceof Error ? (e.stack ?? e.message) : String(e)] });

/**
 * A child process that runs `script`'s jobs one at a time, at the lowest priority, until ended:
 * it takes only the CPU the rest of the build leaves idle.
 */
export class ChildJobs<Job extends Serializable, Reply> {
  readonly #child: ChildProcess;
  readonly #what: string;
  #waiting?: { resolve: (reply: Reply) => void; reject: (e: Error) => void };
  #exited = false;

  constructor(script: string, { what, execArgv = [] }: { what: string; execArgv?: string[] }) {
    this.#what = what;
    this.#child = fork(script, [SERVE], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced', execArgv: [...process.execArgv, ...execArgv] });
    setPriority(this.#child.pid!, 19);
    this.#child.on('message', (m) => {
      this.#waiting?.resolve(m as Reply);
      this.#waiting = undefined;
    });
    this.#child.once('exit', (code) => {
      this.#exited = true;
      this.#waiting?.reject(new Error(`${what}子进程异常退出（退出码 ${code}）`));
      this.#waiting = undefined;
    });
    // A send the channel cannot take (the child has gone): that job fails, not the parent.
    this.#child.on('error', (e) => {
      this.#waiting?.reject(new Error(`${what}子进程出错：${e.message}`));
      this.#waiting = undefined;
    });
  }

  /** Runs a job; one at a time. */
  run(job: Job): Promise<Reply> {
    if (this.#waiting) throw new Error(`${this.#what}子进程正忙`);
    // Its channel closes (it exits, or end() let it go) before its exit is reported.
    if (this.#exited || !this.#child.connected) return Promise.reject(new Error(`${this.#what}子进程已退出`));
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#child.send(job);
    });
  }

  /** Lets the child exit once its job, if any, is answered. */
  end(): void {
    if (this.#child.connected) this.#child.disconnect();
  }
}

/** The child's side of a script that may serve jobs: when forked by ChildJobs, answers each job until the parent disconnects; else answerChildJob. */
export function answerChildJobs<Job, Reply extends { ok: boolean }>(handle: (job: Job) => Promise<Reply | JobFailure> | Reply | JobFailure): void {
  if (process.argv.includes(SERVE)) {
    process.on('message', (job: Job) => {
      Promise.resolve()
        .then(() => handle(job))
        .catch(failure)
        .then((reply) => process.send!(reply));
    });
    // The parent disconnects to end it (ChildJobs.end), or has gone.
    process.once('disconnect', () => process.exit(0));
  } else answerChildJob(handle);
}

/** The child's side: answers the first message with `handle`'s reply (a throw becomes its error), then exits. */
export function answerChildJob<Job, Reply extends { ok: boolean }>(handle: (job: Job) => Promise<Reply | JobFailure> | Reply | JobFailure): void {
  process.once('message', (job: Job) => {
    Promise.resolve()
      .then(() => handle(job))
      .catch(failure)
      .then((reply) => process.send!(reply, () => process.exit(reply.ok ? 0 : 1)));
  });
}
