/** search-index/search.json: what the search page needs to know before it opens any shard. */
export interface ShardInfo {
  /** Folder under the search folder: `p` (subject profiles), `r0`, `r1`… (records by date, newest first). */
  name: string;
  pages: number;
  /** How many postings files its index has (<name>/index/0.bin.gz…; shard-index.ts). */
  indexFiles: number;
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
  version: 2;
  /** A digest of every other file of the index: asked for as `?v=<build>`, so no cache mixes two builds. */
  build: string;
  /** How many routing files there are (search-index/route/0.txt…; routing.ts). */
  routeFiles: number;
  /** How many number-lookup files there are (search-index/number/0.json…; numbers.ts). */
  numberFiles: number;
  /** How many known-phrase files there are (search-index/known/0.json…; known.ts). */
  knownFiles: number;
  shards: ShardInfo[];
}
