/**
 * A corpus large enough to paginate, at test scale: `node tests/scale/site.ts DIR` writes
 * {@link SCALE}.reports synthetic reports made from the pinned corpus (tests/corpus, through
 * scripts/bench/synthetic.ts: copies with their own slugs, symbols, numbers and countries) into
 * DIR/seeds and builds them with the real build command into DIR/dist and DIR/offline.zip, with
 * every list cut into pages of {@link SCALE}.pageSize entries (`SITE_PAGE_SIZE`, src/lib/paging.ts).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus, readSeeds, writeCorpus } from '../../scripts/bench/synthetic.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** How many reports, and how many entries a page holds: small, so that every kind of list spans pages. */
export const SCALE = { reports: 12, pageSize: 5 };

/** Write the corpus into `dir/seeds` and build it; returns the paths of the site and the zip. */
export function buildScaleSite(dir: string): { dist: string; zip: string } {
  writeCorpus(makeCorpus(readSeeds(join(root, 'tests', 'corpus')), SCALE.reports), join(dir, 'seeds'));
  const dist = join(dir, 'dist');
  const zip = join(dir, 'offline.zip');
  execFileSync(
    process.execPath,
    [join(root, 'scripts', 'commands', 'build.ts'), '--seeds', join(dir, 'seeds'), '--dist', dist, '--zip', zip, '--cache', join(dir, 'cache')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CI: '1', SITE_PAGE_SIZE: String(SCALE.pageSize) },
    },
  );
  return { dist, zip };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node tests/scale/site.ts DIR');
  console.log(buildScaleSite(dir));
}
