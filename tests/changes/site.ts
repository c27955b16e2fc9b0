/**
 * A site where one report has a new version: `node tests/changes/site.ts DIR` copies the pinned seeds (tests/corpus)
 * to DIR/seeds, converts them into DIR/content, replaces seed 001 with a version that rewords
 * paragraph 3 (as a maintainer replaces a report with its corrected version), converts again
 * (which records content/changes/a-74-36.json), and builds DIR/dist with Astro (`CONTENT_DIR`
 * pointing at DIR/content, a cache of its own), then re-syncs the project's `.astro/`.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The seed replaced, the phrase reworded and its new wording. */
export const replaced = {
  seed: '001_deca3a15a9972238.txt',
  slug: 'a-74-36',
  para: 'p-3',
  old: '2018 年，人权高专办为庆祝',
  new: '2018 年，人权高专办（修订本）为庆祝',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node tests/changes/site.ts DIR');
  const seeds = join(dir, 'seeds');
  const content = join(dir, 'content');
  fs.mkdirSync(seeds, { recursive: true });
  // The pinned corpus the tests own, never the maintainer's seeds/.
  for (const f of fs.readdirSync(join(root, 'tests', 'corpus'))) fs.copyFileSync(join(root, 'tests', 'corpus', f), join(seeds, f));
  const options: RunOptions = { seedsDir: seeds, outDir: content, fs: { ...fs, join } as unknown as RunOptions['fs'], log: (line) => console.log(line) };
  convertAll(options);
  const text = fs.readFileSync(join(seeds, replaced.seed), 'utf8');
  if (!text.includes(replaced.old)) throw new Error(`seed ${replaced.seed} no longer contains "${replaced.old}"`);
  fs.writeFileSync(join(seeds, replaced.seed), text.replace(replaced.old, replaced.new));
  convertAll(options);
  if (!fs.existsSync(join(content, 'changes', `${replaced.slug}.json`))) throw new Error('the replaced seed recorded no changes');
  process.env.CONTENT_DIR = content;
  const { build, sync } = await import('astro');
  await build({ root, outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), logLevel: 'warn' });
  delete process.env.CONTENT_DIR;
  await sync({ root, logLevel: 'warn' });
}
