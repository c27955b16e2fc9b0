/**
 * The Pagefind index is split into shards by a hash of the report's slug, so that a build after one seed
 * changed indexes one shard again and takes the others from the build cache, and so that Pagefind,
 * which holds a whole index in memory while it writes it, never holds more than one shard's worth.
 * A report's shard depends on its slug and the number of shards alone: adding or removing another
 * report never moves it, unless the corpus crosses a size where the number of shards changes (then
 * every shard is indexed once again).
 *
 * How many: as few as keep every shard under SHARD_BYTES of Pagefind records, a power of two, at
 * least 2. Few, because each shard costs the hosted search page its own index chunk per query word
 * (at 100 synthetic reports the first query loads 357 KB with 8 shards, 255 KB with 4, 238 KB
 * with 2 and 156 KB with 1); bounded, because Pagefind's memory grows with its index: measured on
 * the synthetic corpus, its process peaks at about 75 MB + 105 × the shard's MB of records
 * (1.7 MB: 250 MB; 5.2 MB: 650 MB; 11.6 MB: 1.3 GB; 24.5 MB: 2.6 GB). A power of two, so the count
 * changes (and everything is indexed again) only when the corpus doubles; at least 2, so that a
 * rebuild after one seed changed indexes half the index at most.
 */
import { createHash } from 'node:crypto';

/**
 * Bytes of Pagefind records (their JSON) a shard holds at most, besides its largest report:
 * Pagefind then peaks under about 75 + 105 × 12 ≈ 1.3 GB. About 240 synthetic reports of 50 KB: 1000
 * of them get 8 shards, 10 000 get 64 (10 MB at most; with 10 MB as the budget they got 128).
 */
export const SHARD_BYTES = 12_000_000;

/** Shards are never more than this (2^16): far past any corpus, it only ends the doubling. */
const MOST_SHARDS = 65_536;

/** The shard of a report, out of `shards`. */
export function shardOf(slug: string, shards: number): number {
  return createHash('sha256').update(slug).digest().readUInt32BE(0) % shards;
}

/**
 * The number of shards for reports of these sizes (slug → bytes of its records): the smallest
 * power of two, from 2, that leaves no shard over `budget` bytes not counting its largest report
 * (no count can split a report, and one report larger than the budget must not make the count
 * double until it is alone: the document pages, indexed as one, grow with the corpus).
 */
export function shardCount(sizes: ReadonlyMap<string, number>, budget = SHARD_BYTES): number {
  const hashes = [...sizes].map(([slug, bytes]) => ({ hash: shardOf(slug, 2 ** 32), bytes }));
  let n = 2;
  for (; n < MOST_SHARDS; n *= 2) {
    const bytes = new Float64Array(n);
    const largest = new Float64Array(n);
    for (const { hash, bytes: b } of hashes) {
      bytes[hash % n] = bytes[hash % n]! + b;
      largest[hash % n] = Math.max(largest[hash % n]!, b);
    }
    if (bytes.every((b, i) => b - largest[i]! <= budget)) break;
  }
  return n;
}

/** Items grouped by their report's shard, each group in the order given. */
export function groupByShard<T>(items: readonly T[], slugOf: (item: T) => string, shards: number): T[][] {
  const out: T[][] = Array.from({ length: shards }, () => []);
  for (const item of items) out[shardOf(slugOf(item), shards)]!.push(item);
  return out;
}

/** How a search index step builds its shards. */
export interface ShardBuildOptions {
  /** Where built shards are kept between builds; none: no cache. */
  cacheDir?: string;
  /** Ignore cached shards (they are indexed again and the cache refreshed). */
  force?: boolean;
  /** Bytes of records a shard holds at most (default SHARD_BYTES). */
  shardBytes?: number;
  /**
   * Where the reports' records wait for their shard (removed at the end); default: a new folder
   * in the system's temporary folder. The build gives its own scratch folder, which the next
   * build clears if this one is killed.
   */
  spoolDir?: string;
  /** Told of a damaged cached shard (it is indexed again): the build's warning line. */
  warn?: (message: string) => void;
}
