/**
 * The search and zip steps: the Pagefind index of the hosted site (made from content/, beside
 * Astro's build), and the offline zip of the finished site, which
 * carries the same index as classic scripts for the unzipped build (scripts/search/classic.ts,
 * made while zipping: they are never written into dist/). The index and the zip keep a build
 * cache (scripts/build/cache.ts).
 */
import { join } from 'node:path';
import { deflateCache } from '../deflate-cache.ts';
import { writeOfflineZip, zipLevel } from '../offline-zip.ts';
import { indexSite } from '../search/pagefind.ts';
import { allRecords, readReports } from '../search/records.ts';
import type { BuildContext, Step } from './steps.ts';

const contentOf = (c: BuildContext) => c.contentDir;

/**
 * Up to this many reports the index is written while Astro builds; above it, after. Side by side
 * they passed 4 GB together at 1000 reports (Astro 3.1 GB, Pagefind and the build process 1.4 GB,
 * summed from /proc by the site benchmark); at 100 reports they take 1.6 GB and save 4 s.
 */
export const PAGEFIND_BESIDE_ASTRO_MAX = 500;

/** The steps' build caches, beside Astro's own (in its cacheDir, where the MDX cache is too). */
const cacheDir = (c: BuildContext, name: string) => join(c.cacheDir, name);

export const pagefindStep: Step = {
  name: 'pagefind',
  // Made from content/, not from the pages: it runs while Astro builds (for a large corpus, after).
  needs: ['convert'],
  fix: 'the search index could not be written: check the message above (npm run build again after fixing content/)',
  async run(c) {
    if (c.counts.reports > PAGEFIND_BESIDE_ASTRO_MAX) await c.after('astro');
    const { records, chunks, shards, built } = await indexSite(c.staging, contentOf(c), {
      cacheDir: cacheDir(c, 'pagefind'),
      force: c.force,
      records: allRecords(readReports(contentOf(c))),
    });
    return `${records} blocks in ${chunks} chunks, ${shards} shards (${built} indexed, ${shards - built} unchanged)`;
  },
};

export const zipStep: Step = {
  name: 'zip',
  fix: 'the offline zip could not be written: check free disk space and the --zip path',
  async run(c) {
    const cache = deflateCache({ dir: cacheDir(c, 'zip-cache'), level: zipLevel, force: c.force });
    const { files, offline, bytes } = await writeOfflineZip(c.staging, c.zipStaging, cache);
    // The zip is the last step: entries this build did not use belong to older sites.
    await cache.prune();
    return `${files} files, ${offline} of them offline search scripts (${cache.stats.misses} compressed), ${(bytes / 1e6).toFixed(2)} MB`;
  },
};
