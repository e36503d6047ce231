/**
 * The full-text index of one shard (shards.ts): our own, in place of a Pagefind bundle.
 * Pagefind cost ~5 ms and ~0.5 MB a page to build (about 60 % of a whole build at 20,000
 * records); this index is the same tokens (segment.ts) as positional postings, written in
 * one pass. Built in Node (ShardIndexBuilder), read in the browser (parseIndexFile,
 * matchPart); both sides are this file, so they agree on the format. Files under
 * <search dir>/<shard>/, each gzip (the caller compresses and decompresses):
 *
 *  - pages.json.gz: the shard's pages in shard order (their ids), as [kind, region, date,
 *    status, tokens, heading from, heading to]: for filters, date order and ranking, before
 *    any card is loaded. The heading's positions are those of the page's heading block
 *    (extract.ts), [0, 0) without one.
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
export type IndexedPage = [kind: string, region: string, date: string, status: string, tokens: number, headingFrom: number, headingTo: number];

/** The key of a Han character's page list (no token starts with it: tokens are letters and digits). */
export const CHAR_KEY = '~';
/** About this many raw bytes a postings file (~10 KB after gzip: varint postings compress little). */
const INDEX_FILE_BYTES = 24 * 1024;

/** The postings file of a key, among `files`. */
export const indexFile = (key: string, files: number): number => fnv1a(key) % files;

/** The file of a shard that holds the result card of its page `id`. */
export const cardFile = (id: number): string => `card/${id}.json.gz`;

/** A growable byte buffer with LEB128 varints. */
class Writer {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  varint(n: number): void {
    this.room(8);
    const bytes = this.bytes;
    let at = this.length;
    while (n > 127) {
      bytes[at++] = (n & 127) | 128;
      n = Math.floor(n / 128);
    }
    bytes[at++] = n;
    this.length = at;
  }
  write(b: Uint8Array): void {
    this.room(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }
  get written(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** A growable Int32Array. */
class Ints {
  data = new Int32Array(1 << 16);
  length = 0;
  push(n: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = n;
  }
}

/**
 * Occurrences grouped by key id with a stable counting sort (so pages and positions stay in
 * the order added): key k's occurrences are order[starts[k]] … order[starts[k + 1] - 1].
 */
function groupByKey(keys: Ints, keyCount: number): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i++) starts[keys.data[i]! + 1]!++;
  for (let k = 0; k < keyCount; k++) starts[k + 1]! += starts[k]!;
  const next = starts.slice(0, keyCount);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[next[keys.data[i]!]!++] = i;
  return { order, starts };
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

/**
 * Collects a shard's pages in shard order, then writes its files' contents. Occurrences are
 * kept as three Int32Arrays (token, page, position), ~12 bytes each, not as a list per token:
 * a 2,000-page shard has about a million.
 */
export class ShardIndexBuilder {
  private readonly pages: IndexedPage[] = [];
  private readonly idOf = new Map<string, number>();
  private readonly tokens: string[] = [];
  private readonly occToken = new Ints();
  private readonly occPage = new Ints();
  private readonly occPos = new Ints();

  /** A block's tokens (segment.ts) as this shard's token ids, for `add`. */
  tokenIds(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      let tid = this.idOf.get(t);
      if (tid === undefined) {
        this.idOf.set(t, (tid = this.tokens.length));
        this.tokens.push(t);
      }
      ids[i] = tid;
    });
    return ids;
  }

  /** Adds the next page: its blocks' token ids (tokenIds), in order, and which is its heading (-1: none). Returns its id. */
  add(page: { kind: string; region: string; date: string; status: string }, blocks: readonly Int32Array[], heading = -1): number {
    const id = this.pages.length;
    let pos = 0;
    let headingFrom = 0;
    let headingTo = 0;
    for (const [b, ids] of blocks.entries()) {
      if (!ids.length) continue;
      if (b === heading) [headingFrom, headingTo] = [pos, pos + ids.length];
      for (const tid of ids) {
        this.occToken.push(tid);
        this.occPage.push(id);
        this.occPos.push(pos++);
      }
      pos++; // the gap between blocks
    }
    this.pages.push([page.kind, page.region, page.date, page.status, pos, headingFrom, headingTo]);
    return id;
  }

