/**
 * A site as a maintainer's clone has it after editing seeds: `npx node tests/changes/site.ts DIR`
 * copies the pinned seeds (tests/corpus) to DIR/seeds, converts them into DIR/content and commits
 * both in a git repository of DIR's own (the published version). Then, converting after each step
 * with the convert command as `npm run convert` does (`convertTestSite`): seed 001 is edited twice
 * (paragraph 3 reworded, then reworded differently), and seed 002 is edited and put back to its
 * committed text. Finally the real build command builds the site (`buildTestSite`,
 * tests/test-site.ts) with the deployment's address configured (`SITE_URL`, as a deployment sets
 * it: citations then carry canonical addresses). Every conversion dates its changes
 * {@link replaced}.date (`--today`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli } from '../../scripts/util/cli.ts';
import { buildTestSite, convertTestSite, corpusDir, writeTestSeeds, type TestSite } from '../test-site.ts';

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

/** Publish the pinned seeds in `dir` (a git repository of its own), edit them as above, and build the site. */
export function buildChangesSite(dir: string): TestSite {
  const options = { dir, today: replaced.date };
  const seeds = writeTestSeeds(dir, [corpusDir]);
  const who = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.org' };
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { env: { ...process.env, ...who }, stdio: 'ignore' });
  git('init', '-q');
  convertTestSite(options);
  git('add', '-A');
  git('commit', '-qm', 'published');
  const edit = (seed: string, from: string, to: string) => {
    const text = readFileSync(join(seeds, seed), 'utf8');
    if (!text.includes(from)) throw new Error(`seed ${seed} no longer contains "${from}"`);
    writeFileSync(join(seeds, seed), text.replace(from, to));
    convertTestSite(options);
  };
  edit(replaced.seed, replaced.old, replaced.first);
  edit(replaced.seed, replaced.first, replaced.new);
  edit(reverted.seed, reverted.old, reverted.new);
  edit(reverted.seed, reverted.new, reverted.old);
  const site = buildTestSite({ ...options, env: { SITE_URL: siteUrl } });
  if (!existsSync(join(site.content, 'changes', `${replaced.slug}.json`))) throw new Error('the edited seed recorded no changes');
  return site;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = parseCli('npx node tests/changes/site.ts DIR', { allowPositionals: true, options: {} }, 1).positionals[0];
  if (!dir) throw new Error('usage: npx node tests/changes/site.ts DIR');
  console.log(buildChangesSite(dir).dist);
}
