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
 *
 * Given a `pack` folder, the cache also reads entries from the zip the last build wrote
 * (scripts/zip/zip-pack.ts: one file read by offset, where the folder costs two files per entry),
 * and `keep` makes the zip just written the next build's pack; the folder then only carries
 * entries within a build (deflated ahead while Astro renders, read back by the zip), and is emptied.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { deflatePool, type DeflateLevel } from './deflate-pool.ts';
import { buildCache, cacheKey } from '../util/cache.ts';
import { openPack, sha256, writePack, type PackedEntry, type StampedFile } from './zip-pack.ts';

export type { DeflateLevel };

/** fflate's version: part of every key, so that upgrading it cannot mix two encoders' output. */
const fflateVersion = (createRequire(import.meta.url)('fflate/package.json') as { version: string }).version;

export interface DeflateCacheOptions {
  /** Where entries live; without it nothing is cached. */
  dir?: string;
  /** Where the last zip is kept as a pack of entries (zip-pack.ts); without it there is none. */
  pack?: string;
  level: DeflateLevel;
  /** Compress every file anew (the build's `--force`); the results still refill the cache. */
  force?: boolean;
  /** Told of a damaged entry (it is compressed again): the build's warning line. */
  warn?: (message: string) => void;
}

/** A file's deflated bytes as the cache gives them to the zip: with their key, and their SHA-256 when known. */
export interface DeflatedEntry {
  deflated: Uint8Array<ArrayBuffer>;
  key: string;
  digest?: string;
}

/** A file the zip knows by its stamp: its deflated entry from the last zip (checked), its size and CRC-32. */
export interface KnownFile {
  entry: DeflatedEntry;
  size: number;
  crc: number;
}

export interface DeflateCache {
  /**
   * Compresses `data` into the cache unless it is there already (in the pack, or stored, or being
   * compressed): deflating ahead of the zip, which then reads it (nothing is read here).
   */
  warm(data: Uint8Array): Promise<void>;
  /**
   * The raw DEFLATE stream of `data` at the cache's level, with its key: from the last zip or the
   * cache, or compressed now and stored. Asked again while the same bytes are being compressed,
   * it waits for that result.
   */
  entry(data: Uint8Array): Promise<DeflatedEntry>;
  /**
   * The file zipped last time under `stamp` (scripts/util/files.ts `fileStamp`), its entry read
   * from the last zip and checked against its digest: the zip need not read the file. Undefined
   * when unknown, under `force`, or when the entry is damaged (with a warning).
   */
  known(stamp: string): KnownFile | undefined;
  /** Whether `stamp` names a file the last zip holds (its entry is not read: deflating ahead skips it). */
  stamped(stamp: string): boolean;
  /**
   * Says that `entry`'s deflated bytes were written at `offset` of the zip being made, for a file
   * of `size` bytes and CRC-32 `crc` named by `stamp` when it has one (what `keep` records).
   */
  placed(entry: DeflatedEntry, offset: number, file?: { stamp: string | undefined; size: number; crc: number }): void;
  /**
   * With a pack folder: makes the finished zip at `zipPath` the next build's pack of entries
   * (call once the zip is complete). Otherwise nothing.
   */
  keep(zipPath: string): void;
  /**
   * Remove the entries this cache did not hand out (call after a successful build); once a pack
   * is kept, every entry of the folder (the pack holds them all).
   */
  prune(): Promise<void>;
  /**
   * How many entries the cache gave (`packed` of them from the pack, `unread` of those for files
   * known by their stamp, which were not read), and how many it compressed.
   */
  readonly stats: { hits: number; misses: number; packed: number; unread: number };
}

export function deflateCache({ dir, pack, level, force = false, warn }: DeflateCacheOptions): DeflateCache {
  const salt = `fflate ${fflateVersion} level ${level}`;
  const cache = buildCache(dir, { force, ...(warn ? { warn } : {}) });
  const stats = { hits: 0, misses: 0, packed: 0, unread: 0 };
  const pool = deflatePool();
  // Under --force the last zip is not read; the zip this build writes still becomes the pack.
  const say = warn ?? ((m: string) => console.warn(`warning: ${m}`));
  const last = pack && !force ? openPack(pack, salt, say) : undefined;
  /** The entries of the zip being written, by key, and its files by stamp (`placed`). */
  const placements = new Map<string, PackedEntry>();
  const stamps = new Map<string, StampedFile>();
  let kept = false;
  /** Compressions under way, by key. */
  const running = new Map<string, Promise<DeflatedEntry>>();
  const compress = async (key: string, data: Uint8Array): Promise<DeflatedEntry> => {
    stats.misses++;
    const deflated = await pool.deflate(data, level);
    // Not stored (a full disk…): the build is still right, the next one compresses it again.
    if (dir) await cache.store(key, (path) => writeFile(path, deflated)).catch(() => undefined);
    return { deflated, key };
  };
  /** Compresses `data` under `key`, registered so that the same bytes asked for meanwhile wait for it. */
  const start = (key: string, data: Uint8Array): Promise<DeflatedEntry> => {
    const made = compress(key, data).finally(() => running.delete(key));
    running.set(key, made);
    return made;
  };
  /** Entries of the pack found damaged: not read (and warned of) twice. */
  const damaged = new Set<string>();
  const stored = (key: string): DeflatedEntry | undefined => {
    const packed = damaged.has(key) ? undefined : last?.read(key);
    if (packed) {
      stats.packed++;
      return { key, ...packed };
    }
    // Checked against its seal: a damaged or missing entry is compressed again.
    const entry = dir ? cache.read(key) : undefined;
    return entry ? { deflated: new Uint8Array(entry), key } : undefined;
  };
  const entry = async (data: Uint8Array): Promise<DeflatedEntry> => {
    const key = cacheKey(salt, data);
    const pending = running.get(key);
    if (pending) {
      stats.hits++;
      return pending;
    }
    const found = stored(key);
    if (found) {
      stats.hits++;
      return found;
    }
    return start(key, data);
  };
  return {
    stats,
    entry,
    async warm(data) {
      const key = cacheKey(salt, data);
      if (running.has(key) || last?.has(key) || cache.has(key)) return;
      await start(key, data);
    },
    known(stamp) {
      const file = last?.stamped(stamp);
      if (!file || damaged.has(file.key)) return undefined;
      const packed = last!.read(file.key);
      if (!packed) {
        damaged.add(file.key);
        return undefined;
      }
      stats.hits++;
      stats.packed++;
      stats.unread++;
      return { entry: { key: file.key, ...packed }, size: file.size, crc: file.crc };
    },
    stamped: (stamp) => last?.stamped(stamp) !== undefined,
    placed({ key, deflated, digest }, offset, file) {
      if (!placements.has(key)) placements.set(key, { offset, length: deflated.length, digest: digest ?? sha256(deflated) });
      if (file?.stamp !== undefined) stamps.set(file.stamp, { key, size: file.size, crc: file.crc });
    },
    keep(zipPath) {
      if (!pack) return;
      last?.close();
      try {
        writePack(pack, zipPath, salt, placements, stamps);
        kept = true;
      } catch (error) {
        // A full disk…: the zip is right; the next build finds the earlier pack, or none, and compresses more.
        say(`the zip could not be kept as the next build's pack of entries (${(error as Error).message}): the next build compresses more`);
      }
    },
    async prune() {
      last?.close();
      if (kept) cache.clear();
      else await cache.prune();
    },
  };
}
