/**
 * Listing a folder's files as the build steps compare them: `/`-separated paths relative to the
 * folder, sorted, so that two trees list alike on every platform.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';

/** Every file under `dir`, `/`-separated and relative to it, sorted; none when `dir` is missing. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) =>
      join(d.parentPath, d.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

/**
 * Puts every file under `from` (that `keep` accepts, given its path relative to `from`) at the
 * same place under `to`, as a hard link to the same bytes (a copy across file systems): the
 * caches' entries reach the site without copying, and keep their inode and modification time,
 * which is how the zip knows a file it zipped before ({@link fileStamp}).
 */
export function linkTree(from: string, to: string, keep: (file: string) => boolean = () => true): void {
  for (const file of filesUnder(from)) {
    if (!keep(file)) continue;
    const target = join(to, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(from, file), target);
    } catch {
      copyFileSync(join(from, file), target);
    }
  }
}

/** A file's stamp (see {@link fileStamp}): undefined for a file modified too recently to be told apart from a later rewrite. */
export type FileStamp = string | undefined;

/**
 * Names a file's bytes without reading them, as make and git do: its device, inode, size and
 * modification time in nanoseconds. A file rewritten in place gets a new modification time (or
 * size); a file written anew, a new inode. A file modified less than `settledMs` before `now`
 * has no stamp, since a rewrite within the same clock tick would keep its time (git's "racily
 * clean" files). Trust in a stamp is trust that nobody sets modification times back by hand:
 * callers check what the stamp leads to (a digest) and `--force` does not read stamps at all.
 */
export function fileStamp(path: string, now = Date.now(), settledMs = 2000): FileStamp {
  const s = statSync(path, { bigint: true });
  if (Number(s.mtimeMs) > now - settledMs) return undefined;
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
}
