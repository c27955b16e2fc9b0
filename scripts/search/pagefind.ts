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
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { citationsOf, documentRecordsOf, documentsSlug, eachReport, reportRecord, reportRecords, type ReportCitations } from './records.ts';
import { chunkPayload, chunkRecords, type SearchChunk } from './chunks.ts';
import { shardCount, shardOf, type ShardBuildOptions } from './shards.ts';
import { buildCache, cacheKey } from '../util/cache.ts';
import { linkTree } from '../util/files.ts';
import { codeKey } from '../util/modules.ts';
import { parseCli } from '../util/cli.ts';
import { OWN_KEYS } from '../model/search-record.ts';

/** Pagefind's ready-made UIs and highlighter: the search page has its own UI, so they are not shipped. */
export const unusedBundles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  // The search page runs Pagefind on the main thread (`noWorker`), hosted as offline.
  'pagefind-worker.js',
];

/** A chunk's own symbol keys (reports and document pages only), for its `own` meta field. */
function ownKeys(chunk: SearchChunk): Record<string, string> {
  if (chunk.kind !== 'report' && chunk.kind !== 'document') return {};
  const keys = [...new Set(chunk.blocks.flatMap((b) => b.keys))].sort();
  return keys.length ? { [OWN_KEYS]: keys.join(' ') } : {};
}

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
    meta: {
      title: first.title,
      symbol: first.symbol,
      slug: chunk.slug,
      kind: chunk.kind,
      sections: JSON.stringify(sections),
      blocks: JSON.stringify(layout),
      ...ownKeys(chunk),
    },
    filters: Object.fromEntries(
      Object.entries(first.filters)
        .filter(([, v]) => v)
        .map(([k, v]) => [k, [v]]),
    ),
  };
}

/** Pagefind's JavaScript, in the primary shard's folder. */
export const pagefindRuntime = 'pagefind.js';

/** Pagefind's runtime: the files only the primary shard's folder needs (the page loads them from there). */
const runtimeFiles = new Set([pagefindRuntime]);
const isRuntime = (name: string) => runtimeFiles.has(name) || name.startsWith('wasm.');

/**
 * What, besides a shard's records, decides its files: Pagefind's version, this file and the
 * chunking (how records become Pagefind records).
 */
function indexFormat(): string {
  // The module graph of this file covers chunks.ts and Pagefind's version (scripts/util/modules.ts).
  return cacheKey(codeKey([fileURLToPath(import.meta.url)]));
}

/** Index one shard's records into `outputPath` (a whole Pagefind bundle, without the UIs). */
async function writeShard(records: readonly pagefind.CustomRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  // Sent all at once (0.4 s faster at 100 reports than one round trip each); Pagefind sorts its
  // pages itself, so the written index does not depend on the order they arrive in.
  const added = await Promise.all(records.map((r) => index.addCustomRecord(r)));
  added.forEach((res, i) => {
    if (res.errors.length) throw new Error(`pagefind ${records[i]!.url}: ${res.errors.join('; ')}`);
  });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  // Dropped, so that the next shard does not hold this one's memory too.
  await index.deleteIndex();
  for (const file of unusedBundles) await rm(join(outputPath, file), { force: true });
}

/** The file listing the secondary shards, for the search page (relative to `pagefind/`). */
export const SHARD_LIST = 'shards.json';

/** One report's Pagefind records, written to a spool file while the reports are read one at a time. */
interface Spooled {
  slug: string;
  /** JSON of `[its blocks' chunks, its own record's chunks]`, as Pagefind records. */
  file: string;
  bytes: number;
}

/** Every report's records, spooled, and the document pages' records (kept: a few per report). */
interface Plan {
  reports: Spooled[];
  documents: pagefind.CustomRecord[];
  records: number;
  chunks: number;
}

/**
 * Read the reports of `contentDir` one at a time into Pagefind records, each report's written to
 * `spool`: the build never holds more than one report, its records, and what the document pages
 * need of every report (`citationsOf`: meta and citations without their sentences).
 */
