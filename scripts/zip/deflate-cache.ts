/**
 * A build cache for the offline zip's deflated entries. Deflating the whole site is
 * seconds of pure-JS work on every build, while a rebuild after one seed changes touches only a
 * few files (the report page, the home page, one offline index shard); with this cache only those are
 * compressed again.
 *
 * An entry is the raw DEFLATE stream of a file's bytes, stored under the SHA-256 of those bytes
 * together with the compression level and fflate's version: fflate is deterministic for a given
 * version and level, so a cached entry is exactly what compressing again would give (and
 * `verify:reproducible`, whose second build ignores the cache, checks it). Storage, atomic
 * writes and pruning are the shared build cache's (`scripts/util/cache.ts`).
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { deflatePool, type DeflateLevel } from './deflate-pool.ts';
import { buildCache, cacheKey } from '../util/cache.ts';

export type { DeflateLevel };

/** fflate's version: part of every key, so that upgrading it cannot mix two encoders' output. */
const fflateVersion = (createRequire(import.meta.url)('fflate/package.json') as { version: string }).version;

export interface DeflateCacheOptions {
  /** Where entries live; without it nothing is cached. */
  dir?: string;
  level: DeflateLevel;
  /** Compress every file anew (the build's `--force`); the results still refill the cache. */
  force?: boolean;
  /** Told of a damaged entry (it is compressed again): the build's warning line. */
  warn?: (message: string) => void;
}

export interface DeflateCache {
  /**
   * The raw DEFLATE stream of `data` at the cache's level: from the cache, or compressed now and
   * stored. Asked again while the same bytes are being compressed, it waits for that result.
   */
  deflate(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
  /** Remove the entries this cache did not hand out (call after a successful build). */
  prune(): Promise<void>;
  /** How many `deflate` calls the cache answered, and how many compressed. */
  readonly stats: { hits: number; misses: number };
}

export function deflateCache({ dir, level, force = false, warn }: DeflateCacheOptions): DeflateCache {
  const salt = `fflate ${fflateVersion} level ${level}`;
  // Entries are stored while Astro renders (deflated ahead) and the zip's prune ends the build:
  // they are flushed to the disk meanwhile, two at a time, leaving the prune little to wait for.
  const cache = buildCache(dir, { force, flushAhead: 2, ...(warn ? { warn } : {}) });
  const stats = { hits: 0, misses: 0 };
  const pool = deflatePool();
  /** Compressions under way, by key. */
  const running = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const compress = async (key: string, data: Uint8Array) => {
    stats.misses++;
    const deflated = await pool.deflate(data, level);
    // Not stored (a full disk…): the build is still right, the next one compresses it again.
    if (dir) await cache.store(key, (path) => writeFile(path, deflated)).catch(() => undefined);
    return deflated;
  };
  return {
    stats,
    async deflate(data) {
      const key = cacheKey(salt, data);
      const pending = running.get(key);
      if (pending) {
        stats.hits++;
        return pending;
      }
      // Checked against its seal: a damaged or missing entry is compressed again below.
      const stored = dir ? cache.read(key) : undefined;
      if (stored) {
        stats.hits++;
        return new Uint8Array(stored);
      }
      const made = compress(key, data).finally(() => running.delete(key));
      running.set(key, made);
      return made;
    },
    async prune() {
      await cache.prune();
    },
  };
}
