/**
 * The search index's shards built while Astro renders. Astro renders the searchable pages first,
 * in shard order (the profiles, then the records and cases newest first), and tells the build
 * command that order before its first page (written-pages.ts, src/site/search-order.ts). As the
 * reading thread extracts them (page-scan.ts), or a daily rebuild's copier copies their lines from
 * the previous release (page-copy.ts), each shard whose pages have all arrived is
 * built by one index worker thread at the lowest priority, on the core the rendering leaves idle, where
 * the shards used to be built only once the Astro process had exited (at 100,000 records, about
 * 40 s on the build's critical path).
 *
 * Nothing built here decides the index. After Astro, the search index plans its shards from
 * what was extracted, as it always has (search-index.ts), and takes a shard built here only if
 * it was built from exactly the same page lines (the same bytes of the same extraction file)
 * with the same known-phrase keys, which make a shard's files (shard-index.ts, known.ts); it
 * builds any other shard itself. A page read before Astro had finished it, or a page the order did
 * not foresee, only leaves more to that step.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ThreadJobs } from '../lib/child-job.ts';
import { shardsInOrder, type PlannedShard } from '../lib/search/shards.ts';
import type { SearchOrder } from '../site/search-order.ts';
import type { PageRef } from './search-extraction.ts';
import type { BuiltShard, ShardJob, WorkerJob, WorkerReply } from './search-index-worker.ts';

/** A shard built while Astro rendered: from which lines and keys, and what its worker answered. */
export interface StreamedShard {
  refs: readonly PageRef[];
  keys: readonly string[];
  job: ShardJob;
  built: BuiltShard;
  /** Its files whose safety checks found nothing left to check (relative to the output folder). */
  checked: string[];
}

/** What the stream hands the index: the shards it built, and the pages it foresaw in every shard. */
export interface StreamedShards {
  shards: ReadonlyMap<string, StreamedShard>;
  foreseen: ReadonlyMap<string, readonly string[]>;
}

/** How many planned shards hold other pages than the order foresaw (their pages were rendered out of shard order). */
export const unforeseen = (planned: readonly PlannedShard<PageRef>[], foreseen: ReadonlyMap<string, readonly string[]>): number =>
  planned.filter((s) => {
    const urls = foreseen.get(s.name);
    return !urls || urls.length !== s.pages.length || s.pages.some((p, i) => p.url !== urls[i]);
  }).length + [...foreseen.keys()].filter((name) => !planned.some((s) => s.name === name)).length;

/** Whether a shard built while Astro rendered is the shard the index plans now, with these keys. */
export function sameShard(streamed: StreamedShard, planned: PlannedShard<PageRef>, keys: readonly string[]): boolean {
  const a = streamed.refs;
  const b = planned.pages;
  return a.length === b.length && a.every((r, i) => r.url === b[i]!.url && r.file === b[i]!.file && r.offset === b[i]!.offset && r.length === b[i]!.length) && streamed.keys.length === keys.length && streamed.keys.every((k, i) => k === keys[i]);
}

/** A shard of the order, and its pages' lines as they arrive. */
interface Expected {
  name: string;
  urls: string[];
  refs: (PageRef | undefined)[];
  missing: number;
}

/** A shard's build job, as the index and the stream give it: its folder under `searchDir`, and its lines for the lookup tables in `tmp`. */
export const shardJob = (name: string, refs: PageRef[], searchDir: string, tmp: string): ShardJob => ({
  name,
  outputPath: join(searchDir, name),
  tokensPath: join(tmp, `${name}.tokens`),
  numbersPath: join(tmp, `${name}.number`),
  knownPath: join(tmp, `${name}.known`),
  refs,
});

/** The known-phrase keys of a set of pages, as the index takes them (search-index.ts). */
export const knownKeys = (refs: readonly PageRef[]): string[] => [...new Set(refs.flatMap((r) => r.keys ?? []))].sort();

