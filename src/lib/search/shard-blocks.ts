/**
 * The blocks of one shard's pages (search-index-worker.ts builds a shard page by page), each
 * segmented (segment.ts), its routing keys added and its known phrases found once.
 */
import type { KnownMatcher } from './known.ts';
import { addRouteKeys, segmentBlock } from './segment.ts';
import type { ShardIndexBuilder } from './shard-index.ts';

/** A block of a shard's pages as its index needs it. */
export interface ShardBlock {
  /** Its tokens as the shard's token ids (shard-index.ts). */
  ids: Int32Array;
  /** The known phrases it holds (known.ts). */
  known: readonly string[];
}

/** Distinct blocks a shard remembers, and their characters: a bound on its memory, whatever the pages. */
export const REMEMBERED = { blocks: 100_000, chars: 2_000_000 };

/**
 * A shard's blocks, each segmented (segment.ts), its routing keys added and its known phrases
 * found once: most blocks stand on many of a shard's pages (the field names, the letters'
 * template clauses, agency names), and this was most of the shard's build.
 */
export class ShardBlocks {
  /** The shard's routing keys. */
  readonly routeKeys = new Set<string>();
  readonly #seen = new Map<string, ShardBlock>();
  #chars = 0;
  readonly #index: ShardIndexBuilder;
  readonly #matcher: KnownMatcher;
  readonly #bound: typeof REMEMBERED;

  constructor(index: ShardIndexBuilder, matcher: KnownMatcher, bound = REMEMBERED) {
    this.#index = index;
    this.#matcher = matcher;
    this.#bound = bound;
  }

  /** A block of the shard's next page. */
  of(text: string): ShardBlock {
    let block = this.#seen.get(text);
    if (block) return block;
    const segmented = segmentBlock(text);
    addRouteKeys([segmented], this.routeKeys);
    block = { ids: this.#index.tokenIds(segmented.tokens), known: this.#matcher.inBlock(segmented) };
    if (this.#seen.size < this.#bound.blocks && this.#chars + text.length <= this.#bound.chars) {
      this.#seen.set(text, block);
      this.#chars += text.length;
    }
    return block;
  }
}
