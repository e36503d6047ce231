/**
 * The routing table: for every Han token (bigram or unigram), which shards contain it. The
 * browser reads only the bucket files of the query's characters (a bucket per first
 * character, modulo ROUTE_BUCKETS) and opens only shards that can match.
 * Bucket file lines: `<token> <shard bitmask in base 36>`, sorted by token.
 */
import { decodeToken, isHanToken } from './segment.ts';

export const ROUTE_BUCKETS = 256;

/** Bucket of a Han token: its first character's code point modulo ROUTE_BUCKETS. */
export function routeBucket(token: string): number {
  return decodeToken(token.slice(0, 4)).codePointAt(0)! % ROUTE_BUCKETS;
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
 * Shards that can contain every part (a superset: bigrams present, not necessarily in a row).
 * A part's tokens: its Han tokens; a part with none (digits, Latin) cannot be routed and
 * leaves every shard in. `bucket(b)` loads one bucket file.
 */
export async function routeShards(parts: readonly { han: readonly string[] }[], shardCount: number, bucket: (b: number) => Promise<Map<string, bigint>>): Promise<bigint> {
  let mask = (1n << BigInt(shardCount)) - 1n;
  for (const part of parts) {
    const han = part.han.filter(isHanToken);
    if (han.length === 0) continue;
    if (han.length === 1 && han[0]!.length === 4) {
      // one character: any token that starts with it
      const m = await bucket(routeBucket(han[0]!));
      let any = 0n;
      for (const [t, v] of m) if (t.startsWith(han[0]!)) any |= v;
      mask &= any;
      continue;
    }
    const maps = await Promise.all(han.map((t) => bucket(routeBucket(t))));
    han.forEach((t, i) => {
      mask &= maps[i]!.get(t) ?? 0n;
    });
  }
  return mask;
}
