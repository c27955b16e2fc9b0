/**
 * Sealing Astro's incremental-build copies. With `experimental.incrementalBuild`, Astro keeps a
 * copy of every keyed page in `<cacheDir>/dist/` and a manifest of their keys in
 * `<cacheDir>/incremental-build.json`; a page whose key is unchanged is copied from there instead
 * of rendered. Astro rewrites a copy in place as soon as it renders the page, and the manifest
 * only at the end: a build interrupted in between leaves a copy holding text that its manifest
 * entry does not describe, and the next build would publish it (issue 23, case 1).
 *
 * So after every Astro build that finished, the build records the SHA-256 of each copy in a seal
 * (`incremental-pages.json`, written atomically); before the next one, every copy is checked
 * against it and a copy that differs or that no seal lists is deleted: Astro then finds no copy
 * and renders that page again. Without a readable seal, no copy is trusted.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { filesUnder } from '../util/files.ts';

/** Where Astro keeps its page copies, and where the seal is, in its cache folder. */
export const copiesDir = (cacheDir: string) => join(cacheDir, 'dist');
export const sealPath = (cacheDir: string) => join(cacheDir, 'incremental-pages.json');

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Record the hash of every page copy: call once Astro's build has finished. */
export function sealPageCopies(cacheDir: string): void {
  const dir = copiesDir(cacheDir);
  const pages: Record<string, string> = {};
  for (const file of filesUnder(dir)) pages[file] = sha256(join(dir, file));
  writeFileAtomic(sealPath(cacheDir), `${JSON.stringify({ pages })}\n`);
}

/**
 * Delete every page copy that its seal does not vouch for, before Astro's build reads them.
 * Returns the warnings to show (none when every copy is sound).
 */
export function checkPageCopies(cacheDir: string): string[] {
  const dir = copiesDir(cacheDir);
  const copies = filesUnder(dir);
  if (copies.length === 0) return [];
  let sealed: Record<string, string> | undefined;
  try {
    sealed = (JSON.parse(readFileSync(sealPath(cacheDir), 'utf8')) as { pages: Record<string, string> }).pages;
  } catch {
    sealed = undefined;
  }
  if (!sealed || typeof sealed !== 'object') {
    rmSync(dir, { recursive: true, force: true });
    return [
      `Astro's ${copies.length} cached page copies were left by a build that did not finish (no seal in ${sealPath(cacheDir)}): every page is rendered again`,
    ];
  }
  const bad = copies.filter((file) => sealed[file] !== sha256(join(dir, file)));
  for (const file of bad) rmSync(join(dir, file), { force: true });
  if (bad.length === 0) return [];
  const names = `${bad.slice(0, 3).join(', ')}${bad.length > 3 ? `, … (${bad.length} in all)` : ''}`;
  return [`Astro's cached copies of ${names} differ from what the last finished build rendered (an interrupted build, or damage): rendered again`];
}
