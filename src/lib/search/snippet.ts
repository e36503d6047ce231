/**
 * Result snippets made from the page's own text (the index holds only tokens): a
 * window around the first place a query part occurs, split into plain and marked pieces so
 * the page builds it with text nodes and <mark>, never with markup from the data.
 */
import { normalize } from './segment.ts';

export interface Piece {
  text: string;
  mark: boolean;
}

/** Every [start, end) where one of the parts occurs in text, merged, in order. */
function matches(text: string, parts: readonly string[]): [number, number][] {
  // NFKC can change lengths; compare on a per-character normalized copy that keeps offsets.
  const chars = Array.from(text);
  const offsets: number[] = [];
  let norm = '';
  let pos = 0;
  for (const ch of chars) {
    const n = normalize(ch);
    for (let i = 0; i < n.length; i++) offsets.push(pos);
    norm += n;
    pos += ch.length;
  }
  offsets.push(pos);
  const ranges: [number, number][] = [];
  for (const part of parts) {
    if (!part) continue;
    for (let i = norm.indexOf(part); i >= 0; i = norm.indexOf(part, i + part.length)) {
      ranges.push([offsets[i]!, offsets[i + part.length] ?? pos]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** The snippet: about `length` characters around the first match (or the start), marked. */
export function snippet(text: string, parts: readonly string[], length = 90): Piece[] {
  const flat = text.replace(/\s*\n\s*/g, ' ／ ').replace(/\s+/g, ' ').trim();
  const found = matches(flat, parts);
  const first = found[0];
  let start = first ? Math.max(0, first[0] - Math.floor(length / 3)) : 0;
  const end = Math.min(flat.length, start + length);
  if (end - start < length) start = Math.max(0, end - length);
  const pieces: Piece[] = [];
  if (start > 0) pieces.push({ text: '…', mark: false });
  let at = start;
  for (const [s, e] of found) {
    if (e <= start || s >= end) continue;
    const ms = Math.max(s, start);
    const me = Math.min(e, end);
    if (ms > at) pieces.push({ text: flat.slice(at, ms), mark: false });
    pieces.push({ text: flat.slice(ms, me), mark: true });
    at = me;
  }
  if (at < end) pieces.push({ text: flat.slice(at, end), mark: false });
  if (end < flat.length) pieces.push({ text: '…', mark: false });
  return pieces;
}
