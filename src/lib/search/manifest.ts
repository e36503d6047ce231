/** pagefind/search.json: what the search page needs to know before it opens any shard. */
export interface ShardInfo {
  /** Bundle folder under /pagefind/: `p` (subject profiles), `r0`, `r1`… (records by date, newest first). */
  name: string;
  pages: number;
  /** Date range of the shard's pages ('' when none has a date). */
  from: string;
  to: string;
  /** Filter values present in the shard, so a filtered search skips shards that cannot match. */
  kind: string[];
  region: string[];
  year: string[];
  status: string[];
}

export interface SearchManifest {
  version: 1;
  /** A digest of the index's file names (content-hashed): Pagefind's cache tag for its metadata files. */
  build: string;
  /** How many routing files there are (pagefind/route/0.txt…; routing.ts). */
  routeFiles: number;
  /** How many number-lookup files there are (pagefind/number/0.json…; numbers.ts). */
  numberFiles: number;
  /** How many known-phrase files there are (pagefind/known/0.json…; known.ts). */
  knownFiles: number;
  shards: ShardInfo[];
}