function planIndex(contentDir: string, spool: string): Plan {
  const reports: Spooled[] = [];
  const citations: ReportCitations[] = [];
  let records = 0;
  let chunks = 0;
  for (const report of eachReport(contentDir)) {
    const blocks = reportRecords(report);
    const parts = [chunkRecords(blocks).map(pagefindRecord), chunkRecords([reportRecord(report)]).map(pagefindRecord)];
    records += blocks.length + 1;
    chunks += parts[0]!.length + parts[1]!.length;
    const text = JSON.stringify(parts);
    const file = join(spool, `${reports.length}.json`);
    writeFileSync(file, text);
    reports.push({ slug: report.slug, file, bytes: Buffer.byteLength(text) });
    citations.push(citationsOf(report));
  }
  const docs = documentRecordsOf(citations);
  const documents = chunkRecords(docs).map(pagefindRecord);
  return { reports, documents, records: records + docs.length, chunks: chunks + documents.length };
}

/**
 * One shard's records, read back from the spool: its reports' blocks in slug order, the document
 * pages' when they fall in it, then its reports' own records (the order of the corpus's records,
 * so a shard's cache key is the same however the reports were read).
 */
function shardRecords(plan: Plan, shard: number, count: number): pagefind.CustomRecord[] {
  const parts = plan.reports
    .filter((r) => shardOf(r.slug, count) === shard)
    .map((r) => JSON.parse(readFileSync(r.file, 'utf8')) as [pagefind.CustomRecord[], pagefind.CustomRecord[]]);
  const documents = shardOf(documentsSlug, count) === shard ? plan.documents : [];
  return [...parts.flatMap((p) => p[0]), ...documents, ...parts.flatMap((p) => p[1])];
}

/**
 * Index the reports of `contentDir` into `<distDir>/pagefind/`, one Pagefind index per shard
 * (see shards.ts: as many as keep each under `shardBytes` of records), one shard at a time, each
 * read back from a spool so the build holds one shard's records at most: the first non-empty shard is the primary index, at `pagefind/` with
 * Pagefind's runtime; each other one is in `pagefind/<n>/`, listed in `pagefind/shards.json`,
 * and the search page merges it (`mergeIndex`). A shard whose records are unchanged is copied
 * from the cache. Returns the block, chunk and shard counts.
 */
export async function indexSite(
  distDir: string,
  contentDir = 'content',
  options: ShardBuildOptions = {},
): Promise<{ records: number; chunks: number; shards: number; built: number }> {
  const outputPath = join(distDir, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });
  const spool = options.spoolDir ?? mkdtempSync(join(tmpdir(), 'un-hr-search-spool-'));
  mkdirSync(spool, { recursive: true });
  const cache = buildCache(options.cacheDir, { force: Boolean(options.force), ...(options.warn ? { warn: options.warn } : {}) });
  let built = 0;
  let used: number[] = [];
  let plan: Plan;
  try {
    plan = planIndex(contentDir, spool);
    const sizes = new Map(plan.reports.map((r) => [r.slug, r.bytes]));
    if (plan.documents.length) sizes.set(documentsSlug, Buffer.byteLength(JSON.stringify(plan.documents)));
    const count = shardCount(sizes, options.shardBytes);
    used = [...new Set([...sizes.keys()].map((slug) => shardOf(slug, count)))].sort((a, b) => a - b);
    const format = indexFormat();
    for (const [i, shard] of used.entries()) {
      const some = shardRecords(plan, shard, count);
      const key = cacheKey(format, `${shard}/${count}`, JSON.stringify(some));
      let from = cache.lookup(key);
      if (!from) {
        from = await cache.store(key, (path) => writeShard(some, path));
        built++;
      }
      const to = i === 0 ? outputPath : join(outputPath, String(shard));
      // Linked, not copied: the zip knows the files it zipped last time by their inode (fileStamp).
      linkTree(from, to, (file) => i === 0 || !isRuntime(basename(file)));
    }
  } finally {
    await pagefind.close(); // stops Pagefind's service if a shard started it
    cache.release();
    rmSync(spool, { recursive: true, force: true });
  }
  mkdirSync(outputPath, { recursive: true }); // no shard at all when no report converted
  writeFileSync(join(outputPath, SHARD_LIST), `${JSON.stringify(used.slice(1).map((s) => `${s}/`))}\n`);
  await cache.prune();
  return { records: plan.records, chunks: plan.chunks, shards: used.length, built };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist = 'dist', content = 'content'] = parseCli(
    'npx node scripts/search/pagefind.ts [DIST] [CONTENT]',
    { allowPositionals: true, options: {} },
    2,
  ).positionals;
  const started = performance.now();
  const { records, chunks, shards } = await indexSite(dist, content);
  console.log(
    `pagefind: ${records} blocks in ${chunks} chunks, ${shards} shards → ${join(dist, 'pagefind')} (${((performance.now() - started) / 1000).toFixed(2)} s)`,
  );
}
