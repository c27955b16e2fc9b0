/**
 * The one way a test builds a site: `buildTestSite({ dir, seeds, env, today, force })` puts the
 * seeds in `DIR/seeds` and runs the real build command, `scripts/commands/build.ts`, on them as a
 * maintainer runs `npm run build`, so that every test site goes through the same steps (convert,
 * Astro, search, zip, swap) and the same flags:
 *
 *   DIR/seeds/        the corpus (copied from `seeds`, or left as the test wrote it)
 *   DIR/content/      the converter's output (the build writes it beside the seeds)
 *   DIR/dist/         the site, and DIR/offline.zip
 *   DIR/cache/        the build's caches, the site's own (warm when DIR is built again)
 *   DIR/build.json    the build's step timings and counts (`--json`), returned as `outcome`
 *
 * The sites built this way: the pinned corpus (`tests/pinned.ts`, `npm run test:build`), the
 * hostile corpus (`tests/hostile/site.ts`), a paging corpus (`tests/scale/site.ts`) and a site with
 * a history of edits (`tests/changes/site.ts`, which converts between its git commits with
 * `convertTestSite`: the convert command, with the same seeds folder and date). A browser spec
 * serves one of them through `builtSite` (tests/browser/build-lock.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOutcome } from '../scripts/tasks/steps.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The pinned seeds the tests own (plus manifest.json and figures.json): never the maintainer's seeds/. */
export const corpusDir = join(root, 'tests', 'corpus');

/** Where a test site's parts are, under its folder. */
export interface TestSitePaths {
  dir: string;
  seeds: string;
  content: string;
  dist: string;
  zip: string;
  cache: string;
}

/** The paths of the test site in `dir` (relative to the working folder; nothing is created). */
export function testSitePaths(folder: string): TestSitePaths {
  const dir = resolve(folder);
  return { dir, seeds: join(dir, 'seeds'), content: join(dir, 'content'), dist: join(dir, 'dist'), zip: join(dir, 'offline.zip'), cache: join(dir, 'cache') };
}

/** What a test site is built from and how. */
export interface TestSiteOptions {
  /** The site's folder (see the layout above). */
  dir: string;
  /**
   * What `DIR/seeds` holds, replacing what it held: files, and folders whose files are copied (not
   * the folder itself); or a function that writes the folder it is given. Omitted: `DIR/seeds` is
   * built as it is (a test that wrote or edited it itself).
   */
  seeds?: readonly string[] | ((seedsDir: string) => void);
  /** Variables a deployment sets (`SITE_URL`, `BASE_PATH`, `SITE_PAGE_SIZE`), over the test process's environment. */
  env?: Readonly<Record<string, string>>;
  /** `--today`: the day changes found in the seeds are dated (YYYY-MM-DD), for a result that does not depend on the day the test runs. */
  today?: string;
  /** `--force`: ignore the site's caches (and refill them). */
  force?: boolean;
  /** Show the build's progress lines as they come (`npm run test:build`); by default they are kept and quoted if the build fails. */
  show?: boolean;
}

/** A built test site: its paths and what the build reported. */
export interface TestSite extends TestSitePaths {
  outcome: BuildOutcome;
}

/** Replace `DIR/seeds` with `seeds` (see {@link TestSiteOptions.seeds}); returns the seeds folder. */
export function writeTestSeeds(dir: string, seeds: NonNullable<TestSiteOptions['seeds']>): string {
  const folder = testSitePaths(dir).seeds;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  if (typeof seeds === 'function') seeds(folder);
  else for (const from of seeds) cpSync(from, statSync(from).isDirectory() ? folder : join(folder, basename(from)), { recursive: true });
  return folder;
}

/** Build the test site in `options.dir` with `scripts/commands/build.ts`; throws with the build's log if it exits non-zero. */
export function buildTestSite(options: TestSiteOptions): TestSite {
  const paths = testSitePaths(options.dir);
  if (options.seeds) writeTestSeeds(options.dir, options.seeds);
  const json = join(options.dir, 'build.json');
  rmSync(json, { force: true });
  run(
    'build',
    [
      ...['--seeds', paths.seeds, '--dist', paths.dist, '--zip', paths.zip, '--cache', paths.cache, '--json', json],
      ...(options.today ? ['--today', options.today] : []),
      ...(options.force ? ['--force'] : []),
    ],
    options,
  );
  return { ...paths, outcome: JSON.parse(readFileSync(json, 'utf8')) as BuildOutcome };
}

/**
 * Convert `DIR/seeds` into `DIR/content` with `scripts/commands/convert.ts` (the same options the
 * build takes: `today`, `force`, `env`), without building the site: for a test that commits
 * conversions between edits, as a maintainer with `npm run convert` does, before it builds.
 */
export function convertTestSite(options: Omit<TestSiteOptions, 'seeds'>): void {
  const paths = testSitePaths(options.dir);
  run(
    'convert',
    ['--seeds', paths.seeds, '--out', paths.content, ...(options.today ? ['--today', options.today] : []), ...(options.force ? ['--force'] : [])],
    options,
  );
}

/** Run `scripts/commands/<command>.ts` with `args` in the project root, in CI mode (plain progress lines). */
function run(command: 'build' | 'convert', args: string[], options: Pick<TestSiteOptions, 'env' | 'show'>): void {
  // The build decides where the site reads its content (the test runner's CONTENT_DIR is the pinned build's).
  const { CONTENT_DIR: _content, ...env } = process.env;
  const script = join(root, 'scripts', 'commands', `${command}.ts`);
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    env: { ...env, CI: '1', ...options.env },
    encoding: 'utf8',
    stdio: options.show ? 'inherit' : 'pipe',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const log = options.show ? '' : `\n${result.stdout}\n${result.stderr}`;
    throw new Error(`npm run ${command} -- ${args.join(' ')} exited with ${result.signal ?? result.status}${log}`);
  }
}

/** The files of a folder, for callers that copy only some of them. */
export function filesOf(folder: string, keep: (name: string) => boolean = () => true): string[] {
  return readdirSync(folder)
    .filter(keep)
    .map((name) => join(folder, name));
}
