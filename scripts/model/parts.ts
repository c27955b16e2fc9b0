/**
 * Splitting the render (docs/scale.md): a large corpus is rendered by several Astro runs, each
 * over one *part* of the site, whose output folders are then merged into one `dist/`. Astro's
 * memory grows with the MDX modules one run bundles (one per report), so a run must hold only
 * its part's reports. The parts:
 *
 * - a **reports** part: the report pages and data downloads (`reports/<slug>.html`,
 *   `data/<slug>.*`) of its reports, its content collection restricted to their MDX files;
 * - the **lists** part: every other page (catalogue, figures, countries, documents, search,
 *   about…), bounded pages that read the models, never an MDX body: its collection is empty.
 *
 * A report's part is fixed by the hash of its slug (not by its position in the sorted list), so
 * adding a report moves no other report to another part, and each part keeps its own Astro cache.
 * This module is shared by the build (which plans the parts and merges them) and the site
 * (which reads the part it renders from `SITE_PART`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** What one Astro run renders: everything (one run), the lists, or the given reports' pages. */
export type SitePart = { kind: 'all' } | { kind: 'lists' } | { kind: 'reports'; name: string; slugs: readonly string[] };

/** Above this many reports `npm run build` renders in parts of at most this many (`SITE_PART_SIZE` overrides it). */
export const DEFAULT_PART_SIZE = 400;

/** The environment variable that tells the site which part it renders: `lists`, or the path of a reports part's JSON file. */
export const SITE_PART_ENV = 'SITE_PART';

/** The part index of `slug` among `count` parts: from the SHA-256 of the slug, so it does not depend on the other reports. */
export function partIndexOf(slug: string, count: number): number {
  return createHash('sha256').update(slug).digest().readUInt32BE(0) % count;
}

/**
 * The parts for these report slugs, at most `size` reports each on average: one part (`all`)
 * when they fit one run, else the lists part and ⌈n / size⌉ report parts (`reports-1` …), each
 * with its slugs sorted. A report part that the hash leaves empty is left out.
 */
export function planParts(slugs: readonly string[], size: number): SitePart[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`part size ${size}: expected a positive integer`);
  if (slugs.length <= size) return [{ kind: 'all' }];
  const count = Math.ceil(slugs.length / size);
  const bins: string[][] = Array.from({ length: count }, () => []);
  for (const slug of [...slugs].sort()) bins[partIndexOf(slug, count)]!.push(slug);
  const width = String(count).length;
  return [
    { kind: 'lists' },
    ...bins.flatMap((bin, i) => (bin.length ? [{ kind: 'reports' as const, name: `reports-${String(i + 1).padStart(width, '0')}`, slugs: bin }] : [])),
  ];
}

/** A part's name: `all`, `lists`, or `reports-N`. */
export function partName(part: SitePart): string {
  return part.kind === 'reports' ? part.name : part.kind;
}

/** The value of `SITE_PART` for a part: `lists`, or for a reports part the path of the JSON file that lists its slugs (`file`). */
export function partEnvValue(part: SitePart, file: string): string | undefined {
  return part.kind === 'all' ? undefined : part.kind === 'lists' ? 'lists' : file;
}

/**
 * The part this process renders, from `SITE_PART`: unset is the whole site; `lists`; or the path
 * of a JSON file `{ "name": "reports-2", "slugs": [...] }` (written by the build). Throws naming
 * the variable when the file is missing or malformed.
 */
export function sitePartFromEnv(env: Readonly<Record<string, string | undefined>>): SitePart {
  const value = env[SITE_PART_ENV];
  if (!value) return { kind: 'all' };
  if (value === 'lists') return { kind: 'lists' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(value, 'utf8'));
  } catch (error) {
    throw new Error(`${SITE_PART_ENV}=${value}: expected "lists" or a part file ({ "name", "slugs" }): ${(error as Error).message}`);
  }
  const { name, slugs } = (parsed ?? {}) as { name?: unknown; slugs?: unknown };
  if (typeof name !== 'string' || !Array.isArray(slugs) || !slugs.every((s) => typeof s === 'string'))
    throw new Error(`${SITE_PART_ENV}=${value}: a part file holds { "name": string, "slugs": string[] }`);
  return { kind: 'reports', name, slugs };
}

/** The report a file of the site belongs to (`reports/<slug>.html`, `data/<slug>.<ext>`), or undefined for every other file. */
export function reportOfPath(path: string): string | undefined {
  return /^(?:reports\/([a-z0-9][a-z0-9-]*)\.html|data\/([a-z0-9][a-z0-9-]*)\.[a-z.]+)$/.exec(path)?.slice(1).find(Boolean);
}
