/**
 * `npm run convert`: seeds/*.txt → content/reports/<slug>.mdx + content/data/<slug>.json.
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
 * Flags: --strict (warnings or errors → exit 1), --check (write nothing; exit 1 if content/ is
 * stale), --force (ignore the cache), --seeds DIR, --out DIR, --quiet. An unknown flag is an error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from './util/cli.ts';
import { convertAllParallel, type RunOptions } from './converter/run.ts';

const { values: flags } = parseCli(
  'npm run convert -- [--strict] [--check] [--force] [--seeds DIR] [--out DIR] [--quiet]',
  {
    options: {
      strict: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'content' },
    },
  },
  undefined,
  {
    strict: 'exit 1 on any warning or error',
    check: 'write nothing; exit 1 if content/ is stale',
    force: 'ignore the cache: convert every seed',
    quiet: 'print nothing',
    seeds: 'the seed folder',
    out: 'the content folder written',
  },
);
const options: RunOptions = {
  seedsDir: flags.seeds,
  outDir: flags.out,
  force: flags.force,
  check: flags.check,
  fs: { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, join },
  log: flags.quiet ? () => {} : (line) => console.log(line),
};
if (!existsSync(options.seedsDir) || !statSync(options.seedsDir).isDirectory()) {
  console.error(`error --seeds ${options.seedsDir}: no such folder`);
  process.exit(2);
}
const result = await convertAllParallel(options);
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
