/**
 * A build cache for the offline zip's deflated entries. Deflating the whole site at level 9 is
 * seconds of pure-JS work on every build, while a rebuild after one seed changes touches only a
 * few files (the report page, the home page, the offline index); with this cache only those are
 * compressed again.
 *
 * An entry is the raw DEFLATE stream of a file's bytes, stored under the SHA-256 of those bytes
 * together with the compression level and fflate's version: fflate is deterministic for a given
 * version and level, so a cached entry is exactly what compressing again would give (and
 * `verify:reproducible`, whose second build ignores the cache, checks it). Entries are written
 * to a temporary name and renamed, so an interrupted build never leaves half an entry behind.
 * Entries the last successful build did not use are removed by `prune`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deflateSync, type DeflateOptions } from 'fflate';

export type DeflateLevel = NonNullable<DeflateOptions['level']>;

/** fflate's version: part of every key, so that upgrading it cannot mix two encoders' output. */
const fflateVersion = (createRequire(import.meta.url)('fflate/package.json') as { version: string }).version;

export interface DeflateCacheOptions {
  /** Where entries live; without it nothing is cached. */
  dir?: string;
  level: DeflateLevel;
  /** Compress every file anew (the build's `--force`); the results still refill the cache. */
  force?: boolean;
}

export interface DeflateCache {
  /** The raw DEFLATE stream of `data` at the cache's level: from the cache, or compressed now and stored. */
  deflate(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
  /** Remove the entries this cache did not hand out (call after a successful build). */
  prune(): Promise<void>;
  /** How many `deflate` calls the cache answered, and how many compressed. */
  readonly stats: { hits: number; misses: number };
}

export function deflateCache({ dir, level, force = false }: DeflateCacheOptions): DeflateCache {
  const salt = `fflate ${fflateVersion} level ${level}\0`;
  const used = new Set<string>();
  const stats = { hits: 0, misses: 0 };
  let ready: Promise<unknown> | undefined;

  async function stored(file: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    try {
      return new Uint8Array(await readFile(file));
    } catch {
      return undefined; // not cached yet, or removed by a concurrent build's prune
    }
  }

  return {
    stats,
    async deflate(data) {
      if (!dir) {
        stats.misses++;
        return deflateSync(data, { level });
      }
      const name = createHash('sha256').update(salt).update(data).digest('hex');
      const file = join(dir, name);
      used.add(name);
      const hit = force ? undefined : await stored(file);
      if (hit) {
        stats.hits++;
        return hit;
      }
      stats.misses++;
      const deflated = deflateSync(data, { level });
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await (ready ??= mkdir(dir, { recursive: true }));
        await writeFile(temporary, deflated);
        await rename(temporary, file);
      } catch {
        // Not stored (a full disk, a concurrent build's prune took the temporary file): the
        // build is still right, the next one compresses this file again.
        await rm(temporary, { force: true });
      }
      return deflated;
    },
    async prune() {
      if (!dir) return;
      const names = await readdir(dir).catch(() => [] as string[]);
      await Promise.all(names.filter((name) => !used.has(name)).map((name) => rm(join(dir, name), { force: true })));
    },
  };
}
