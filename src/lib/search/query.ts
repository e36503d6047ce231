/**
 * A typed query → what to ask Pagefind. The query is cut into parts at spaces and
 * punctuation; every part must be on the page (AND). Each part becomes one Pagefind query:
 * its tokens as one quoted phrase (Pagefind 1.6 honours only one phrase per query, so parts
 * are searched one by one and their results intersected), or a bare token when the part is a
 * single Han character (it then prefix-matches every bigram that starts with it).
 */
import { isHanToken, normalize, queryKeys, tokens } from './segment.ts';

export interface QueryPart {
  /** The part as typed, normalized (NFKC, lower case): for highlighting. */
  text: string;
  /** The Pagefind query string for this part. */
  pagefind: string;
  /** The part's routing keys (segment.ts queryKeys). */
  route: string[];
}

export const MAX_QUERY_LENGTH = 100;

export function parseQuery(q: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const seen = new Set<string>();
  for (const text of normalize(q.slice(0, MAX_QUERY_LENGTH)).split(/[\s\p{P}\p{S}]+/u)) {
    const t = tokens(text);
    if (t.length === 0) continue;
    // The unigram that closes a Han run at the end of the part is dropped: on the page the
    // run may go on, and the bigrams already pin every character. (Inside the part it stays,
    // since the page has it there too, between the run and the next word.)
    const last = t.length - 1;
    const kept = last > 0 && isHanToken(t[last]!) && t[last]!.length === 4 && t[last - 1]!.length === 8 && isHanToken(t[last - 1]!) ? t.slice(0, last) : t;
    // Quoted, Pagefind matches whole tokens only; bare, it also matches other words (a part of
    // a number found unrelated pages). Only a lone Han character stays bare, to prefix-match
    // every bigram that starts with it.
    const pagefind = kept.length === 1 && isHanToken(kept[0]!) && kept[0]!.length === 4 ? kept[0]! : `"${kept.join(' ')}"`;
    if (seen.has(pagefind)) continue;
    seen.add(pagefind);
    parts.push({ text, pagefind, route: queryKeys(text) });
  }
  // Longest part first: it is the most selective, and its result order is the one shown.
  return parts.sort((a, b) => b.text.length - a.text.length);
}
