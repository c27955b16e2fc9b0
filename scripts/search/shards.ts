/**
 * The Pagefind index is split into shards by a hash of the report's slug, so that a build after one seed
 * changed indexes one shard again and takes the others from the build cache. A report's shard
 * depends on its slug alone: adding or removing another report never moves it.
 *
 * Why 8: at 100 synthetic reports, one shard is about 1/8 of the indexing work (a rebuild
 * re-indexes one); at 1000 reports a Pagefind shard needs about 1/8 of the 5.5 GB that one
 * index took. More shards repeat more of the shared vocabulary and cost the hosted search page
 * one more small index file per shard and query.
 */
import { createHash } from 'node:crypto';
import type { SearchRecord } from './records.ts';

export const SEARCH_SHARDS = 8;

/** The shard of a report. */
export function shardOf(slug: string, shards = SEARCH_SHARDS): number {
  return createHash('sha256').update(slug).digest().readUInt32BE(0) % shards;
}

/** Items grouped by their report's shard, each group in the order given. */
export function groupByShard<T>(items: readonly T[], slugOf: (item: T) => string, shards = SEARCH_SHARDS): T[][] {
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
