/**
 * A site as a maintainer's clone has it after editing seeds: `node tests/changes/site.ts DIR`
 * copies the pinned seeds (tests/corpus) to DIR/seeds, converts them into DIR/content and
 * commits both in a git repository of DIR's own (the published version). Then, converting after
 * each step as `npm run dev` does: seed 001 is edited twice (paragraph 3 reworded, then reworded
 * differently), and seed 002 is edited and put back to its committed text. Finally Astro builds
 * DIR/dist (`CONTENT_DIR` pointing at DIR/content, a cache of its own) with the site's address
 * configured (`SITE_URL`, as a deployment sets it: citations then carry canonical addresses),
 * and the project's `.astro/` is synced again.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The seed edited twice: the committed phrase, its first and its second rewording. */
export const replaced = {
  seed: '001_deca3a15a9972238.txt',
  slug: 'a-74-36',
  para: 'p-3',
  old: '2018 年，人权高专办为庆祝',
  first: '2018 年，人权高专办（修订本）为庆祝',
  new: '2018 年，人权高专办（第二次修订）为庆祝',
  /** The day both edits were converted. */
  date: '2026-03-04',
};
/** The deployment's address the site is built with. */
export const siteUrl = 'https://reports.example.org/';
/** The seed edited and put back. */
export const reverted = {
  seed: '002_5abb10e344218c75.txt',
  slug: 'hrc-47-international-cooperation',
  old: '秘书长指出，人类已经到了关键时刻',
  new: '秘书长指出，人类已到关键时刻',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node tests/changes/site.ts DIR');
  const seeds = join(dir, 'seeds');
  const content = join(dir, 'content');
  fs.mkdirSync(seeds, { recursive: true });
  // The pinned corpus the tests own, never the maintainer's seeds/.
  for (const f of fs.readdirSync(join(root, 'tests', 'corpus'))) fs.copyFileSync(join(root, 'tests', 'corpus', f), join(seeds, f));
  const options: RunOptions = {
    seedsDir: seeds,
    outDir: content,
    fs: { ...fs, join } as unknown as RunOptions['fs'],
    log: (line) => console.log(line),
    today: replaced.date,
  };
  const who = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.org' };
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { env: { ...process.env, ...who }, stdio: 'inherit' });
  git('init', '-q');
  convertAll(options);
  git('add', '-A');
  git('commit', '-qm', 'published');
  const edit = (seed: string, from: string, to: string) => {
    const text = fs.readFileSync(join(seeds, seed), 'utf8');
    if (!text.includes(from)) throw new Error(`seed ${seed} no longer contains "${from}"`);
    fs.writeFileSync(join(seeds, seed), text.replace(from, to));
    convertAll(options);
  };
  edit(replaced.seed, replaced.old, replaced.first);
  edit(replaced.seed, replaced.first, replaced.new);
  edit(reverted.seed, reverted.old, reverted.new);
  edit(reverted.seed, reverted.new, reverted.old);
  if (!fs.existsSync(join(content, 'changes', `${replaced.slug}.json`))) throw new Error('the edited seed recorded no changes');
  process.env.CONTENT_DIR = content;
  process.env.SITE_URL = siteUrl;
  const { build, sync } = await import('astro');
  await build({ root, outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), logLevel: 'warn' });
  delete process.env.CONTENT_DIR;
  delete process.env.SITE_URL;
  await sync({ root, logLevel: 'warn' });
}
