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
