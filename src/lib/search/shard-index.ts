/**
 * The full-text index of one shard (shards.ts): our own, in place of a Pagefind bundle.
 * Pagefind cost ~5 ms and ~0.5 MB a page to build (about 60 % of a whole build at 20,000
 * records); this index is the same tokens (segment.ts) as positional postings, written in
 * one pass. Built in Node (ShardIndexBuilder), read in the browser (parseIndexFile,
 * matchPart); both sides are this file, so they agree on the format. Files under
 * <search dir>/<shard>/, each gzip (the caller compresses and decompresses):
 *
 *  - pages.json.gz: the shard's pages in shard order (their ids), as [kind, region, date,
 *    status, tokens]: for filters, date order and ranking, before any card is loaded.
 *  - index/<n>.bin.gz: the postings, hashed by key (routing.ts fnv1a) into `files` files of
 *    about INDEX_FILE_BYTES, so a query part loads one small file per token it checks.
 *  - card/<id>.json.gz: one page's result card (ShownResult), loaded when it is shown.
 *
 * Keys: each token (a Han bigram or run-closing unigram, or a word) with the pages and
 * positions it is at; and each Han character (CHAR_KEY + its 4 letters) with the pages and
 * how often, for a one-character query. Positions run on across a page's blocks with a gap of
 * one, so a phrase never matches across two blocks.
 */
import { fnv1a } from './routing.ts';
import { isHanToken } from './segment.ts';

/** A page of the shard, as pages.json.gz has it. */
export type IndexedPage = [kind: string, region: string, date: string, status: string, tokens: number];

/** The key of a Han character's page list (no token starts with it: tokens are letters and digits). */
export const CHAR_KEY = '~';
/** About this many raw bytes a postings file (a few KB after gzip). */
export const INDEX_FILE_BYTES = 24 * 1024;

/** The postings file of a key, among `files`. */
export const indexFile = (key: string, files: number): number => fnv1a(key) % files;

function pushVarint(out: number[], n: number): void {
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
}

class Reader {
  at = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  varint(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = this.bytes[this.at++]!;
      n += (b & 127) * 2 ** shift;
      if (b < 128) return n;
      shift += 7;
    }
  }
}

const utf8 = new TextEncoder();

/** Collects a shard's pages in shard order, then writes its files' contents. */
export class ShardIndexBuilder {
  private readonly pages: IndexedPage[] = [];
  /** key → flat [page id, position, …] (page ids ascending, positions ascending per page). */
  private readonly postings = new Map<string, number[]>();

  /** Adds the next page: its blocks' tokens (segment.ts), in order. Returns its id. */
  add(page: { kind: string; region: string; date: string; status: string }, blocks: readonly { tokens: readonly string[] }[]): number {
    const id = this.pages.length;
    let pos = 0;
    for (const { tokens } of blocks) {
      if (!tokens.length) continue;
      for (const t of tokens) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push(id, pos++);
      }
      pos++; // the gap between blocks
    }
    this.pages.push([page.kind, page.region, page.date, page.status, pos]);
    return id;
  }

  /** pages.json's text, and each postings file's bytes (index = file number). */
  files(): { pages: string; index: Uint8Array[] } {
    const entries: [string, number[]][] = [];
    const chars = new Map<string, Map<number, number>>();
    for (const [token, list] of this.postings) {
      const data: number[] = [];
      let pages = 0;
      let lastId = -1;
      for (let i = 0; i < list.length; ) {
        const id = list[i]!;
        let j = i;
        while (j < list.length && list[j] === id) j += 2;
        pushVarint(data, id - lastId - 1);
        pushVarint(data, (j - i) / 2);
        let lastPos = 0;
        for (let k = i; k < j; k += 2) {
          pushVarint(data, list[k + 1]! - lastPos);
          lastPos = list[k + 1]!;
        }
        if (isHanToken(token)) {
          const key = CHAR_KEY + token.slice(0, 4);
          let byPage = chars.get(key);
          if (!byPage) chars.set(key, (byPage = new Map()));
          byPage.set(id, (byPage.get(id) ?? 0) + (j - i) / 2);
        }
        pages++;
        lastId = id;
        i = j;
      }
      entries.push([token, withCount(pages, data)]);
    }
    for (const [key, byPage] of chars) {
      const data: number[] = [];
      let lastId = -1;
      for (const id of [...byPage.keys()].sort((a, b) => a - b)) {
        pushVarint(data, id - lastId - 1);
        pushVarint(data, byPage.get(id)!);
        lastId = id;
      }
      entries.push([key, withCount(byPage.size, data)]);
    }
    const raw = entries.reduce((n, [k, d]) => n + k.length + d.length + 4, 0);
    let files = 1;
    while (files * INDEX_FILE_BYTES < raw) files *= 2;
    const out = Array.from({ length: files }, (): number[] => []);
    for (const [key, data] of entries.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const bytes = out[indexFile(key, files)]!;
      const k = utf8.encode(key);
      pushVarint(bytes, k.length);
      for (const b of k) bytes.push(b);
      pushVarint(bytes, data.length);
      for (const b of data) bytes.push(b);
    }
    return { pages: JSON.stringify(this.pages), index: out.map((b) => Uint8Array.from(b)) };
  }
}

