/**
 * Build-time access to the report models the converter writes to `content/data/<slug>.json`,
 * validated with the converter's own `reportSchema`.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, type Report } from '../../scripts/lib/schema.ts';
import { symbolSlug } from './urls.ts';
import { citedDocuments, type CitedDocument } from './citations.ts';

const DATA_DIR = join(process.cwd(), 'content', 'data');
/** Models by slug, with the file's mtime: `npm run dev` reconverts seeds while the server runs. */
const cache = new Map<string, { mtimeMs: number; report: Report }>();

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
