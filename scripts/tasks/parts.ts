/**
 * The split render's files (docs/scale.md): how large a part is, how many run at once, the part
 * file a reports part's Astro run reads (`SITE_PART`), and the merge of a part's output folder
 * into the staging folder. The parts' trees are disjoint by construction — a report's page and
 * data files come from its part, every other file from the lists part — and the merge checks it:
 * a file a part writes outside what it owns must be byte-identical to the lists part's (a shared
 * script or image), else the build fails naming it, so no page is lost or taken from the wrong run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_PART_SIZE, partName, reportOfPath, type SitePart } from '../model/parts.ts';
import { writeFileAtomic } from '../util/atomic.ts';
import { filesUnder } from '../util/files.ts';

/** A positive integer from the environment, or the default; anything else is an error naming the variable. */
function positive(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${value}: expected a positive integer`);
  return n;
}

/** Reports per part: above this many reports the render is split (`SITE_PART_SIZE`, default {@link DEFAULT_PART_SIZE}). */
export const partSize = (): number => positive('SITE_PART_SIZE', DEFAULT_PART_SIZE);

/** Report parts rendered at once (`SITE_PART_JOBS`, default 1: each Astro run is single-threaded, but two double the peak memory). */
export const partJobs = (): number => positive('SITE_PART_JOBS', 1);

/** Writes a reports part's file (its name and slugs) under `root` and returns its path; other parts need none. */
export function writePartFile(root: string, part: SitePart): string {
  const file = join(root, `${partName(part)}.json`);
  if (part.kind !== 'reports') return file;
  mkdirSync(root, { recursive: true });
  writeFileAtomic(file, `${JSON.stringify({ name: part.name, slugs: part.slugs })}\n`);
  return file;
}

/** Whether `part` owns the file `path` of the site: a reports part its reports' files, the lists part every other file. */
function owns(part: SitePart, owned: ReadonlySet<string>, path: string): boolean {
  const report = reportOfPath(path);
  return part.kind === 'reports' ? report !== undefined && owned.has(report) : report === undefined;
}

/**
 * Moves the files `part` owns from its output folder `partDir` into `staging` (renames: the same
 * file system) and removes the folder; returns the moved paths. Throws, naming the file, when a
 * part wrote a file it does not own that differs from the lists part's (or that the lists part
 * did not write), or when two parts wrote the same owned file. The lists part is merged first.
 */
export function mergePart(staging: string, partDir: string, part: SitePart): string[] {
  const owned = new Set(part.kind === 'reports' ? part.slugs : []);
  const name = partName(part);
  const moved: string[] = [];
  for (const path of filesUnder(partDir)) {
    const from = join(partDir, path);
    const to = join(staging, path);
    if (owns(part, owned, path)) {
      if (existsSync(to)) throw new Error(`${path} was written by part ${name} and by another part`);
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
      moved.push(path);
    } else if (reportOfPath(path) !== undefined) {
      throw new Error(`part ${name} wrote ${path}, which belongs to another part (its report is not in ${name})`);
    } else if (!existsSync(to) || !readFileSync(to).equals(readFileSync(from))) {
      throw new Error(
        `part ${name} wrote ${path}, which the lists part ${existsSync(to) ? 'wrote differently' : 'did not write'}: the parts would not make one site`,
      );
    }
  }
  rmSync(partDir, { recursive: true, force: true });
  return moved;
}

/** Removes the caches of parts this build does not have (the corpus grew or shrank, or is no longer split). */
export function prunePartCaches(dir: string, names: readonly string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) if (!names.includes(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
}
