/**
 * `npm run convert`: seeds/*.{txt,pdf,docx,doc} → content/reports/<slug>.mdx + content/data/<slug>.json.
 *
 * The thin shell around the pure pipeline: reads seeds and the manifest, skips seeds whose
 * content hash (and the converter's own hash and manifest entry) are unchanged since the last
 * run (content/index.json), writes outputs, removes outputs of removed seeds, and prints one
 * line per report plus a summary. A seed that cannot be converted is reported with its file
 * (and line) and the others still convert.
 *
 * A seed whose conversion throws an unexpected exception (a converter bug) is one error line
 * too, and the exit code is 1 once the others are written.
 *
 * Flags: see HELP below (`--help` prints them). An unknown flag is an error.
 *
 * Where the output goes follows `npm run build`: `content/` beside the seeds folder, so that
 * `--seeds /tmp/trial` writes `/tmp/content/` and never rewrites or prunes the project's own
 * content/. A seeds folder other than the project's seeds/ whose neighbour is the project's
 * content/ (a trial folder inside the project) is refused unless `--out` names the target.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock, LockBusy } from '../util/lock.ts';
import { flushSet } from '../util/atomic.ts';
import { dayFlag, parseCli } from '../util/cli.ts';
import { atomicRunFs, convertAllParallel, type RunOptions } from '../converter/run.ts';

const HELP = `Converts every seed (*.txt, and its manifest.json entry) into content/reports/<slug>.mdx
and content/data/<slug>.json; unchanged seeds are skipped through content/index.json.

  --seeds DIR   the seeds folder (default seeds/)
  --out DIR     where the content goes (default: content/ beside the seeds folder, as npm run build;
                a trial folder inside the project needs --out, so that the project's content/ is
                never rewritten or pruned by accident)
  --check       write nothing; exit 1 if the content is stale
  --force       convert every seed, ignoring the cache
  --today DATE  the day changes found in the seeds are dated, YYYY-MM-DD (default today, UTC)
  --strict      exit 1 on any warning or error
  --quiet       print nothing but errors
  --help, -h    print this`;

const USAGE = 'npm run convert -- [--strict] [--check] [--force] [--seeds DIR] [--out DIR] [--today DATE] [--quiet] [--help]';
const { values: flags } = parseCli(USAGE, {
  options: {
    strict: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    seeds: { type: 'string' },
    out: { type: 'string' },
    today: { type: 'string' },
  },
  help: HELP,
});
const today = dayFlag('today', flags.today, USAGE);
const root = fileURLToPath(new URL('../../', import.meta.url));
const seedsDir = flags.seeds ?? join(root, 'seeds');
const outDir = flags.out ?? join(dirname(resolve(seedsDir)), 'content');
if (!flags.out && resolve(outDir) === resolve(root, 'content') && resolve(seedsDir) !== resolve(root, 'seeds')) {
  console.error(
    `✗ --seeds ${flags.seeds} would be converted into the project's own content/ (the folder beside it), replacing and pruning the committed models.\n` +
      `  Move the trial folder outside the project, or name the target: npm run convert -- --seeds ${flags.seeds} --out ${join(relative(process.cwd(), dirname(resolve(seedsDir))) || '.', 'trial-content')}`,
  );
  process.exit(2);
}
const written = flushSet();
const options: RunOptions = {
  seedsDir,
  outDir,
  force: flags.force,
  check: flags.check,
  ...(today ? { today } : {}),
  fs: atomicRunFs(written),
  log: flags.quiet ? () => {} : (line) => console.log(line),
};
if (!existsSync(options.seedsDir) || !statSync(options.seedsDir).isDirectory()) {
  console.error(`error --seeds ${flags.seeds ?? 'seeds'}: no such folder`);
  process.exit(2);
}
// One writer of content/ at a time (a build, or the dev server's conversions, hold it too): lock.ts.
if (!options.check) {
  try {
    const lock = acquireLock(resolve(options.outDir), 'npm run convert');
    process.on('exit', () => lock.release());
  } catch (error) {
    if (!(error instanceof LockBusy)) throw error;
    console.error(`error ${error.message}`);
    process.exit(1);
  }
}
const result = await convertAllParallel(options);
await written.flush();
if (options.check && result.stale.length) {
  console.error(`content/ is stale: ${result.stale.join(', ')}\nRun \`npm run convert\` and commit the result.`);
  process.exit(1);
}
if (result.failed) {
  console.error(`${result.failed} seed${result.failed === 1 ? '' : 's'} failed with an unexpected error (named above); the others were written`);
  process.exit(1);
}
if (result.errors.length && flags.strict) process.exit(1);
if (result.warnings && flags.strict) process.exit(1);
