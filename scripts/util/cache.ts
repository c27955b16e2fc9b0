/**
 * A keyed build cache: a folder of entries (files or folders) named by the SHA-256 of everything
 * that decides them, so an entry is exactly what making it again would give. `prune` removes the
 * entries this build did not use. `force` (the build's `--force`) ignores what earlier builds
 * stored (what this one stored is found) and refills the cache. Without a folder, entries go to
 * a throwaway folder that `release` (or `prune`) removes: nothing is kept between builds.
 *
 * Faults never make a wrong build (issue 23). An entry is made under a temporary name and renamed
 * into place; then its *seal* `<key>.sha256`, the SHA-256 of its bytes, is written atomically
 * beside it. Every lookup hashes the entry again and compares: an entry without a seal (a build
 * killed between the two renames) is made again quietly, and an entry whose bytes differ from its
 * seal (truncated, bit-flipped, rewritten by hand, or not yet on the disk when the power went) is
 * removed and made again with a warning. A damaged entry is never used and never fails a build.
 * Entries and seals are flushed to the disk together by `prune` at the end of the build, not one
 * by one as they are stored (scripts/util/atomic.ts: four fsyncs per entry were most of the zip
 * step's time at 100 reports).
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flushSet, writeFileAtomic } from './atomic.ts';

/** The SHA-256 of the parts, each ended by a NUL so that ('ab', 'c') and ('a', 'bc') differ. */
export function cacheKey(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * The key of some files' contents (an absent file counts as empty): for what, besides an entry's
 * own input, decides it — the code that makes it and the versions of the packages it uses.
 */
export function filesKey(paths: readonly string[]): string {
  return cacheKey(...paths.map((path) => (existsSync(path) ? readFileSync(path) : '')));
}

/** The seal's file name beside an entry. */
const SEAL = '.sha256';

/** Every file under `path` (itself when a file), in a fixed order, with its path relative to `path`. */
function walk(path: string, relative = ''): string[] {
  if (!statSync(path).isDirectory()) return [relative];
  return readdirSync(path)
    .sort()
    .flatMap((name) => walk(join(path, name), relative ? `${relative}/${name}` : name));
}

/** The SHA-256 of an entry: a file's bytes, or a folder's file names and bytes. */
export function entryDigest(path: string): string {
  const hash: Hash = createHash('sha256');
  for (const file of walk(path))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(file ? join(path, file) : path))
      .update('\0');
  return hash.digest('hex');
}

/** An entry's path, and every file and folder under it. */
function entryPaths(path: string): string[] {
  const paths = new Set([path]);
  for (const file of walk(path)) {
    const parts = file ? file.split('/') : [];
    for (let i = 1; i <= parts.length; i++) paths.add(join(path, ...parts.slice(0, i)));
  }
  return [...paths];
}

export interface BuildCache {
  /**
   * The stored entry of `key` (marked as used), checked against its seal; undefined when absent,
   * damaged (removed, with a warning) or forced and stored by an earlier build.
   */
  lookup(key: string): string | undefined;
  /** Whether a usable entry of `key` seems to be there (not checked, not marked as used): to skip making it ahead. */
  has(key: string): boolean;
  /** The bytes of the file entry of `key`, checked against its seal (one read): as `lookup`. */
  read(key: string): Buffer | undefined;
  /**
   * Make the entry of `key`: `make` fills the path it is given (a file or a folder), which then
   * becomes the entry. Returns where the entry is.
   */
  store(key: string, make: (path: string) => Promise<void> | void): Promise<string>;
  /**
   * Flush the entries this build stored to the disk, remove the entries it did not use (call
   * after the build succeeded), and release.
   */
  prune(): Promise<void>;
  /**
   * Remove every entry, unflushed (after a successful build, when what the entries held is kept
   * elsewhere: the zip's pack, scripts/zip/zip-pack.ts), and release.
   */
  clear(): void;
  /** Remove the throwaway folder of a cache without a folder (call whether or not the build succeeded). */
  release(): void;
}

