/**
 * `npm run build`: seeds → content → site, in one command that either replaces `dist/` (and
 * the offline zip) with a complete new build or leaves the last good one untouched.
 *
 * Steps run into a staging folder (`.build/<pid>/`): convert (incremental), then Astro's
 * build beside the reports' downloads and the search index, then the zip. Progress is one
 * updating line on a terminal and plain lines in CI; a summary closes the run; a failure names
 * the step and what to fix and exits 1. Flags: --force (ignore caches, and refill them), --dist DIR and --zip FILE (where the
 * results go; default dist/ and artifacts/un-hr-reports-offline.zip), --seeds DIR (the corpus; default
 * seeds/, converted into content/ beside it), --cache DIR (default node_modules/.astro),
 * --today DATE (the day changes found in the seeds are dated; default today, UTC), --fail-after STEP
 * (test the atomic swap), --json FILE (write step timings and counts, for the benchmark), --part-size N
 * and --parts-from DIR (the split render, docs/scale.md). An unknown flag is an error.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroChildren, astroStep, lastAstroUsage } from '../tasks/astro.ts';
import { convertStep } from '../tasks/convert.ts';
import { dataStep } from '../tasks/data-files.ts';
import { createProgress } from '../tasks/progress.ts';
import { BuildFailure, cleanStale, runBuild, type Step } from '../tasks/steps.ts';
import { acquireLocks, LockBusy, type Lock } from '../util/lock.ts';
import { formatSummary } from '../tasks/summary.ts';
import { pagefindStep, zipStep } from '../tasks/search.ts';
import { defaultZipPath } from '../zip/offline-zip.ts';
import { dayFlag, parseCli } from '../util/cli.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const USAGE =
  'npm run build -- [--force] [--dist DIR] [--zip FILE] [--seeds DIR] [--cache DIR] [--today DATE] [--fail-after STEP] [--json FILE] [--part-size N] [--parts-from DIR]';
const { values: flags } = parseCli(USAGE, {
  options: {
    force: { type: 'boolean', default: false },
    dist: { type: 'string' },
    zip: { type: 'string' },
    seeds: { type: 'string' },
    cache: { type: 'string' },
    today: { type: 'string' },
    'fail-after': { type: 'string' },
    json: { type: 'string' },
    'part-size': { type: 'string' },
    'parts-from': { type: 'string' },
  },
  help: `Converts the seeds, builds the site and its search index, and swaps the new dist/ and offline zip in whole.

  --force            ignore every cache (and refill them)
  --dist DIR         where the site goes (default dist/)
  --zip FILE         where the offline zip goes (default artifacts/un-hr-reports-offline.zip)
  --seeds DIR        the seed folder (default seeds/; converted into content/ beside it)
  --cache DIR        the build's caches (default node_modules/.astro)
  --today DATE       the day changes found in the seeds are dated, YYYY-MM-DD (default today, UTC)
  --fail-after STEP  fail after this step (tests the atomic swap)
  --json FILE        write step timings and counts to this file (the benchmark)
  --part-size N      render in parts of about N reports above N reports (default 400; env SITE_PART_SIZE; docs/scale.md)
  --parts-from DIR   merge the parts rendered one per CI job into DIR (npm run render-part) instead of rendering them
  --help, -h         print this`,
});

/** The build, one entry per step, in order. */
const steps: Step[] = [
  convertStep,
  astroStep,
  // The reports' downloads, written by this process while Astro renders the pages.
  dataStep,
  pagefindStep,
  // The zip is of the finished site, with the offline search scripts made from dist/pagefind/;
  // it is swapped in with dist/.
  zipStep,
];

// The split render reads these from the environment (scripts/tasks/parts.ts, astro.ts), as its Astro runs do.
if (flags['part-size'] !== undefined) process.env.SITE_PART_SIZE = flags['part-size'];
if (flags['parts-from'] !== undefined) process.env.SITE_PARTS_FROM = resolve(flags['parts-from']);

