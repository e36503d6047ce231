/**
 * Samples the resident memory and CPU time of a process and all its descendants from /proc
 * (Linux), for the search index's own report and the search benchmark.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux
const PAGE = 4096;

interface Proc {
  pid: number;
  ppid: number;
  rss: number;
  cpu: number;
  comm: string;
}

function readProcs(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      // fields after comm: state(0) ppid(1) … utime(11) stime(12) … rss(21)
      out.push({ pid: +name, ppid: +f[1]!, cpu: (+f[11]! + +f[12]!) / TICKS, rss: +f[21]! * PAGE, comm });
    } catch {
      /* the process ended while we looked */
    }
  }
  return out;
}

export interface TreeSample {
  rss: number;
  byComm: Record<string, number>;
}

export class TreeSampler {
  peakRss = 0;
  /** Peak of the descendants alone (without the root process). */
  peakChildrenRss = 0;
  peakByComm: Record<string, number> = {};
  /** pid → highest CPU seconds seen (a process's own time, not its children's). */
  cpu = new Map<number, { cpu: number; comm: string }>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly root: number;
  private readonly exclude: ReadonlySet<number>;

  constructor(root: number = process.pid, exclude: Iterable<number> = []) {
    this.root = root;
    this.exclude = new Set(exclude);
  }

  sample(): TreeSample {
    const procs = readProcs();
    const kids = new Map<number, Proc[]>();
    for (const p of procs) {
      let list = kids.get(p.ppid);
      if (!list) kids.set(p.ppid, (list = []));
      list.push(p);
    }
    const self = procs.find((p) => p.pid === this.root);
    const stack = self ? [self] : [];
    let rss = 0;
    const byComm: Record<string, number> = {};
    while (stack.length) {
      const p = stack.pop()!;
      if (this.exclude.has(p.pid)) continue;
      rss += p.rss;
      byComm[p.comm] = (byComm[p.comm] ?? 0) + p.rss;
      const seen = this.cpu.get(p.pid);
      if (!seen || seen.cpu < p.cpu) this.cpu.set(p.pid, { cpu: p.cpu, comm: p.comm });
      stack.push(...(kids.get(p.pid) ?? []));
    }
    if (self && rss - self.rss > this.peakChildrenRss) this.peakChildrenRss = rss - self.rss;
    if (rss > this.peakRss) {
      this.peakRss = rss;
      this.peakByComm = byComm;
    }
    return { rss, byComm };
  }

  start(intervalMs = 200): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  /** CPU seconds of every process seen (optionally without the root's own). */
  cpuSeconds(withRoot = true): { total: number; byComm: Record<string, number> } {
    const byComm: Record<string, number> = {};
    let total = 0;
    for (const [pid, { cpu, comm }] of this.cpu) {
      if (!withRoot && pid === this.root) continue;
      total += cpu;
      byComm[comm] = +((byComm[comm] ?? 0) + cpu).toFixed(2);
    }
    return { total: +total.toFixed(2), byComm };
  }
}