export interface BuildCacheOptions {
  force?: boolean;
  /** Told of every damaged entry found (default: a line on stderr). */
  warn?: (message: string) => void;
}

export function buildCache(dir: string | undefined, { force = false, warn = (m) => console.warn(`warning: ${m}`) }: BuildCacheOptions = {}): BuildCache {
  const used = new Set<string>();
  /** Entries stored by this build: fresh even when forced. */
  const made = new Set<string>();
  /** Entries and seals stored by this build, flushed together by `prune`. */
  const unflushed = flushSet();
  let throwaway: string | undefined;
  const root = () => dir ?? (throwaway ??= mkdtempSync(join(tmpdir(), 'un-hr-cache-')));

  /** Whether the entry at `path` matches its seal; a damaged one is removed (with a warning), an unsealed one quietly. */
  const sound = (path: string, digest: () => string): boolean => {
    let seal: string | undefined;
    try {
      seal = readFileSync(`${path}${SEAL}`, 'utf8').trim();
    } catch {
      // No seal: the build that made it was stopped before sealing it.
    }
    if (seal !== undefined) {
      let actual: string;
      try {
        actual = digest();
      } catch (error) {
        actual = `unreadable (${(error as NodeJS.ErrnoException).code ?? error})`;
      }
      if (actual === seal) return true;
      warn(`cache entry ${path} is damaged (its bytes do not match their SHA-256 ${seal.slice(0, 12)}…): it is made again, not used`);
    }
    rmSync(path, { recursive: true, force: true });
    rmSync(`${path}${SEAL}`, { force: true });
    return false;
  };

  /** The path of a usable entry of `key`, or undefined. */
  const find = (key: string): string | undefined => {
    if (!dir) return undefined;
    used.add(key);
    const path = join(dir, key);
    return (!force || made.has(key)) && existsSync(path) ? path : undefined;
  };

  return {
    has: (key) => dir !== undefined && (!force || made.has(key)) && existsSync(join(dir, key)),
    lookup(key) {
      const path = find(key);
      return path && sound(path, () => entryDigest(path)) ? path : undefined;
    },
    read(key) {
      const path = find(key);
      if (!path) return undefined;
      let bytes: Buffer | undefined;
      const ok = sound(path, () => {
        bytes = readFileSync(path);
        return createHash('sha256').update('').update('\0').update(bytes).update('\0').digest('hex');
      });
      return ok ? bytes : undefined;
    },
    async store(key, make) {
      mkdirSync(root(), { recursive: true });
      const final = join(root(), key);
      const part = `${final}.${process.pid}.part`;
      rmSync(part, { recursive: true, force: true });
      let digest: string;
      try {
        await make(part);
        digest = entryDigest(part);
      } catch (error) {
        rmSync(part, { recursive: true, force: true });
        throw error;
      }
      used.add(key);
      made.add(key);
      // Unsealed first: a build killed from here on leaves an entry that is made again, never trusted.
      rmSync(`${final}${SEAL}`, { force: true });
      rmSync(final, { recursive: true, force: true });
      try {
        renameSync(part, final);
      } catch (error) {
        // Another build stored the same key in between: its entry is the same bytes.
        rmSync(part, { recursive: true, force: true });
        if (!existsSync(final)) throw error;
      }
      for (const path of entryPaths(final)) unflushed.add(path);
      writeFileAtomic(`${final}${SEAL}`, `${digest}\n`, unflushed);
      return final;
    },
    async prune() {
      this.release();
      if (!dir || !existsSync(dir)) return;
      await unflushed.flush();
      for (const name of readdirSync(dir)) {
        const key = name.endsWith(SEAL) ? name.slice(0, -SEAL.length) : name;
        if (!used.has(key)) rmSync(join(dir, name), { recursive: true, force: true });
      }
    },
    clear() {
      this.release();
      unflushed.forget();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    release() {
      if (throwaway) rmSync(throwaway, { recursive: true, force: true });
      throwaway = undefined;
    },
  };
}
