/**
 * The hosted search index: one Pagefind custom record per landing block (see records.ts),
 * written to `<dist>/pagefind/`. Records rather than crawling the HTML, so that each result
 * carries its block's anchor, report, section and filters, and page chrome is never indexed.
 *
 * `language: 'zh'` makes Pagefind's extended binary segment the text with jieba. Symbol keys
 * (`uaqhrcq40q38x`) are appended to the content so that `A/HRC/40/38` can be searched as
 * written; the search page strips them again before showing an excerpt.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { allRecords, readReports, type SearchRecord } from './records.ts';

/** Pagefind's ready-made UIs and highlighter: the search page has its own UI, so they are not shipped. */
export const unusedBundles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** What one record gives Pagefind. */
export function pagefindRecord(r: SearchRecord): pagefind.CustomRecord {
  return {
    url: r.url,
    content: r.keys.length ? `${r.text}\n${r.keys.join(' ')}` : r.text,
    language: 'zh',
    meta: { title: r.title, symbol: r.symbol, section: r.section, place: r.place, kind: r.kind, ...(r.kind === 'heading' ? { heading: r.text } : {}) },
    filters: Object.fromEntries(Object.entries(r.filters).filter(([, v]) => v).map(([k, v]) => [k, [v]])),
  };
}

/** Index the reports of `contentDir` into `<distDir>/pagefind/`; returns the record count. */
export async function indexSite(distDir: string, contentDir = 'content'): Promise<{ records: number }> {
  const records = allRecords(readReports(contentDir));
  const outputPath = join(distDir, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    for (const r of records) {
      const res = await index.addCustomRecord(pagefindRecord(r));
      if (res.errors.length) throw new Error(`pagefind ${r.url}: ${res.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    for (const file of unusedBundles) await rm(join(outputPath, file), { force: true });
  } finally {
    await pagefind.close();
  }
  return { records: records.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const started = performance.now();
  const { records } = await indexSite(dist);
  console.log(`pagefind: ${records} records → ${join(dist, 'pagefind')} (${((performance.now() - started) / 1000).toFixed(2)} s)`);
}
