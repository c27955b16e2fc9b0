/**
 * The hosted search index: one Pagefind custom record per chunk — a report's blocks of one kind,
 * a few thousand characters at a time (see chunks.ts) — written to `<dist>/pagefind/`. Pagefind
 * writes one fragment file per record, so chunks keep the file count to a few per report. Each
 * chunk's meta says where its blocks start and end, their anchors, places and sections, so the
 * search page turns a chunk hit back into the block hits a reader lands on. Records rather than
 * crawling the HTML, so page chrome is never indexed.
 *
 * `language: 'zh'` makes Pagefind's extended binary segment the text with jieba. Symbol keys
 * (`uaqhrcq40q38x`) are added on a last line so that `A/HRC/40/38` can be searched as written;
 * each block's own keys are in the meta.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { allRecords, readReports } from './records.ts';
import { chunkPayload, chunkRecords, type SearchChunk } from './chunks.ts';

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

/**
 * What one chunk gives Pagefind. Its URL is its first block's (unique; the search page links
 * each block by its own anchor); `blocks` and `sections` are JSON (see `BlockLayout`).
 */
export function pagefindRecord(chunk: SearchChunk): pagefind.CustomRecord {
  const first = chunk.blocks[0]!;
  const { content, sections, layout } = chunkPayload(chunk);
  return {
    url: first.url,
    content,
    language: 'zh',
    meta: { title: first.title, symbol: first.symbol, kind: chunk.kind, sections: JSON.stringify(sections), blocks: JSON.stringify(layout) },
    filters: Object.fromEntries(Object.entries(first.filters).filter(([, v]) => v).map(([k, v]) => [k, [v]])),
  };
}

/** Index the reports of `contentDir` into `<distDir>/pagefind/`; returns the block and chunk (fragment) counts. */
export async function indexSite(distDir: string, contentDir = 'content'): Promise<{ records: number; chunks: number }> {
  const records = allRecords(readReports(contentDir));
  const chunks = chunkRecords(records);
  const outputPath = join(distDir, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    // Sent all at once (0.4 s faster at 100 reports than one round trip each); Pagefind sorts its
    // pages itself, so the written index does not depend on the order they arrive in.
    const added = await Promise.all(chunks.map((c) => index.addCustomRecord(pagefindRecord(c))));
    added.forEach((res, i) => {
      if (res.errors.length) throw new Error(`pagefind ${chunks[i]!.blocks[0]!.url}: ${res.errors.join('; ')}`);
    });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    for (const file of unusedBundles) await rm(join(outputPath, file), { force: true });
  } finally {
    await pagefind.close();
  }
  return { records: records.length, chunks: chunks.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const started = performance.now();
  const { records, chunks } = await indexSite(dist);
  console.log(`pagefind: ${records} blocks in ${chunks} chunks → ${join(dist, 'pagefind')} (${((performance.now() - started) / 1000).toFixed(2)} s)`);
}