export class ShardStream {
  readonly #expected: Expected[] = [];
  readonly #at = new Map<string, { shard: Expected; index: number }>();
  readonly #outDir: string;
  readonly #searchDir: string;
  readonly #tmp: string;
  readonly #siteUrl: string;
  readonly #workerScript: string;
  readonly #built = new Map<string, StreamedShard>();
  /** The profiles' keys, once every profile is extracted: every shard is built with them. */
  #keys?: string[];
  #next = 0;
  #worker?: ThreadJobs<WorkerJob, WorkerReply>;
  #running?: Promise<void>;
  #stopped = false;
  /** The first failure: nothing more is built here, and the index builds it all after Astro. */
  #failed?: string;

  /**
   * `searchDir`: the index's folder (emptied now: its shards are written there); `tmp`: a folder
   * for the shards' lines of the lookup tables, which the index reads after Astro.
   */
  constructor(order: SearchOrder, perShard: number, { outDir, searchDir, tmp, workerScript }: { outDir: string; searchDir: string; tmp: string; workerScript: string }) {
    this.#outDir = outDir;
    this.#searchDir = searchDir;
    this.#tmp = tmp;
    this.#siteUrl = order.siteUrl;
    this.#workerScript = workerScript;
    // The shards as the index plans them of these pages (shards.ts).
    for (const { name, pages: urls } of shardsInOrder(order, perShard)) {
      const shard: Expected = { name, urls, refs: new Array(urls.length), missing: urls.length };
      urls.forEach((url, index) => this.#at.set(url, { shard, index }));
      this.#expected.push(shard);
    }
    // No profiles: no known-phrase keys to wait for.
    if (!order.profiles.length) this.#keys = [];
    rmSync(searchDir, { recursive: true, force: true });
    mkdirSync(searchDir, { recursive: true });
  }

  /** Pages extracted (their lines written out): builds every shard they complete, in order. */
  add(refs: readonly PageRef[]): void {
    for (const ref of refs) {
      const at = this.#at.get(ref.url);
      if (!at || at.shard.refs[at.index]) continue;
      at.shard.refs[at.index] = ref;
      at.shard.missing--;
    }
    this.#build();
  }

  #build(): void {
    if (this.#running || this.#stopped || this.#failed) return;
    if (!this.#keys) {
      const profiles = this.#expected[0]!;
      if (profiles.missing) return;
      this.#keys = knownKeys(profiles.refs as PageRef[]);
    }
    const shard = this.#expected[this.#next];
    if (!shard || shard.missing) return;
    this.#next++;
    this.#running = this.#run(shard, this.#keys).finally(() => {
      this.#running = undefined;
      this.#build();
    });
  }

  async #run(shard: Expected, keys: string[]): Promise<void> {
    const refs = shard.refs as PageRef[];
    const job = shardJob(shard.name, refs, this.#searchDir, this.#tmp);
    // Its heap as the index's other shard builders have it (search-index.ts).
    this.#worker ??= new ThreadJobs(this.#workerScript, { what: '搜索索引', heapMB: 256 });
    try {
      const reply = await this.#worker.run({ job: 'build', outDir: this.#outDir, siteUrl: this.#siteUrl, keys, shards: [job] });
      if (!reply.ok) this.#failed = reply.errors.join('\n');
      else if (reply.job === 'build') this.#built.set(shard.name, { refs, keys, job, built: reply.shards[0]!, checked: reply.checked });
    } catch (e) {
      this.#failed = e instanceof Error ? e.message : String(e);
    }
  }

  /** Resolves when no shard is being built and none can start with the pages extracted so far. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Stops building (Astro has exited): resolves, once the shard under way is built, with what was built. */
  async finish(): Promise<StreamedShards & { failed?: string }> {
    this.#stopped = true;
    await this.settled();
    await this.#worker?.end();
    return { shards: this.#built, foreseen: new Map(this.#expected.map((e) => [e.name, e.urls])), ...(this.#failed ? { failed: this.#failed } : {}) };
  }
}
