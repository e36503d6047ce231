/**
 * The known-phrase table: for the phrases citizens search most — an agency's name, a credit
 * code — the build lists every page that holds the phrase, so the search page answers from
 * one small file, with the exact count, without opening a shard. The full-text
 * search cannot do this cheaply: an agency's records are filed by date across every shard,
 * so its name is in all of them, and at 100,000 records finding its pages meant opening
 * shard after shard (issue 11: up to 7 s and 3 MB on a phone).
 *
 * A key is the query part exactly as the search reads it (query.ts `parseQuery(...).text`),
 * and only for parts whose phrase (shard-index.ts) means "this text occurs in one block of the page":
 * a run of Han characters (its bigrams in a row ⟺ the run as a substring of a block) or one
 * word (a whole token: a credit code never matches inside a longer number). So a key's pages
 * are exactly the pages the full-text search finds for it, and the two can be mixed.
 *
 * Used by the indexer and bundled into the search page: no imports beyond this folder.
 */
import { writtenInFull } from './abbreviations.ts';
import { PAGE_SIZE, type PinnedResult } from './cursor.ts';
import { PROFILE_KIND } from './kinds.ts';
import { parseQuery } from './query.ts';
import { fnv1a } from './routing.ts';
import { isHan, normalize, tokens, type SegmentedBlock } from './segment.ts';

/** search-index/known/<n>.json: key → its pages. */
export type KnownFile = Record<string, KnownEntry>;

export interface KnownEntry {
  /** How many pages hold the phrase (exact). */
  count: number;
  /**
   * Every such page when `count` ≤ FULL_LIST_CAP, else the first page of both orders (the
   * profiles, the newest records); in display order: the key's own profile, other profiles,
   * then records newest first (knownEntry).
   */
  pages: PinnedResult[];
}

/** Up to this many pages an entry lists them all (a file stays around 100 KB at worst). */
export const FULL_LIST_CAP = 250;
/** Names shorter than this are not keys: short phrases route well, and the scan keys on 4 characters. */
const MIN_NAME_LENGTH = 4;
/** Characters of page text kept on each side of the phrase, for the result's snippet. */
const CONTEXT = 40;

/** Whether every character is one the segmenter treats as Han (one run, cut into bigrams). */
const isHanRun = (t: string): boolean => [...t].every((ch) => isHan(ch.codePointAt(0)!));

/** The key of a typed text, or undefined when the text is not one part of a shape the table keeps. */
export function knownKey(text: string): string | undefined {
  const parts = parseQuery(text);
  if (parts.length !== 1) return undefined;
  const t = parts[0]!.text;
  if (isHanRun(t)) return [...t].length >= MIN_NAME_LENGTH ? t : undefined;
  return tokens(t).length === 1 && t.length >= MIN_NAME_LENGTH ? t : undefined;
}

/** Which file holds a key. */
export const knownFile = (key: string, files: number): number => fnv1a(key) % files;

/** About this many bytes a file: a query downloads one file, whatever the site's size. */
const FILE_BYTES = 32 * 1024;

/**
 * Files for `keys` keys whose entries take `bytes` as JSON: a power of two giving about
 * FILE_BYTES a file (a big agency's entry takes tens of KB), and no power of two past the
 * number of keys.
 */
export function knownFileCount(keys: number, bytes: number): number {
  let n = 1;
  while (n * FILE_BYTES < bytes && n < keys) n *= 2;
  return n;
}

/**
 * Finds the keys in a page's blocks (build side). Han keys are found as substrings of a
 * block (after the search's normalization), looked up by their first four characters, so a
 * page costs one map lookup a character; word keys are whole tokens.
 */
export class KnownMatcher {
  private readonly byPrefix = new Map<string, string[]>();
  /** A word key's token (segment.ts writes a word that starts with a letter with a prefix) → the key. */
  private readonly words = new Map<string, string>();

  /** A name in full → the keys that hold some of its words in short (abbreviations.ts): a page holding the name is found by each. */
  private readonly shortForms = new Map<string, string[]>();

