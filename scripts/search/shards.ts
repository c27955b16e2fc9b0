/**
 * The Pagefind index is split into shards by a hash of the report's slug, so that a build after one seed
 * changed indexes one shard again and takes the others from the build cache. A report's shard
 * depends on its slug and the number of shards alone: adding or removing another report never
 * moves it, unless the corpus crosses a size where the number of shards changes (then every
 * shard is indexed once again).
 *
 * How many: each shard costs the hosted search page its own index chunk per query word, so a
 * small corpus gets few — at 100 synthetic reports the first query loads 357 KB with 8 shards,
 * 255 KB with 4, 238 KB with 2 and 156 KB with 1 — and a large one up to 8: at 1000 reports a
 * Pagefind shard needs about 1/8 of the 5.5 GB that one index took. Never fewer than 2, so that
 * a rebuild after one seed changed indexes half the index at most (and the search page's merging
 * of shards runs on every site).
 */
import { createHash } from 'node:crypto';
import type { SearchRecord } from '../model/search-record.ts';

/** The most shards an index has (from 257 reports up). */
export const MAX_SHARDS = 8;
/** Reports a shard holds before the count doubles (2 shards up to 128 reports, 4 up to 256). */
export const REPORTS_PER_SHARD = 64;

/** The number of shards for a corpus of `reports` reports: a power of two from 2 to MAX_SHARDS. */
export function shardCount(reports: number): number {
  let n = 2;
  while (n < MAX_SHARDS && reports > n * REPORTS_PER_SHARD) n *= 2;
  return n;
}

/** The shard of a report, out of `shards`. */
export function shardOf(slug: string, shards: number): number {
  return createHash('sha256').update(slug).digest().readUInt32BE(0) % shards;
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
  /** The records, when the caller has them already. */
  records?: readonly SearchRecord[];
}
