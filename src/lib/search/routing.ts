/**
 * The routing table: for every token (Han bigram or unigram, number, word), which shards
 * contain it. The browser reads only the bucket files of the query's tokens and opens only
 * shards that can match. A Han token's bucket is its first character's (code point modulo
 * ROUTE_BUCKETS), so a one-character query finds every bigram it starts in one file; other
 * tokens are matched whole, and hashed.
 * Bucket file lines: `<token> <shard bitmask in base 36>`, sorted by token.
 */
import { decodeToken, isHanToken } from './segment.ts';

export const ROUTE_BUCKETS = 256;

/** FNV-1a (32 bits) over UTF-16 code units: a small, stable hash for file names. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Bucket of a token. */
export function routeBucket(token: string): number {
  return (isHanToken(token) ? decodeToken(token.slice(0, 4)).codePointAt(0)! : fnv1a(token)) % ROUTE_BUCKETS;
}

/** Shard token sets (in shard order) → bucket number → file text. */
export function buildRoutes(shardTokens: readonly Iterable<string>[]): Map<number, string> {
  const masks = new Map<string, bigint>();
  shardTokens.forEach((set, k) => {
    const bit = 1n << BigInt(k);
    for (const t of set) masks.set(t, (masks.get(t) ?? 0n) | bit);
  });
  const buckets = new Map<number, string[]>();
  for (const [t, m] of masks) {
    const b = routeBucket(t);
    let lines = buckets.get(b);
    if (!lines) buckets.set(b, (lines = []));
    lines.push(`${t} ${m.toString(36)}`);
  }
  const out = new Map<number, string>();
  for (const [b, lines] of [...buckets].sort((x, y) => x[0] - y[0])) out.set(b, lines.sort().join('\n') + '\n');
  return out;
}

/** Bucket file text → token → shard mask. */
export function parseBucket(text: string): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const line of text.split('\n')) {
    const i = line.indexOf(' ');
    if (i > 0) m.set(line.slice(0, i), parseBase36(line.slice(i + 1)));
  }
  return m;
}

function parseBase36(s: string): bigint {
  let n = 0n;
  for (const ch of s) n = n * 36n + BigInt(parseInt(ch, 36));
  return n;
}

/**
 * Shards that can contain every part (a superset: its tokens present, not necessarily in a
 * row). `bucket(b)` loads one bucket file.
 */
export async function routeShards(parts: readonly { tokens: readonly string[] }[], shardCount: number, bucket: (b: number) => Promise<Map<string, bigint>>): Promise<bigint> {
  let mask = (1n << BigInt(shardCount)) - 1n;
  for (const { tokens } of parts) {
    if (tokens.length === 1 && isHanToken(tokens[0]!) && tokens[0]!.length === 4) {
      // one character: any token that starts with it
      const m = await bucket(routeBucket(tokens[0]!));
      let any = 0n;
      for (const [t, v] of m) if (t.startsWith(tokens[0]!)) any |= v;
      mask &= any;
      continue;
    }
    const maps = await Promise.all(tokens.map((t) => bucket(routeBucket(t))));
    tokens.forEach((t, i) => {
      mask &= maps[i]!.get(t) ?? 0n;
    });
  }
  return mask;
}
