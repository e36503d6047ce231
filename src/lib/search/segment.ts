/**
 * The one Chinese segmenter of the search, used by the indexer (Node, at build time) and by
 * the search page (bundled into its script), so both sides cut text the same way.
 *
 * Pagefind segments Chinese at index time and again, differently, in the browser (pagefind
 * issue 1237), and then misses pages that contain the words typed. So Pagefind never sees a
 * Chinese character: every maximal run of Han characters becomes its overlapping bigrams,
 * each written as an ASCII token of 8 letters (4 base-26 letters per code point), and the
 * run's last character also as a 4-letter unigram token (so a 1-character query finds it by
 * prefix). A query becomes the same tokens as one quoted phrase, which matches exactly the
 * pages whose text contains the query (in one block of text). Indexed with language `xx`, so
 * Pagefind applies no segmentation or stemming of its own.
 *
 * Han tokens start with a letter a–l (code points up to U+3134F); any other word that starts
 * with a Latin letter gets the reserved prefix `x`, so the two can never collide.
 */

const A = 97;
/** Reserved first letter for non-Han words that start with a Latin letter. */
export const WORD_PREFIX = 'x';

const isHan = (c: number): boolean =>
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

/** Text → tokens, in order. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  let prev = -1;
  let word = '';
  const endWord = () => {
    if (word) {
      const c = word.charCodeAt(0);
      out.push(c >= A && c <= A + 25 ? WORD_PREFIX + word : word);
      word = '';
    }
  };
  for (const ch of normalize(text)) {
    const c = ch.codePointAt(0)!;
    if (isHan(c)) {
      endWord();
      if (prev >= 0) out.push(encodeCodePoint(prev) + encodeCodePoint(c));
      prev = c;
      continue;
    }
    if (prev >= 0) {
      out.push(encodeCodePoint(prev)); // end of a Han run: its last character alone
      prev = -1;
    }
    if (isWordChar(c, ch)) word += ch;
    else endWord();
  }
  if (prev >= 0) out.push(encodeCodePoint(prev));
  endWord();
  return out;
}

/**
 * A page's blocks of text (paragraphs, field values…) → the content string given to Pagefind,
 * and the page's tokens added to `into` (for the routing table). Each block ends its Han run
 * with a unigram, so no phrase matches across two blocks.
 */
export function indexBlocks(blocks: readonly string[], into: Set<string>): string {
  const parts: string[] = [];
  for (const b of blocks) {
    const t = tokens(b);
    if (t.length === 0) continue;
    for (const x of t) into.add(x);
    parts.push(t.join(' '));
  }
  return parts.join(' ');
}