  /** `keys` as knownKey gives them. A key holding a short form is searched in full too, so its full form is looked for as well. */
  constructor(keys: Iterable<string>) {
    const all = new Set(keys);
    for (const k of [...all]) {
      const full = writtenInFull(k);
      if (full === undefined) continue;
      all.add(full);
      this.shortForms.set(full, [...(this.shortForms.get(full) ?? []), k]);
    }
    for (const k of all) {
      if (isHanRun(k)) {
        const p = k.slice(0, MIN_NAME_LENGTH); // UTF-16 units, as the scan reads them
        const list = this.byPrefix.get(p);
        if (list) list.push(k);
        else this.byPrefix.set(p, [k]);
      } else this.words.set(tokens(k)[0]!, k);
    }
  }

  /** The keys one block holds, in the order it holds them (a block found on many pages is looked at once: search-index-worker.ts). */
  inBlock({ normalized: text, words }: Pick<SegmentedBlock, 'normalized' | 'words'>): readonly string[] {
    const found = new Set<string>();
    if (this.byPrefix.size) {
      for (let i = 0; i + MIN_NAME_LENGTH <= text.length; i++) {
        const list = this.byPrefix.get(text.slice(i, i + MIN_NAME_LENGTH));
        if (!list) continue;
        for (const k of list) if (!found.has(k) && text.startsWith(k, i)) found.add(k);
      }
    }
    if (this.words.size) {
      for (const t of words) {
        const k = this.words.get(t);
        if (k !== undefined) found.add(k);
      }
    }
    return found.size ? [...found] : NONE;
  }

  /**
   * A page's entries, from the first block holding each key (firstBlocks): each key it holds, and
   * each short form of a name it holds in full, as the search finds a query holding a short form
   * (query.ts: as typed, or in full). Each entry → its block and the text found there (for the snippet).
   */
  entries(found: ReadonlyMap<string, number>): Map<string, { block: number; text: string }> {
    const out = new Map<string, { block: number; text: string }>();
    for (const [key, block] of found) out.set(key, { block, text: key });
    for (const [key, block] of found) {
      for (const short of this.shortForms.get(key) ?? []) {
        const had = out.get(short);
        if (!had || had.block > block) out.set(short, { block, text: key });
      }
    }
    return out;
  }
}

const NONE: readonly string[] = [];

/** A page's keys from each block's (KnownMatcher.inBlock), each with the index of the first block holding it. */
export function firstBlocks(perBlock: readonly (readonly string[])[]): Map<string, number> {
  const found = new Map<string, number>();
  perBlock.forEach((keys, block) => {
    for (const k of keys) if (!found.has(k)) found.set(k, block);
  });
  return found;
}

/**
 * A page's snippet text for a key found in block `index`: the page's text (blocks on lines of
 * their own, as the full-text results store it) cut to CONTEXT characters around the key, so a
 * result shows what stands around the name and not the name alone.
 */
export function knownContext(blocks: readonly string[], index: number, key: string): string {
  const start = blocks.slice(0, index).reduce((n, b) => n + b.length + 1, 0);
  const at = start + Math.max(0, normalize(blocks[index]!).indexOf(key));
  return blocks.join('\n').slice(Math.max(0, at - CONTEXT), at + key.length + CONTEXT);
}


/** Display order of an entry's pages: profiles first, then records newest first (then by URL). */
function knownOrder(a: PinnedResult, b: PinnedResult): number {
  const pa = a.kind === PROFILE_KIND ? 0 : 1;
  const pb = b.kind === PROFILE_KIND ? 0 : 1;
  if (pa !== pb) return pa - pb;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * A key's pages → its entry, in display order: the key's own profile (the agency whose name
 * or credit code it is) first, then the other profiles, then records newest first. All of
 * them, or, past FULL_LIST_CAP, the first page of both orders (profiles for relevance, the
 * newest records for date); `count` is how many there were in all when some were already
 * left out. Keeping only that much as pages stream in gives the same entry.
 */
export function knownEntry(own: readonly PinnedResult[], pages: readonly PinnedResult[], count = own.length + pages.length): KnownEntry {
  const sorted = [...own].sort(knownOrder).concat([...pages].sort(knownOrder));
  if (count <= FULL_LIST_CAP) return { count, pages: sorted };
  const profiles = sorted.filter((p) => p.kind === PROFILE_KIND).slice(0, PAGE_SIZE);
  const records = sorted.filter((p) => p.kind !== PROFILE_KIND).slice(0, PAGE_SIZE);
  return { count, pages: [...profiles, ...records] };
}

/** Whether an entry lists all its pages (then filters and sorting need nothing else). */
export const isComplete = (e: KnownEntry): boolean => e.pages.length === e.count;

