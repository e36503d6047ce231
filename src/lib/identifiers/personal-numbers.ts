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
 * Characters NFKC makes an ASCII digit or X (full-width, superscript, circled, Roman, and the
 * mathematical and other astral ones, whose lead surrogate stands for them): a number may be
 * written in them. A small class, tested once a text: every cell, page and open-data file is
 * searched, and a class of every character that may disguise a number (invisible ones
 * included) doubled the search's time.
 */
const DIGIT_LIKE = /[\u00B2\u00B3\u00B9\u02E3\u2070-\u209C\u2160-\u217F\u2460-\u24FF\uFF10-\uFF19\uFF38\uFF58\uD833\uD835\uD83C\uD83E]/;
/**
 * A character a page may draw as nothing: Unicode's format characters (Cf: zero-width and
 * direction marks, soft hyphen, word joiners, tags…) and its default-ignorable ones, which are not
 * all Cf (the combining grapheme joiner U+034F, variation selectors, Hangul fillers, Mongolian
 * free variation selectors): 370102\u034f199001011231 reads as one number.
 */
const FORMAT = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
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
    if (!FORMAT.test(ch)) {
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
  if (DIGIT_LIKE.test(text)) return hitsIn(folded(text));
  const hits: PersonalNumberHit[] = [];
  for (const m of text.matchAll(STANDALONE_RUN)) {
    const end = m.index + m[0].length;
    // An invisible character against a run of digits may split a number: read the text as a reader sees it.
    if (FORMAT.test(text.slice(Math.max(0, m.index - 2), m.index)) || FORMAT.test(text.slice(end, end + 2))) return hitsIn(folded(text));
    const hit = hitOf(m[0], m.index, m[0].length);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** The hits in a folded text, placed in the text it was folded from. */
function hitsIn(f: { text: string; at: number[] }): PersonalNumberHit[] {
  return [...f.text.matchAll(STANDALONE_RUN)].flatMap((m) => {
    const index = f.at[m.index]!;
    const hit = hitOf(m[0], index, f.at[m.index + m[0].length - 1]! + 1 - index);
    return hit ? [hit] : [];
  });
}

/** A run of digits as a hit when it is an identity or mobile number; `index` and `length` are its place in the text. */
function hitOf(run: string, index: number, length: number): PersonalNumberHit | undefined {
  const kind: PersonalNumberKind | undefined = isIdentity18(run) || isIdentity15(run) ? 'identity' : isMobile(run) ? 'mobile' : undefined;
  return kind && { kind, masked: maskNumber(run), index, length };
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
