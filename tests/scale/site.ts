/**
 * A corpus large enough to paginate, at test scale: `npx node tests/scale/site.ts DIR` writes
 * {@link SCALE}.reports synthetic reports made from the pinned corpus (tests/corpus, through
 * scripts/bench/synthetic.ts: copies with their own slugs, symbols, numbers and countries) into
 * DIR/seeds and builds them with the real build command (`buildTestSite`, tests/test-site.ts) into
 * DIR/dist and DIR/offline.zip, with every list cut into pages of {@link SCALE}.pageSize entries
 * (`SITE_PAGE_SIZE`, src/lib/paging.ts).
 */
import { fileURLToPath } from 'node:url';
import { makeCorpus, readSeeds, writeCorpus } from '../../scripts/bench/synthetic.ts';
import { parseCli } from '../../scripts/util/cli.ts';
import { buildTestSite, corpusDir, type TestSite } from '../test-site.ts';

/** How many reports, and how many entries a page holds: small, so that every kind of list spans pages. */
export const SCALE = { reports: 12, pageSize: 5 };

/** Write the corpus into `dir/seeds` and build it. */
export function buildScaleSite(dir: string): TestSite {
  return buildTestSite({
    dir,
    seeds: (seeds) => writeCorpus(makeCorpus(readSeeds(corpusDir), SCALE.reports), seeds),
    env: { SITE_PAGE_SIZE: String(SCALE.pageSize) },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = parseCli('npx node tests/scale/site.ts DIR', { allowPositionals: true, options: {} }, 1).positionals[0];
  if (!dir) throw new Error('usage: npx node tests/scale/site.ts DIR');
  console.log(buildScaleSite(dir).dist);
}
