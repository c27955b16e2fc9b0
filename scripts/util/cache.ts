/**
 * A keyed build cache: a folder of entries (files or folders) named by the SHA-256 of everything
 * that decides them, so an entry is exactly what making it again would give. Entries are written
 * under a temporary name and renamed, so a build killed mid-write never leaves half an entry;
 * `prune` removes the entries this build did not use. `force` (the build's `--force`) ignores
 * what earlier builds stored (what this one stored is found) and refills the cache. Without a folder, entries go to a throwaway folder
 * that `release` (or `prune`) removes: nothing is kept between builds.
 *
 * Two builds running at once in one checkout may prune each other's entries: the cost is
 * indexing or compressing again, or a copy that fails with ENOENT (that build then fails and
 * leaves the last good dist/), never a half-copied entry taken for a whole one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export interface BuildCache {
  /** The stored entry of `key` (marked as used), or undefined when absent, or forced and stored by an earlier build. */
  lookup(key: string): string | undefined;
  /**
   * Make the entry of `key`: `make` fills the path it is given (a file or a folder), which then
   * becomes the entry. Returns where the entry is.
   */
  store(key: string, make: (path: string) => Promise<void> | void): Promise<string>;
  /** Remove the entries this build did not use (call after the build succeeded), and release. */
  prune(): void;
  /** Remove the throwaway folder of a cache without a folder (call whether or not the build succeeded). */
  release(): void;
}

export function buildCache(dir: string | undefined, { force = false }: { force?: boolean } = {}): BuildCache {
  const used = new Set<string>();
  /** Entries stored by this build: fresh even when forced. */
  const made = new Set<string>();
  let throwaway: string | undefined;
  const root = () => dir ?? (throwaway ??= mkdtempSync(join(tmpdir(), 'un-hr-cache-')));
  return {
    lookup(key) {
      if (!dir) return undefined;
      used.add(key);
      const path = join(dir, key);
      return (!force || made.has(key)) && existsSync(path) ? path : undefined;
    },
    async store(key, make) {
      mkdirSync(root(), { recursive: true });
      const final = join(root(), key);
      const part = `${final}.${process.pid}.part`;
      rmSync(part, { recursive: true, force: true });
      try {
        await make(part);
      } catch (error) {
        rmSync(part, { recursive: true, force: true });
        throw error;
      }
      used.add(key);
      made.add(key);
      rmSync(final, { recursive: true, force: true });
      try {
        renameSync(part, final);
      } catch (error) {
        // Another build stored the same key in between: its entry is the same bytes.
        rmSync(part, { recursive: true, force: true });
        if (!existsSync(final)) throw error;
      }
      return final;
    },
    prune() {
      this.release();
      if (!dir || !existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
    },
    release() {
      if (throwaway) rmSync(throwaway, { recursive: true, force: true });
      throwaway = undefined;
    },
  };
}
