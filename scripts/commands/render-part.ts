/**
 * `npm run render-part`: one part of a split render on its own, for a build spread over several
 * machines (docs/scale.md): one CI job per part, then `npm run build -- --parts-from DIR` merges
 * them, indexes and zips. Needs `content/` converted (`npm run convert`), the same in every job.
 *
 *   npm run render-part -- --list               the parts of this corpus, one name a line (lists first)
 *   npm run render-part -- lists --out parts    the lists part, into parts/lists/, and the corpus index, parts/index/
 *   npm run render-part -- reports-2 --out parts   a reports part (parts/index/ from the lists job must be there)
 *
 * The plan is computed from content/ and `--part-size` (SITE_PART_SIZE) in each job, so every job
 * must see the same content and size. Exit 1 with one line when a part is unknown or its index missing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelSlugs } from '../model/load.ts';
import { partName, planParts } from '../model/parts.ts';
import { renderPart } from '../tasks/astro.ts';
import { partSize } from '../tasks/parts.ts';
import { createProgress } from '../tasks/progress.ts';
import type { BuildContext } from '../tasks/steps.ts';
import { parseCli } from '../util/cli.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: flags, positionals } = parseCli(
  'npm run render-part -- (--list | NAME --out DIR) [--seeds DIR] [--cache DIR] [--part-size N] [--force]',
  {
    allowPositionals: true,
    options: {
      list: { type: 'boolean', default: false },
      out: { type: 'string' },
      seeds: { type: 'string' },
      cache: { type: 'string' },
      'part-size': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    help: `Renders one part of a split render (docs/scale.md) into DIR/NAME; the lists part also writes DIR/index.

  --list           print the parts of this corpus, one name a line, the lists part first
  --out DIR        where the part goes (DIR/NAME/)
  --seeds DIR      the seed folder (default seeds/; its content/ beside it must be converted)
  --cache DIR      the caches (default node_modules/.astro; the part's Astro cache is DIR/parts/NAME)
  --part-size N    reports per part (default 400; env SITE_PART_SIZE): the same in every job
  --force          ignore the part's caches`,
  },
  1,
);
if (flags['part-size'] !== undefined) process.env.SITE_PART_SIZE = flags['part-size'];

const fail = (message: string): never => {
  console.error(`✗ render-part: ${message}`);
  process.exit(1);
};
const contentDir = join(resolve(root, flags.seeds ?? 'seeds'), '..', 'content');
const parts = planParts(modelSlugs(contentDir), partSize());
if (flags.list) {
  for (const part of parts) console.log(partName(part));
  process.exit(0);
}
const name = positionals[0] ?? fail('name a part (npm run render-part -- --list lists them)');
const part = parts.find((p) => partName(p) === name) ?? fail(`no part ${name} in this corpus: its parts are ${parts.map(partName).join(', ')}`);
if (part.kind === 'all') fail(`the corpus fits one run (${modelSlugs(contentDir).length} reports): build it with npm run build`);
const out = resolve(flags.out ?? fail('--out DIR is required'));
if (part.kind === 'reports' && !existsSync(join(out, 'index')))
  fail(`${join(out, 'index')} is missing: render the lists part first (it writes the corpus index)`);

const cacheDir = resolve(root, flags.cache ?? join('node_modules', '.astro'));
const progress = createProgress({ write: (text) => process.stdout.write(text), tty: false });
const context = {
  root,
  seedsDir: resolve(root, flags.seeds ?? 'seeds'),
  contentDir,
  cacheDir,
  // Never the part's folder: its pages are reported when a build merges it.
  staging: join(out, '.staging'),
  zipStaging: join(out, '.zip'),
  progress,
  counts: { reports: 0, rejected: 0, failed: 0, figures: 0, warnings: 0 },
  force: flags.force,
  // Dates only the changes the converter finds; a part renders what content/ holds.
  today: undefined,
  signal: new AbortController().signal,
  after: () => Promise.resolve(),
  reached: () => {},
  staged: () => {},
  onStaged: () => {},
} satisfies BuildContext;
const { result, seconds } = await renderPart(context, part, out, join(cacheDir, 'parts'));
console.log(`✓ part ${name}: ${result.pages} pages in ${seconds.toFixed(1)} s, into ${join(out, name)}`);
