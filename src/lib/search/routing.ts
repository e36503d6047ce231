/**
 * The routing table: for every routing key of the indexed text (segment.ts routeKeys: Han
 * characters, bigrams and trigrams, and words), which shards hold it. Keys are hashed into
 * files of about KEYS_PER_FILE keys, so a query fetches one small file per key of its own
 * (segment.ts queryKeys) and knows which shards can hold the whole phrase — and, when one key
 * is in no shard, that nothing matches, before it opens any shard.
 * File lines: `<key> <shard bitmask in base 36>`, sorted by key.
 */

const KEYS_PER_FILE = 200;

/** FNV-1a (32 bits) over UTF-16 code units: a small, stable hash for file names. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The file of a key, among `files`. */
export const routeFile = (key: string, files: number): number => fnv1a(key) % files;

/** How many files for `keys` keys: a power of two, about KEYS_PER_FILE keys a file. */
export function routeFileCount(keys: number): number {
  let n = 1;
  while (n * KEYS_PER_FILE < keys) n *= 2;
  return n;
}

/** Shard key sets (in shard order) → every file's text (index = file number; empty files too). */
export function buildRoutes(shardKeys: readonly Iterable<string>[]): string[] {
  const masks = new Map<string, bigint>();
  shardKeys.forEach((set, k) => {
    const bit = 1n << BigInt(k);
    for (const t of set) masks.set(t, (masks.get(t) ?? 0n) | bit);
  });
  const files: string[][] = Array.from({ length: routeFileCount(masks.size) }, () => []);
  for (const [t, m] of masks) files[routeFile(t, files.length)]!.push(`${t} ${m.toString(36)}`);
  return files.map((lines) => lines.sort().map((l) => `${l}\n`).join(''));
}

/** File text → key → shard mask. */
export function parseRouteFile(text: string): Map<string, bigint> {
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
 * Shards that can hold every part: for each part, those holding every key of one of its forms
 * (a superset: the keys are there, not necessarily in a row). `forms` gives a part's forms (the
 * part as typed, and written in full: query.ts); `file(n)` loads one routing file.
 */
export async function routeShards<P>(parts: readonly P[], forms: (part: P) => readonly { route: readonly string[] }[], shardCount: number, files: number, file: (n: number) => Promise<Map<string, bigint>>): Promise<bigint> {
  const keys = [...new Set(parts.flatMap((p) => forms(p).flatMap((f) => f.route)))];
  const maps = await Promise.all(keys.map((k) => file(routeFile(k, files))));
  const shardsOf = new Map(keys.map((k, i) => [k, maps[i]!.get(k) ?? 0n]));
  const all = (1n << BigInt(shardCount)) - 1n;
  let mask = all;
  for (const p of parts) mask &= forms(p).reduce((either, f) => either | f.route.reduce((both, k) => both & shardsOf.get(k)!, all), 0n);
  return mask;
}
