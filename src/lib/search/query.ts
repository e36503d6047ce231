/**
 * A typed query → what to ask the shard index (shard-index.ts). The query is cut into parts
 * at spaces and punctuation; every part must be on the page (AND). Each part is its tokens
 * as one phrase, or, when the part is a single Han character, that character (found wherever
 * it stands, as the first character of a bigram or a run's last).
 */
import { isHanToken, normalize, queryKeys, tokens } from './segment.ts';
import type { PartMatch } from './shard-index.ts';

export interface QueryPart {
  /** The part as typed, normalized (NFKC, lower case): for highlighting. */
  text: string;
  /** What the shard index is asked for this part. */
  match: PartMatch;
  /** The part's routing keys (segment.ts queryKeys). */
  route: string[];
}

const MAX_QUERY_LENGTH = 100;

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
    // Words match whole (a part of a number must not find unrelated pages); a lone Han
    // character matches wherever it stands.
    const match: PartMatch = kept.length === 1 && isHanToken(kept[0]!) && kept[0]!.length === 4 ? { char: kept[0]! } : { phrase: kept };
    const id = JSON.stringify(match);
    if (seen.has(id)) continue;
    seen.add(id);
    parts.push({ text, match, route: queryKeys(text) });
  }
  // Longest part first: it is the most selective, and its result order is the one shown.
  return parts.sort((a, b) => b.text.length - a.text.length);
}
