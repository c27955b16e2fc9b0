/**
 * Build steps after Astro: the Pagefind index of the hosted site, the offline index that the
 * unzipped build loads from disk with classic scripts, and the offline zip. The search records
 * are made once per build from the content folder, for both indexes; each step writes into the
 * site being assembled and keeps a build cache (scripts/build/cache.ts).
 */
import { join } from 'node:path';
import { deflateCache } from '../deflate-cache.ts';
import { writeOfflineZip, zipLevel } from '../offline-zip.ts';
import { writeOfflineIndex } from '../search/offline.ts';
import { indexSite } from '../search/pagefind.ts';
import { allRecords, readReports, type SearchRecord } from '../search/records.ts';
import type { BuildContext, Step } from './steps.ts';

const contentOf = (c: BuildContext) => c.contentDir;

/** The search records of a build, made once for both indexes. */
const recordsMemo = new WeakMap<BuildContext, SearchRecord[]>();
function recordsOf(c: BuildContext): SearchRecord[] {
  let records = recordsMemo.get(c);
  if (!records) recordsMemo.set(c, (records = allRecords(readReports(contentOf(c)))));
  return records;
}

/** The steps' build caches, beside Astro's own (in its cacheDir, where the MDX cache is too). */
const cacheDir = (c: BuildContext, name: string) => join(c.cacheDir, name);

export const pagefindStep: Step = {
  name: 'pagefind',
  fix: 'the search index could not be written: check the message above (npm run build again after fixing content/)',
  async run(c) {
    const { records, chunks, shards, built } = await indexSite(c.staging, contentOf(c), { cacheDir: cacheDir(c, 'pagefind'), force: c.force, records: recordsOf(c) });
    return `${records} blocks in ${chunks} chunks, ${shards} shards (${built} indexed, ${shards - built} unchanged)`;
  },
};

export const offlineIndexStep: Step = {
  name: 'offline-index',
  fix: 'the offline search index could not be written: check the message above',
  async run(c) {
    const { records, bytes, shards, built } = await writeOfflineIndex(c.staging, contentOf(c), { cacheDir: cacheDir(c, 'offline-index'), force: c.force, records: recordsOf(c) });
    return `${records} records, ${Math.round(bytes / 1024)} KB in ${shards} shards (${built} indexed, ${shards - built} unchanged)`;
  },
};

export const zipStep: Step = {
  name: 'zip',
  fix: 'the offline zip could not be written: check free disk space and the --zip path',
  async run(c) {
    const cache = deflateCache({ dir: cacheDir(c, 'zip-cache'), level: zipLevel, force: c.force });
    const { files, bytes } = await writeOfflineZip(c.staging, c.zipStaging, cache);
    // The zip is the last step: entries this build did not use belong to older sites.
    await cache.prune();
    return `${files} files (${cache.stats.misses} compressed), ${(bytes / 1e6).toFixed(2)} MB`;
  },
};
