/**
 * Build-time access to the report models the converter writes to `content/data/<slug>.json`,
 * validated with the converter's own `reportSchema`.
 */
import { readdirSync, readFileSync } from 'node:fs';
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
const cache = new Map<string, Report>();

/** The validated model of one report; throws with the file name if it is missing or invalid. */
export function loadReport(slug: string): Report {
  const cached = cache.get(slug);
  if (cached) return cached;
  const file = join(DATA_DIR, `${slug}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the report model ${file} (run \`npm run convert\`): ${String(error)}`);
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} does not match reportSchema: ${parsed.error.message}`);
  cache.set(slug, parsed.data);
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

let crossLinks: CrossLinks | undefined;

/**
 * The cross-report links of the whole corpus (every model in `content/data/`), computed once
 * per build: report pages and their section headings all read from it.
 */
export function loadCrossLinks(): CrossLinks {
  if (crossLinks) return crossLinks;
  const slugs = readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  crossLinks = buildCrossLinks(slugs.map(loadReport));
  return crossLinks;
}
