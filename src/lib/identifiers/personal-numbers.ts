/**
 * The §3 privacy rule: a published cell must not hold a 居民身份证号码 (GB 11643-1999,
 * 18 characters with a valid birth date and check digit, or the 15-digit old form
 * with a valid birth date) or a mobile number (11 digits, 13–19), standing alone.
 */
import { isValidCivilDate } from '../dates/civil-date.ts';

export type PersonalNumberKind = 'identity' | 'mobile';
export interface PersonalNumberHit { kind: PersonalNumberKind; masked: string; index: number; length: number }

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
// Runs of digits (and a trailing X for identity numbers) not touching other letters or digits.
const STANDALONE_RUN = /(?<![0-9A-Za-z])[0-9]+[Xx]?(?![0-9A-Za-z])/g;

function isIdentity18(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  if (!isValidCivilDate(`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

function isIdentity15(s: string): boolean {
  return /^\d{15}$/.test(s) && isValidCivilDate(`19${s.slice(6, 8)}-${s.slice(8, 10)}-${s.slice(10, 12)}`);
}

const isMobile = (s: string) => /^1[3-9]\d{9}$/.test(s);

/** Keeps the first 4 and last 4 characters, e.g. 3709**********1234, so a report never prints the number. */
export function maskNumber(s: string): string {
  return s.length <= 8 ? '*'.repeat(s.length) : s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}

/**
 * Whether the text may hold a number in disguise: true when it holds an invisible format
 * character (Unicode's Cf: soft hyphen, zero-width and direction marks, word joiners, BOM,
 * tags…) or a character NFKC makes an ASCII digit or X (full-width, superscript, circled, Roman
 * X, mathematical), and for a few of their neighbours (folded() tells them apart); a pair's lead
 * surrogate stands for the pair. The unit test holds it against the whole of Unicode. A loop that
 * passes over ASCII and CJK at once: every page and open-data file is searched, and \p{Cf} with
 * \p{Nd} in a regular expression took 100 µs on a 6 KB page, a character class 26, this 5–10.
 */
export function mayBeDisguised(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xad || (c >= 0x3000 && c <= 0x9fff)) continue;
    if (
      c === 0xad || c === 0xb2 || c === 0xb3 || c === 0xb9 || c === 0x2e3 || (c >= 0x600 && c <= 0x605) || c === 0x61c || c === 0x6dd || c === 0x70f ||
      c === 0x890 || c === 0x891 || c === 0x8e2 || c === 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x209c) ||
      (c >= 0x2160 && c <= 0x217f) || (c >= 0x2460 && c <= 0x24ff) || c === 0xfeff || (c >= 0xfff9 && c <= 0xfffb) || (c >= 0xff10 && c <= 0xff19) || c === 0xff38 || c === 0xff58 ||
      c === 0xd804 || c === 0xd80d || c === 0xd82f || c === 0xd833 || c === 0xd834 || c === 0xd835 || c === 0xd83c || c === 0xd83e || c === 0xdb40
    )
      return true;
  }
  return false;
}

const FOLDED = /^[0-9Xx]$/;

/**
 * The text as a reader sees its numbers: invisible format characters left out, and a digit or
 * X that NFKC makes ASCII (full-width １３８, 𝟏) made so; other letters stay, so a number
 * next to full-width letters still stands alone. `at[i]` is where folded character i stands in
 * the text.
 */
function folded(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (!/\p{Cf}/u.test(ch)) {
      const ascii = ch.length === 1 && ch.charCodeAt(0) < 0x80 ? undefined : ch.normalize('NFKC');
      if (ascii !== undefined && FOLDED.test(ascii)) {
        out += ascii;
        at.push(i);
      } else {
        out += ch;
        for (let k = 0; k < ch.length; k++) at.push(i + k);
      }
    }
    i += ch.length;
  }
  return { text: out, at };
}

/**
 * Every identity or mobile number standing alone in the text, masked; also one written in
 * full-width digits or split by invisible characters (a page shows it all the same). `index`
 * and `length` are its place in the text as given.
 */
export function findPersonalNumbers(text: string): PersonalNumberHit[] {
  const hits: PersonalNumberHit[] = [];
  const f = mayBeDisguised(text) ? folded(text) : { text, at: undefined };
  for (const m of f.text.matchAll(STANDALONE_RUN)) {
    const run = m[0];
    const kind: PersonalNumberKind | undefined = isIdentity18(run) || isIdentity15(run) ? 'identity' : isMobile(run) ? 'mobile' : undefined;
    if (!kind) continue;
    const index = f.at ? f.at[m.index]! : m.index;
    const end = f.at ? f.at[m.index + run.length - 1]! + 1 : m.index + run.length;
    hits.push({ kind, masked: maskNumber(run), index, length: end - index });
  }
  return hits;
}

/**
 * Characters of one piece carried into the next (personalNumbersInPieces): more than a number
 * (at most 18) and the characters either side of it, so each hit is seen whole once.
 */
const PIECE_OVERLAP = 40;

/**
 * findPersonalNumbers over a text given in pieces, for a file too big to hold as one string
 * (an open-data table of hundreds of MB; V8 cannot even make a string of a billion
 * characters): the same hits, in order, each with the number itself.
 */
export function* personalNumbersInPieces(pieces: Iterable<string>): Generator<{ hit: PersonalNumberHit; number: string }> {
  // Text not yet searched to its end; its first character, after the first piece, was searched
  // already and only shows what precedes the next hit.
  let carry = '';
  let from = 0;
  const found = function* (text: string, until: number) {
    for (const hit of findPersonalNumbers(text)) if (hit.index >= from && hit.index < until) yield { hit, number: text.slice(hit.index, hit.index + hit.length) };
  };
  for (const piece of pieces) {
    const text = carry + piece;
    // A hit that starts before this ends, with the character after it, inside the text.
    const until = text.length - PIECE_OVERLAP;
    if (until <= from) {
      carry = text;
      continue;
    }
    yield* found(text, until);
    carry = text.slice(until - 1);
    from = 1;
  }
  yield* found(carry, Infinity);
}

/** The text with every identity or mobile number masked, for reports that quote a cell. */
export function maskPersonalNumbers(text: string): string {
  let out = text;
  for (const hit of findPersonalNumbers(text).reverse()) out = out.slice(0, hit.index) + hit.masked + out.slice(hit.index + hit.length);
  return out;
}

/** The report's wording for a hit; the number itself only ever appears masked. */
export function personalNumberMessage(hit: PersonalNumberHit): string {
  return `含有${hit.kind === 'identity' ? '居民身份证号码' : '手机号码'}（${hit.masked}），不得公示`;
}