function withCount(pages: number, data: number[]): number[] {
  const out: number[] = [];
  pushVarint(out, pages);
  return out.concat(data);
}

/** A postings file: key → its bytes (decoded when asked). */
export type IndexFile = Map<string, Uint8Array>;

export function parseIndexFile(bytes: Uint8Array): IndexFile {
  const text = new TextDecoder();
  const r = new Reader(bytes);
  const m: IndexFile = new Map();
  while (r.at < bytes.length) {
    const kl = r.varint();
    const key = text.decode(bytes.subarray(r.at, r.at + kl));
    r.at += kl;
    const dl = r.varint();
    m.set(key, bytes.subarray(r.at, r.at + dl));
    r.at += dl;
  }
  return m;
}

/** A token's postings: page id → its positions. */
function positions(data: Uint8Array): Map<number, number[]> {
  const r = new Reader(data);
  const out = new Map<number, number[]>();
  let id = -1;
  for (let n = r.varint(); n > 0; n--) {
    id += r.varint() + 1;
    const ps: number[] = [];
    let p = 0;
    for (let c = r.varint(); c > 0; c--) ps.push((p += r.varint()));
    out.set(id, ps);
  }
  return out;
}

/** A character's pages: page id → how often. */
function counts(data: Uint8Array): Map<number, number> {
  const r = new Reader(data);
  const out = new Map<number, number>();
  let id = -1;
  for (let n = r.varint(); n > 0; n--) {
    id += r.varint() + 1;
    out.set(id, r.varint());
  }
  return out;
}

/** What one query part asks of the index (query.ts): a phrase of tokens, or one Han character. */
export type PartMatch = { phrase: string[] } | { char: string };

/**
 * The keys a part needs to be checked: a lone character's page list; for a phrase, every
 * word and unigram and every other bigram of a Han run (and its last), since the bigrams
 * at offsets 0, 2, 4… already pin every character of the run.
 */
export function partKeys(m: PartMatch): { key: string; offset: number }[] {
  if ('char' in m) return [{ key: CHAR_KEY + m.char, offset: 0 }];
  const out: { key: string; offset: number }[] = [];
  let runStart = -1;
  m.phrase.forEach((t, i) => {
    const bigram = t.length === 8 && isHanToken(t);
    if (!bigram) {
      runStart = -1;
      out.push({ key: t, offset: i });
      return;
    }
    if (runStart < 0) runStart = i;
    const lastOfRun = !(m.phrase[i + 1]?.length === 8 && isHanToken(m.phrase[i + 1]!));
    if ((i - runStart) % 2 === 0 || lastOfRun) out.push({ key: t, offset: i });
  });
  return out;
}

/**
 * The pages that hold a part, with how often: `data(key)` gives a key's postings (undefined
 * when no page of the shard has it). A phrase matches where every checked key is at its
 * offset from the phrase's start.
 */
export function matchPart(m: PartMatch, data: (key: string) => Uint8Array | undefined): Map<number, number> {
  const keys = partKeys(m);
  if ('char' in m) {
    const d = data(keys[0]!.key);
    return d ? counts(d) : new Map();
  }
  const lists: { offset: number; pages: Map<number, number[]> }[] = [];
  for (const { key, offset } of keys) {
    const d = data(key);
    if (!d) return new Map();
    lists.push({ offset, pages: positions(d) });
  }
  lists.sort((a, b) => a.pages.size - b.pages.size);
  const [first, ...rest] = lists;
  const out = new Map<number, number>();
  for (const [id, ps] of first!.pages) {
    const others = rest.map((l) => l.pages.get(id));
    if (others.some((o) => !o)) continue;
    const sets = others.map((o) => new Set(o));
    let n = 0;
    for (const p of ps) {
      const start = p - first!.offset;
      if (rest.every((l, i) => sets[i]!.has(start + l.offset))) n++;
    }
    if (n) out.set(id, n);
  }
  return out;
}

/**
 * Relevance: BM25's term-frequency part (k1 1.2, b 0.75) of how often the page holds the
 * part, for a page of `tokens` tokens in a shard whose pages average `average`: more
 * matches count, with diminishing returns, and a short page that holds it ranks above a long one.
 */
export function relevance(matches: number, tokens: number, average: number): number {
  const k1 = 1.2;
  const b = 0.75;
  return (matches * (k1 + 1)) / (matches + k1 * (1 - b + (b * tokens) / Math.max(1, average)));
}
