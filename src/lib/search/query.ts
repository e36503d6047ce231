/**
 * A typed query → what to ask the shard index (shard-index.ts). The query is cut into parts
 * at spaces and punctuation; every part must be on the page (AND). Each part is its tokens
 * as one phrase, or, when the part is a single Han character, that character (found wherever
 * it stands, as the first character of a bigram or a run's last). A part holding the short form
 * of an agency's name (市场监管局) may be on the page in full instead (abbreviations.ts).
 */
import { writtenInFull } from './abbreviations.ts';
import { isHanToken, normalize, queryKeys, tokens } from './segment.ts';
import type { PartMatch } from './shard-index.ts';

/** One way a part may stand on a page. */
export interface PartForm {
  /** The part as typed, normalized (NFKC, lower case), or written in full: for highlighting. */
  text: string;
  /** What the shard index is asked for it. */
  match: PartMatch;
  /** Its routing keys (segment.ts queryKeys). */
  route: string[];
}

export interface QueryPart extends PartForm {
  /** The part with its short forms written in full, when it has any: a page may hold either form. */
  alternatives: PartForm[];
}

/** Every form a part may stand on a page in: as typed, then in full. */
export const partForms = (p: QueryPart): PartForm[] => [p, ...p.alternatives];

const MAX_QUERY_LENGTH = 100;

export function parseQuery(q: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const seen = new Set<string>();
  for (const text of normalize(q.slice(0, MAX_QUERY_LENGTH)).split(/[\s\p{P}\p{S}]+/u)) {
    const form = formOf(text);
    if (!form) continue;
    const id = JSON.stringify(form.match);
    if (seen.has(id)) continue;
    seen.add(id);
    const full = writtenInFull(text);
    const alternative = full === undefined ? undefined : formOf(full);
    parts.push({ ...form, alternatives: alternative ? [alternative] : [] });
  }
  // Longest part first: it is the most selective, and its result order is the one shown.
  return parts.sort((a, b) => b.text.length - a.text.length);
}

/** A part's tokens as the index is asked for them; undefined when it has none (punctuation). */
function formOf(text: string): PartForm | undefined {
  const t = tokens(text);
  if (t.length === 0) return undefined;
  // The unigram that closes a Han run at the end of the part is dropped: on the page the
  // run may go on, and the bigrams already pin every character. (Inside the part it stays,
  // since the page has it there too, between the run and the next word.)
  const last = t.length - 1;
  const kept = last > 0 && isHanToken(t[last]!) && t[last]!.length === 4 && t[last - 1]!.length === 8 && isHanToken(t[last - 1]!) ? t.slice(0, last) : t;
  // Words match whole (a part of a number must not find unrelated pages); a lone Han
  // character matches wherever it stands.
  const match: PartMatch = kept.length === 1 && isHanToken(kept[0]!) && kept[0]!.length === 4 ? { char: kept[0]! } : { phrase: kept };
  return { text, match, route: queryKeys(text) };
}