  /** pages.json's text, and each postings file's bytes (index = file number). */
  files(): { pages: string; index: Uint8Array[] } {
    const data = new Writer();
    /** Every key with its data's byte range in `data`. */
    const entries: { key: string; start: number; end: number }[] = [];
    // A Han character's key, for each token that starts with one (-1: a word).
    const charIds = new Map<string, number>();
    const charOf = this.tokens.map((t) => {
      if (!isHanToken(t)) return -1;
      const key = CHAR_KEY + t.slice(0, 4);
      let c = charIds.get(key);
      if (c === undefined) charIds.set(key, (c = charIds.size));
      return c;
    });
    // Each token's pages, and how often it is on each, for its character's list.
    const charKey = new Ints();
    const charPage = new Ints();
    const charTimes = new Ints();
    const { order, starts } = groupByKey(this.occToken, this.tokens.length);
    // The occurrences' pages and positions in that order, read in sequence below.
    const page = new Int32Array(order.length);
    const pos = new Int32Array(order.length);
    order.forEach((o, i) => {
      page[i] = this.occPage.data[o]!;
      pos[i] = this.occPos.data[o]!;
    });
    for (let tid = 0; tid < this.tokens.length; tid++) {
      const start = data.length;
      const from = starts[tid]!;
      const to = starts[tid + 1]!;
      let pages = 0;
      for (let i = from; i < to; i++) if (i === from || page[i] !== page[i - 1]) pages++;
      data.varint(pages);
      let lastId = -1;
      for (let i = from; i < to; ) {
        const id = page[i]!;
        let j = i;
        while (j < to && page[j] === id) j++;
        data.varint(id - lastId - 1);
        data.varint(j - i);
        let lastPos = 0;
        for (let k = i; k < j; k++) {
          data.varint(pos[k]! - lastPos);
          lastPos = pos[k]!;
        }
        if (charOf[tid]! >= 0) charKey.push(charOf[tid]!), charPage.push(id), charTimes.push(j - i);
        lastId = id;
        i = j;
      }
      entries.push({ key: this.tokens[tid]!, start, end: data.length });
    }
    // A character's pages and how often, from its tokens' occurrences (grouped by character, then page).
    const chars = [...charIds.keys()];
    const byChar = groupByKey(charKey, chars.length);
    const times = new Int32Array(this.pages.length); // per page, for the character at hand
    for (let c = 0; c < chars.length; c++) {
      const from = byChar.starts[c]!;
      const to = byChar.starts[c + 1]!;
      let pages = 0;
      for (let i = from; i < to; i++) {
        const at = byChar.order[i]!;
        const id = charPage.data[at]!;
        if (times[id] === 0) pages++;
        times[id]! += charTimes.data[at]!;
      }
      const start = data.length;
      data.varint(pages);
      let lastId = -1;
      for (let id = 0; id < times.length; id++) {
        if (!times[id]) continue;
        data.varint(id - lastId - 1);
        data.varint(times[id]!);
        times[id] = 0;
        lastId = id;
      }
      entries.push({ key: chars[c]!, start, end: data.length });
    }
    const all = data.written;
    const raw = entries.reduce((n, e) => n + e.key.length + e.end - e.start + 4, 0);
    let files = 1;
    while (files * INDEX_FILE_BYTES < raw) files *= 2;
    const out = Array.from({ length: files }, () => new Writer());
    for (const { key, start, end } of entries.sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const w = out[indexFile(key, files)]!;
      const k = utf8.encode(key);
      w.varint(k.length);
      w.write(k);
      w.varint(end - start);
      w.write(all.subarray(start, end));
    }
    return { pages: JSON.stringify(this.pages), index: out.map((w) => w.written.slice()) };
  }
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
 * offset from the phrase's start; `weight(page, position)` counts a match at its start (1
 * each without it). A lone character's list has no positions: each is counted once.
 */
export function matchPart(m: PartMatch, data: (key: string) => Uint8Array | undefined, weight?: (page: number, position: number) => number): Map<number, number> {
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
      if (rest.every((l, i) => sets[i]!.has(start + l.offset))) n += weight ? weight(id, start) : 1;
    }
    if (n) out.set(id, n);
  }
  return out;
}

/**
 * A match in the page's heading counts as this many (BM25F's field weight): a query names what
 * a page is about more surely in its heading (an agency's name, a record's title) than in its
 * text. 医院 finds a government's profile that lists two hospitals among its units; the
 * hospitals' own profiles, whose heading names them once, rank above it.
 */
export const HEADING_WEIGHT = 3;

/** matchPart's weight of a match at `position` of page `id` of a page table: HEADING_WEIGHT within its heading. */
export const headingWeight = (pages: readonly IndexedPage[]) => (id: number, position: number): number => {
  const page = pages[id]!;
  return position >= page[5] && position < page[6] ? HEADING_WEIGHT : 1;
};

/**
 * Relevance: BM25's term-frequency part (k1 1.2, b 0.75) of how often the page holds the
 * part (headingWeight counted), for a page of `tokens` tokens in a shard whose pages average
 * `average`: more matches count, with diminishing returns, and a short page that holds it
 * ranks above a long one.
 */
export function relevance(matches: number, tokens: number, average: number): number {
  const k1 = 1.2;
  const b = 0.75;
  return (matches * (k1 + 1)) / (matches + k1 * (1 - b + (b * tokens) / Math.max(1, average)));
}
