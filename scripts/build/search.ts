/**
 * Build steps after Astro: the Pagefind index of the hosted site, the offline index that the
 * unzipped build loads from disk with classic scripts, and the offline zip. Each reads the
 * report models from the content folder and writes into the site being assembled.
 */
import { join } from 'node:path';
import { writeOfflineZip } from '../offline-zip.ts';
import { writeOfflineIndex } from '../search/offline.ts';
import { indexSite } from '../search/pagefind.ts';
import type { BuildContext, Step } from './steps.ts';

const contentOf = (c: BuildContext) => process.env.CONTENT_DIR ?? join(c.root, 'content');

/** Built offline index shards, beside Astro's caches (its default cacheDir; the MDX cache is there too). */
export const offlineCacheDir = (root: string) => join(root, 'node_modules', '.astro', 'offline-index');

export const pagefindStep: Step = {
  name: 'pagefind',
  fix: 'the search index could not be written: check the message above (npm run build again after fixing content/)',
  async run(c) {
    const { records, chunks } = await indexSite(c.staging, contentOf(c));
    return `${records} blocks in ${chunks} chunks`;
  },
};

export const offlineIndexStep: Step = {
  name: 'offline-index',
  fix: 'the offline search index could not be written: check the message above',
  async run(c) {
    const { records, bytes, shards, built } = await writeOfflineIndex(c.staging, contentOf(c), { cacheDir: offlineCacheDir(c.root), force: c.force });
    return `${records} records, ${Math.round(bytes / 1024)} KB in ${shards} shards (${built} indexed, ${shards - built} unchanged)`;
  },
};

export const zipStep: Step = {
  name: 'zip',
  fix: 'the offline zip could not be written: check free disk space and the --zip path',
  async run(c) {
    const { files, bytes } = await writeOfflineZip(c.staging, c.zipStaging);
    return `${files} files, ${(bytes / 1e6).toFixed(2)} MB`;
  },
};
