/**
 * What a build produced, measured on disk: file count, bytes, pages. Used for the summary,
 * the benchmark and the reproducibility check (per-file hashes).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, as sorted paths relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return walk(dir)
    .map((f) => relative(dir, f).split(sep).join('/'))
    .sort();
}

export interface TreeStats {
  files: number;
  bytes: number;
  /** `.html` files: the site's pages (including 404.html). */
  pages: number;
}

export function treeStats(dir: string): TreeStats {
  const files = listFiles(dir);
  return {
    files: files.length,
    bytes: files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0),
    pages: files.filter((f) => f.endsWith('.html')).length,
  };
}

/** sha256 of every file under `dir`, keyed by relative path: two trees are identical when these maps are. */
export function treeHashes(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

/** Paths that differ between two hash maps (missing on either side, or different content), sorted. */
export function diffHashes(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}

/** A page larger than this is named in a warning: browsers slow down, and phones give up, on pages of tens of MB. */
export const PAGE_WARN_BYTES = 8_000_000;
/** More files than this are a warning: static hosts commonly cap a site there (GitHub Pages, Netlify, Cloudflare Pages: 20 000). */
export const HOST_FILE_LIMIT = 20_000;

/** Warnings about the size of a built site: pages above PAGE_WARN_BYTES, a file count above HOST_FILE_LIMIT. */
export function sizeWarnings(dir: string, stats: TreeStats = treeStats(dir)): string[] {
  const MB = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const big = listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f, statSync(join(dir, f)).size] as const)
    .filter(([, size]) => size > PAGE_WARN_BYTES);
  const warnings = big.map(
    ([f, size]) =>
      `${f} is ${MB(size)} (over ${MB(PAGE_WARN_BYTES)}, PAGE_WARN_BYTES): readers' browsers may be slow to open it; consider splitting that report into several seeds`,
  );
  if (stats.files > HOST_FILE_LIMIT) {
    warnings.push(
      `the site has ${stats.files} files, over the ${HOST_FILE_LIMIT} many static hosts accept (HOST_FILE_LIMIT): check your host's limit before deploying`,
    );
  }
  return warnings;
}
