/**
 * One job in a child process, both sides: the parent forks a script and sends the job as the
 * first IPC message; the child answers with one reply and exits. Used by the search index's
 * and the safety checks' workers, so that work spreads over the cores. Or the same script in a
 * worker thread that takes jobs one after another at the lowest priority (ThreadJobs,
 * answerJobs): the search index's shards built while Astro renders.
 */
import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** What a ThreadJobs thread is started with: serve jobs one after another rather than answer one. */
const SERVE = 'portal-serve-jobs';

/** A child's reply when its job failed: the errors that stopped it. */
export interface JobFailure {
  ok: false;
  errors: string[];
}

/** The signals that stop a build from outside: a CI timeout or `kill` (TERM), Ctrl+C (INT), a closed terminal (HUP). */
export const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** The child processes of runChildJob still running. */
const running = new Set<ChildProcess>();

/** Sends `signal` to every child job still running (the build stopped from outside: none may go on as an orphan). */
export function stopChildJobs(signal: NodeJS.Signals): void {
  for (const child of running) child.kill(signal);
}

/** Runs `script` with `job`; resolves with its reply, rejects when it exits without one. */
export function runChildJob<Job extends Serializable, Reply>(script: string, job: Job, { what, execArgv = [] }: { what: string; execArgv?: string[] }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced', execArgv: [...process.execArgv, ...execArgv] });
    running.add(child);
    let reply: Reply | undefined;
    child.once('message', (m) => (reply = m as Reply));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (reply) resolve(reply);
      else reject(new Error(`${what}子进程异常退出（${signal ? `信号 ${signal}` : `退出码 ${code}`}）`));
    });
    child.send(job);
  });
}

/** Why a job failed, as its reply. */
const failure = (e: unknown): JobFailure => ({ ok: false, errors: [e instanceof Error ? (e.stack ?? e.message) : String(e)] });

/** A job under way: how to answer its caller. */
interface Waiting<Reply> {
  resolve: (reply: Reply) => void;
  reject: (e: Error) => void;
}

/**
 * A worker thread of this process that runs `script`'s jobs one at a time, at the lowest
 * priority, until ended: it takes only the CPU the rest of the build leaves idle. A thread, not
 * a child process: it shares this process's runtime, where a child held 100 MB before its first job.
 */
export class ThreadJobs<Job, Reply> {
  readonly #worker: Worker;
  readonly #what: string;
  #waiting?: Waiting<Reply>;
  #exited = false;

  /** `heapMB`: the thread's old generation; its young one is small, as its garbage dies young. */
  constructor(script: string, { what, heapMB }: { what: string; heapMB: number }) {
    this.#what = what;
    this.#worker = new Worker(script, { workerData: { [SERVE]: true }, resourceLimits: { maxOldGenerationSizeMb: heapMB, maxYoungGenerationSizeMb: 8 } });
    this.#worker.on('message', (m) => this.#settle((w) => w.resolve(m as Reply)));
    // An uncaught error, or the heap limit reached: the job fails, the thread exits after.
    this.#worker.on('error', (e: Error) => this.#settle((w) => w.reject(new Error(`${what}线程出错：${e.message}`))));
    this.#worker.once('exit', (code) => {
      this.#exited = true;
      this.#settle((w) => w.reject(new Error(`${what}线程异常退出（退出码 ${code}）`)));
    });
  }

  #settle(how: (waiting: Waiting<Reply>) => void): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) how(waiting);
  }

  /** Runs a job; one at a time. */
  run(job: Job): Promise<Reply> {
    if (this.#waiting) throw new Error(`${this.#what}线程正忙`);
    if (this.#exited) return Promise.reject(new Error(`${this.#what}线程已退出`));
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#worker.postMessage(job);
    });
  }

  /** Ends the thread; call it when no job is under way. */
  async end(): Promise<void> {
    if (!this.#exited) await this.#worker.terminate();
  }
}

/** A job script's side: in a ThreadJobs thread, answers each job in turn at the lowest priority; in a child process, answerChildJob. */
export function answerJobs<Job, Reply extends { ok: boolean }>(handle: (job: Job) => Promise<Reply | JobFailure> | Reply | JobFailure): void {
  if (!isMainThread && (workerData as Record<string, unknown> | null)?.[SERVE]) {
    // This thread only: Linux sets the priority per thread.
    setPriority(19);
    parentPort!.on('message', (job: Job) => {
      Promise.resolve()
        .then(() => handle(job))
        .catch(failure)
        .then((reply) => parentPort!.postMessage(reply));
    });
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
