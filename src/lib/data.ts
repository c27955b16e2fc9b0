/**
 * Build-time access to the report models the converter writes to `content/data/<slug>.json`,
 * validated with the converter's own `reportSchema`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, type Report } from '../../scripts/lib/schema.ts';
import { symbolSlug } from './urls.ts';
import { citedDocuments, type CitedDocument } from './citations.ts';
import { buildCrossLinks, type CrossLinks } from './crosslinks.ts';

/**
 * The converter's output folder: `content/`, or `CONTENT_DIR` for a site built from other
 * seeds (the hostile-input browser test builds one from a temporary folder).
 */
export const contentDir = process.env.CONTENT_DIR ?? join(process.cwd(), 'content');
const DATA_DIR = join(contentDir, 'data');
/** Models by slug, with the file's mtime: `npm run dev` reconverts seeds while the server runs. */
const cache = new Map<string, { mtimeMs: number; report: Report }>();

/** The slugs of every report model in the content folder, sorted. */
export function reportSlugs(): string[] {
  return readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Only the dev server sees content change while it runs; a build reads it once. */
const LIVE = process.env.NODE_ENV === 'development';

/**
 * A key that changes whenever a report model is added, removed or rewritten, for values
 * computed from the whole corpus (cross-links, figures) that `npm run dev` must recompute.
 * Constant outside the dev server, so a build of 1000 reports does not stat them per page.
 */
export function corpusKey(): string {
  if (!LIVE) return '';
  return reportSlugs()
    .map((slug) => `${slug}@${statSync(join(DATA_DIR, `${slug}.json`), { throwIfNoEntry: false })?.mtimeMs ?? -1}`)
    .join('|');
}

/** The validated model of one report; throws with the file name if it is missing or invalid. */
export function loadReport(slug: string): Report {
  const file = join(DATA_DIR, `${slug}.json`);
  const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const cached = cache.get(slug);
  if (cached && cached.mtimeMs === mtimeMs) return cached.report;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the report model ${file} (run \`npm run convert\`): ${String(error)}`);
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} does not match reportSchema: ${parsed.error.message}`);
  cache.set(slug, { mtimeMs, report: parsed.data });
  return parsed.data;
}

/**
 * Every cited document across the given reports. Throws if two symbols would share a page
 * file name, so no document page silently overwrites another.
 */
export function loadCitedDocuments(slugs: readonly string[]): CitedDocument[] {
  const docs = citedDocuments(slugs.map(loadReport));
  const seen = new Map<string, string>();
  for (const doc of docs) {
    const slug = symbolSlug(doc.symbol);
    const other = seen.get(slug);
    if (other !== undefined) throw new Error(`symbols ${other} and ${doc.symbol} share the page name ${slug}`);
    seen.set(slug, doc.symbol);
  }
  return docs;
}

let crossLinks: { key: string; links: CrossLinks } | undefined;

/**
 * The cross-report links of the whole corpus (every model in `content/data/`), computed once
 * per build: report pages and their section headings all read from it.
 */
export function loadCrossLinks(): CrossLinks {
  const key = corpusKey();
  if (crossLinks?.key !== key) crossLinks = { key, links: buildCrossLinks(reportSlugs().map(loadReport)) };
  return crossLinks.links;
}
