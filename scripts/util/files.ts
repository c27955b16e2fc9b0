/**
 * Listing a folder's files as the build steps compare them: `/`-separated paths relative to the
 * folder, sorted, so that two trees list alike on every platform.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, type Dirent } from 'node:fs';
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
 * Links every file of `from` into `to` (hard links: no second copy of what a cache keeps), or
 * copies it where a link cannot be made (another file system). Returns the linked paths, as
 * {@link filesUnder} lists them.
 */
export function linkTree(from: string, to: string): string[] {
  const files = filesUnder(from);
  for (const file of files) {
    const target = join(to, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(from, file), target);
    } catch {
      copyFileSync(join(from, file), target);
    }
  }
  return files;
}
