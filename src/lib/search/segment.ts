/**
 * The one Chinese segmenter of the search, used by the indexer (Node, at build time) and by
 * the search page (bundled into its script), so both sides cut text the same way (Pagefind,
 * used before, segmented Chinese differently at index and query time and missed pages:
 * pagefind issue 1237).
 *
 * Every maximal run of Han characters becomes its overlapping bigrams, each written as an
 * ASCII token of 8 letters (4 base-26 letters per code point), and the run's last character
 * also as a 4-letter unigram token (so every character starts a token). A query becomes the
 * same tokens as one phrase, which matches exactly the pages whose text contains the query
 * in one block of text (shard-index.ts).
 *
 * Han tokens start with a letter a–l (code points up to U+3134F); any other word that starts
 * with a Latin letter gets the reserved prefix `x`, so the two can never collide.
 */

const A = 97;
/** Reserved first letter for non-Han words that start with a Latin letter. */
const WORD_PREFIX = 'x';

export const isHan = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f);
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: number, ch: string): boolean =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c > 127 && WORD_CHAR.test(ch));

const codes = new Map<number, string>();
/** 4 letters a–z for one code point (< 26^4). */
export function encodeCodePoint(cp: number): string {
  let e = codes.get(cp);
  if (e === undefined) {
    let n = cp;
    e = '';
    for (let i = 0; i < 4; i++) {
      e = String.fromCharCode(A + (n % 26)) + e;
      n = Math.floor(n / 26);
    }
    codes.set(cp, e);
  }
  return e;
}

/** The code point a 4-letter Han token stands for. */
export function decodeToken(token: string): string {
  let s = '';
  for (let j = 0; j + 4 <= token.length; j += 4) {
    let cp = 0;
    for (let i = 0; i < 4; i++) cp = cp * 26 + (token.charCodeAt(j + i) - A);
    s += String.fromCodePoint(cp);
  }
  return s;
}

/** Whether a token stands for Han text (a bigram or a unigram). */
export const isHanToken = (t: string): boolean => (t.length === 4 || t.length === 8) && t.charCodeAt(0) >= A && t.charCodeAt(0) <= A + 11 && /^[a-z]+$/.test(t);

/** NFKC (full-width letters and digits become ASCII) and lower case: applied on both sides. */
export const normalize = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Text as the segmenter sees it: maximal runs of Han characters (each encoded once) and other words. */
type Piece = { han: string[] } | { word: string };

const pieces = (text: string): Piece[] => piecesOfNormalized(normalize(text));

function piecesOfNormalized(text: string): Piece[] {
  const out: Piece[] = [];
  let run: string[] = [];
  let word = '';
  const end = () => {
    if (run.length) out.push({ han: run });
    if (word) out.push({ word: word.charCodeAt(0) >= A && word.charCodeAt(0) <= A + 25 ? WORD_PREFIX + word : word });
    run = [];
    word = '';
  };
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isHan(c)) {
      if (word) end();
      run.push(encodeCodePoint(c));
    } else {
      if (run.length) end();
      if (isWordChar(c, ch)) word += ch;
      else end();
    }
  }
  end();
  return out;
}

/**
 * The n-grams of an encoded Han run (4 letters a character), added to `out` one by one: a
 * cell may hold a run of a million characters, and `out.push(...grams)` passes each as an
 * argument on the stack (it overflowed from about 50,000).
 */
function addGrams(out: string[], run: readonly string[], n: number): void {
  for (let i = 0; i + n <= run.length; i++) {
    let g = run[i]!;
    for (let j = 1; j < n; j++) g += run[i + j]!;
    out.push(g);
  }
}

/** Text → index tokens, in order: a Han run's bigrams and its last character alone; words. */
export const tokens = (text: string): string[] => tokensOf(pieces(text));

function tokensOf(ps: readonly Piece[]): string[] {
  const out: string[] = [];
  for (const p of ps) {
    if ('word' in p) out.push(p.word);
    else {
      addGrams(out, p.han, 2);
      out.push(p.han[p.han.length - 1]!);
    }
  }
  return out;
}

/**
 * Text → its routing keys (routing.ts): every Han character, bigram and trigram of its runs,
 * and its words. Trigrams let the routing tell which shards hold a phrase, not only its
 * bigrams here and there: 平县民 of 东平县民政局 is on few pages, 东平, 县民 and 民政 on all.
 */
export const routeKeys = (text: string): string[] => routeKeysOf(pieces(text));

function routeKeysOf(ps: readonly Piece[]): string[] {
  const out: string[] = [];
  for (const p of ps) {
    if ('word' in p) out.push(p.word);
    else for (const n of [1, 2, 3]) addGrams(out, p.han, n);
  }
  return out;
}

/**
 * The keys a query part is routed by: a Han run's trigrams (its bigram or its character when
 * shorter), and its words. A shard that holds the part holds every one of them.
 */
export function queryKeys(text: string): string[] {
  const out: string[] = [];
  for (const p of pieces(text)) {
    if ('word' in p) out.push(p.word);
    else addGrams(out, p.han, Math.min(3, p.han.length));
  }
  return out;
}

/** A block of text segmented once, for the index, the routing table and the known phrases (known.ts). */
export interface SegmentedBlock {
  /** The block as the page writes it. */
  text: string;
  /** normalize(text). */
  normalized: string;
  /** Its index tokens, in order. */
  tokens: string[];
  /** Its words alone (numbers and Latin words, as `tokens` writes them). */
  words: string[];
  /** Its routing keys. */
  keys: string[];
}

export function segmentBlock(text: string): SegmentedBlock {
  const normalized = normalize(text);
  const ps = piecesOfNormalized(normalized);
  return { text, normalized, tokens: tokensOf(ps), words: ps.flatMap((p) => ('word' in p ? [p.word] : [])), keys: routeKeysOf(ps) };
}

/** Blocks' routing keys, block by block (no key spans two blocks), added to `into`. */
export function addRouteKeys(blocks: readonly SegmentedBlock[], into: Set<string>): void {
  for (const { keys } of blocks) for (const k of keys) into.add(k);
}