const today = dayFlag('today', flags.today, USAGE);
const distDir = resolve(root, flags.dist ?? 'dist');
const zipPath = resolve(root, flags.zip ?? defaultZipPath);
const show = (path: string) => relative(process.cwd(), path) || '.';
const progress = createProgress({
  write: (text) => process.stdout.write(text),
  tty: Boolean(process.stdout.isTTY) && !process.env.CI,
  columns: process.stdout.columns,
});

const workRoot = join(dirname(distDir), '.build');
const workDir = join(workRoot, String(process.pid));

// Interrupted (Ctrl-C, a CI timeout): drop the half-built staging folder; dist/ was never touched.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    progress.clear();
    for (const child of astroChildren) child.kill('SIGTERM');
    try {
      rmSync(workDir, { recursive: true, force: true });
    } catch {
      // the next build removes it
    }
    console.error(`✗ build interrupted (${signal}); ${show(distDir)}/ and ${show(zipPath)} were left as they were.`);
    process.exit(130);
  });
}

// One build at a time per output (issue 23): the folders this build writes are locked for its
// lifetime (lock.ts); a second build refuses with one line; the lock of a killed build is taken over.
const seedsDir = resolve(root, flags.seeds ?? 'seeds');
const locked = [distDir, join(seedsDir, '..', 'content'), resolve(root, flags.cache ?? join('node_modules', '.astro'))];
let lock: Lock;
try {
  // A lock file lives beside its folder: `--dist a/new/folder/dist` makes the folder it goes in.
  for (const path of locked) mkdirSync(dirname(path), { recursive: true });
  lock = acquireLocks(locked, 'npm run build');
} catch (error) {
  if (!(error instanceof LockBusy)) throw error;
  console.error(`✗ build refused: ${error.message.replace(root, '')}`);
  process.exit(1);
}
process.on('exit', () => lock.release());

try {
  // Staging folders of killed builds: a swap one was killed in is finished or undone first.
  cleanStale(workRoot, (message) => console.error(`  warning: ${message}`));
  mkdirSync(dirname(zipPath), { recursive: true });
  const failAfter = flags['fail-after'] ?? process.env.BUILD_FAIL_AFTER;
  const outcome = await runBuild(
    {
      root,
      steps,
      distDir,
      zipPath,
      // Beside dist/, so that the staged site is renamed into place, never copied.
      workDir,
      force: flags.force,
      seedsDir,
      ...(flags.cache ? { cacheDir: resolve(root, flags.cache) } : {}),
      ...(today ? { today } : {}),
      ...(failAfter ? { failAfter } : {}),
    },
    progress,
  );
  progress.line(formatSummary(outcome, show(distDir), show(zipPath)));
  // The site was built from the other seeds, but a converter bug must not pass silently.
  if (outcome.counts.failed) process.exitCode = 1;
  const json = flags.json;
  if (json) {
    const usage = process.resourceUsage();
    const usageOf = {
      maxRSSKiB: { build: usage.maxRSS, astro: lastAstroUsage.maxRSSKiB ?? null },
      cpuSeconds: { build: (usage.userCPUTime + usage.systemCPUTime) / 1e6, astro: lastAstroUsage.cpuSeconds ?? null },
      // A split render (docs/scale.md): each part's reports, seconds, peak RSS and CPU.
      ...(lastAstroUsage.parts ? { astroParts: lastAstroUsage.parts } : {}),
    };
    writeFileSync(json, `${JSON.stringify({ ...outcome, ...usageOf }, null, 2)}\n`);
  }
} catch (error) {
  progress.clear();
  if (!(error instanceof BuildFailure)) throw error;
  console.error(`✗ build failed in step "${error.step}": ${error.message}`);
  console.error(`  fix: ${error.fix}`);
  console.error(`  ${show(distDir)}/ and ${show(zipPath)} were left as they were (the last good build).`);
  process.exitCode = 1;
}
