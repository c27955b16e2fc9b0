/**
 * The tests' own corpus: `tests/corpus/` holds four seeds, their manifest and figures file,
 * pinned (copies, never regenerated), so that adding, changing or removing a file in the
 * maintainer's `seeds/` changes no test result. `npm test` first builds it into `.test-build/`
 * (ignored by git) with the real build command, as every test site is built (`buildTestSite`,
 * tests/test-site.ts) — `node tests/pinned.ts`, or `npm run test:build`:
 *
 *   .test-build/seeds/    a copy of tests/corpus/ (the site reads figures.json beside content/)
 *   .test-build/content/  the converter's output for it
 *   .test-build/dist/     the site (Playwright serves it), and .test-build/offline.zip
 *   .test-build/cache/    the build's caches, apart from the maintainer's, so both stay warm
 *
 * Tests that need a converted report model or the built site read these paths.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli } from '../scripts/util/cli.ts';
import { buildTestSite, corpusDir, testSitePaths, type TestSite } from './test-site.ts';

export const root = fileURLToPath(new URL('../', import.meta.url));
/** The pinned seeds (plus manifest.json and figures.json). */
export { corpusDir };
export const buildDir = join(root, '.test-build');
const paths = testSitePaths(buildDir);
export const contentDir = paths.content;
export const distDir = paths.dist;
export const zipPath = paths.zip;

/** `dir` with a helpful error when `npm run test:build` has not made it yet. */
export function built(dir: string): string {
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run test:build\` (npm test runs it first)`);
  return dir;
}

/** Build the pinned corpus into `.test-build/` (incremental: warm after the first run). */
export function buildPinned(force = false): TestSite {
  return buildTestSite({ dir: buildDir, seeds: [corpusDir], force, show: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildPinned(parseCli('npm run test:build -- [--force]', { options: { force: { type: 'boolean', default: false } } }).values.force);
}
