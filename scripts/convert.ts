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
 * stale), --force (ignore the cache), --seeds DIR, --out DIR, --quiet.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertAll, type RunOptions } from './lib/run.ts';

const args = process.argv.slice(2);
const value = (flag: string, fallback: string) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const options: RunOptions = {
  seedsDir: value('--seeds', 'seeds'),
  outDir: value('--out', 'content'),
  force: args.includes('--force'),
  check: args.includes('--check'),
  fs: { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, join },
  log: args.includes('--quiet') ? () => {} : (line) => console.log(line),
};
if (!existsSync(options.seedsDir) || !statSync(options.seedsDir).isDirectory()) {
  console.error(`error --seeds ${options.seedsDir}: no such folder`);
  process.exit(2);
}
const result = convertAll(options);
if (options.check && result.stale.length) {
  console.error(`content/ is stale: ${result.stale.join(', ')}\nRun \`npm run convert\` and commit the result.`);
  process.exit(1);
}
if (result.failed) {
  console.error(`${result.failed} seed${result.failed === 1 ? '' : 's'} failed with an unexpected error (named above); the others were written`);
  process.exit(1);
}
if (result.errors.length && args.includes('--strict')) process.exit(1);
if (result.warnings && args.includes('--strict')) process.exit(1);
