/**
 * The search and zip steps: the Pagefind index of the hosted site (made from content/, beside
 * Astro's build), and the offline zip of the finished site, which
 * carries the same index as classic scripts for the unzipped build (scripts/search/classic.ts,
 * made while zipping: they are never written into dist/). The index and the zip keep a build
 * cache (scripts/util/cache.ts).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deflateCache, type DeflateCache } from '../zip/deflate-cache.ts';
import { writeOfflineZip, zipLevel } from '../zip/offline-zip.ts';
import { indexSite } from '../search/pagefind.ts';
import { offlineSources } from '../search/classic.ts';
import { fileStamp } from '../util/files.ts';
import { warnOf, type BuildContext, type Step } from './steps.ts';

const contentOf = (c: BuildContext) => c.contentDir;

/** How the pagefind step's result line says how long it waited for Astro before indexing. */
const WAITED = 'waited for astro';

/**
 * Seconds the pagefind step spent indexing, from its timing: its time less what it waited for
 * Astro (the share of the build that is search indexing, as the benchmarks report it).
 */
export function indexingSeconds(step: { seconds: number; detail: string }): number {
  const waited = new RegExp(`${WAITED} ([\\d.]+) s`).exec(step.detail);
  return Math.max(0, step.seconds - (waited ? Number(waited[1]) : 0));
}

/**
 * A larger shard budget for a machine with more memory (`SEARCH_SHARD_MB=40`: fewer shards, so
 * fewer requests per query, and Pagefind's peak about 75 + 105 × 40 MB): see shards.ts.
 */
export function shardBytesFrom(env: NodeJS.ProcessEnv): { shardBytes?: number } {
  const mb = env.SEARCH_SHARD_MB;
  if (mb === undefined || mb === '') return {};
  if (!/^\d+(\.\d+)?$/.test(mb) || Number(mb) <= 0) throw new Error(`SEARCH_SHARD_MB=${mb}: expected a number of megabytes, such as 10`);
  return { shardBytes: Number(mb) * 1e6 };
}

/**
 * Up to this many reports the index is written while Astro builds; above it, after Astro's memory
 * peak: the lists part of a split render (then beside the report parts, each bounded by its part:
 * docs/scale.md), or the whole Astro run when the render is not split. Side by side
 * they passed 4 GB together at 1000 reports (Astro 3.1 GB, Pagefind and the build process 1.4 GB,
 * summed from /proc by the site benchmark); at 100 reports they take 1.6 GB and save 4 s.
 * Pagefind's share is now bounded (one shard of at most SHARD_BYTES at a time, about 1.1 GB, and
 * the build process holds one shard's records), so what decides this is Astro's own peak.
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
    const started = performance.now();
    // A split render's memory peak is its lists part: the index is written beside the report parts.
    if (c.counts.reports > PAGEFIND_BESIDE_ASTRO_MAX) await c.after('astro:lists');
    const waited = (performance.now() - started) / 1000;
    const { records, chunks, shards, built } = await indexSite(c.staging, contentOf(c), {
      cacheDir: cacheDir(c, 'pagefind'),
      force: c.force,
      warn: warnOf(c),
      // In the build's scratch folder, beside its staging folder: cleared if the build is killed.
      spoolDir: join(dirname(c.staging), 'search-spool'),
      ...shardBytesFrom(process.env),
    });
    // The wait is said apart (`waitedFor`), so that the step's time is not taken for indexing time.
    return `${records} blocks in ${chunks} chunks, ${shards} shards (${built} indexed, ${shards - built} unchanged)${waited >= 0.05 ? `; ${WAITED} ${waited.toFixed(1)} s` : ''}`;
  },
};

/** Files read and handed to the deflate threads ahead of the zip at most at once. */
const AHEAD = 32;

/**
 * Deflating ahead: each file a step reports written (Astro's pages, as it renders the others) and,
 * once the search step is done, the offline search scripts are compressed into the zip's deflate
 * cache while the build goes on, so that the zip, when its turn comes, mostly reads finished
 * entries. Entries are keyed by their bytes: a file that changes after it was deflated is simply
 * compressed again by the zip. Nothing here can fail the build: the zip does the work it finds undone.
 */
function deflateAhead(c: BuildContext, cache: DeflateCache): { release(): void } {
  const queue: (() => Promise<Uint8Array>)[] = [];
  let active = 0;
  let stopped = false;
  const pump = () => {
    while (!stopped && active < AHEAD && queue.length) {
      active++;
      queue.shift()!()
        .then((data) => cache.warm(data))
        .catch(() => {})
        .finally(() => (active--, pump()));
    }
  };
  const ahead = (read: () => Promise<Uint8Array>) => (queue.push(read), pump());
  // What the last zip holds under the same stamp is not read at all (kept parts' pages, unchanged shards).
  const unknown = (stamp: string | undefined) => stamp === undefined || !cache.stamped(stamp);
  c.onStaged((path) => {
    const file = join(c.staging, path);
    if (unknown(fileStamp(file))) ahead(() => readFile(file));
  });
  c.after('pagefind').then(
    () => {
      for (const source of offlineSources(c.staging)) if (unknown(source.stamp)) ahead(async () => source.read());
    },
    () => {},
  );
  return {
    release() {
      stopped = true;
      queue.length = 0;
    },
  };
}

const zipCaches = new WeakMap<BuildContext, { cache: DeflateCache; ahead: { release(): void } }>();
const zipCache = (c: BuildContext) =>
  deflateCache({ dir: cacheDir(c, 'zip-cache'), pack: cacheDir(c, 'zip-pack'), level: zipLevel, force: c.force, warn: warnOf(c) });

export const zipStep: Step = {
  name: 'zip',
  fix: 'the offline zip could not be written: check free disk space and the --zip path',
  // Compresses what it can while Astro and the search step run (deflateAhead).
  prepare(c) {
    const cache = zipCache(c);
    const ahead = deflateAhead(c, cache);
    zipCaches.set(c, { cache, ahead });
    return ahead;
  },
  async run(c) {
    const prepared = zipCaches.get(c);
    // From here the zip asks for every file in order; what is being deflated ahead is waited for, not done twice.
    prepared?.ahead.release();
    const cache = prepared?.cache ?? zipCache(c);
    const { files, offline, bytes } = await writeOfflineZip(c.staging, c.zipStaging, cache);
    // The zip is the last step: entries this build did not use belong to older sites.
    await cache.prune();
    const { misses, packed, unread } = cache.stats;
    return `${files} files, ${offline} of them offline search scripts (${misses} compressed, ${packed} from the last zip${unread ? `, ${unread} of them unchanged files not read again` : ''}), ${(bytes / 1e6).toFixed(2)} MB`;
  },
};
