/**
 * What is published: the content folder as last committed in git (`HEAD`), against which a
 * replaced seed's changes are measured (changes.ts). Editing a seed three times and converting
 * each time is one change against the committed version; putting the committed text back is
 * none; a clean clone shows what git holds. Read lazily and once per run: the committed
 * `index.json` says which seed each report was made from, so only a seed whose text differs
 * from the committed one costs a `git show` of its model and history.
 */
import { execFileSync } from 'node:child_process';

/** The committed content, as far as a run needs it. */
export interface Published {
  /** The sha256 of the seed the committed model of `slug` was made from; undefined when `slug` is not committed. */
  seedSha(slug: string): string | undefined;
  /** The committed model `data/<slug>.json`, as text. */
  model(slug: string): string | undefined;
  /** The committed history `changes/<slug>.json`, as text; undefined when none is committed. */
  history(slug: string): string | undefined;
}

/**
 * The committed state of `contentDir` from git, or undefined when it is not in a git work tree
 * or has never been committed (then nothing can be compared, and histories are left as they are).
 */
export function gitPublished(contentDir: string): Published | undefined {
  const show = (path: string): string | undefined => {
    try {
      return execFileSync('git', ['-C', contentDir, 'show', `HEAD:./${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
    } catch {
      return undefined;
    }
  };
  const index = show('index.json');
  if (index === undefined) return undefined;
  let entries: { slug: string; sha256: string }[];
  try {
    entries = (JSON.parse(index) as { reports: { slug: string; sha256: string }[] }).reports;
  } catch {
    return undefined;
  }
  const shas = new Map(entries.map((e) => [e.slug, e.sha256]));
  let histories: Set<string> | undefined;
  const committedHistories = (): Set<string> => {
    if (!histories) {
      let names = '';
      try {
        names = execFileSync('git', ['-C', contentDir, 'ls-tree', '--name-only', 'HEAD', './changes/'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
      } catch {
        /* no changes/ committed */
      }
      histories = new Set(
        names
          .split('\n')
          .filter(Boolean)
          .map((p) => p.replace(/^.*\//, '')),
      );
    }
    return histories;
  };
  return {
    seedSha: (slug) => shas.get(slug),
    model: (slug) => (shas.has(slug) ? show(`data/${slug}.json`) : undefined),
    history: (slug) => (committedHistories().has(`${slug}.json`) ? show(`changes/${slug}.json`) : undefined),
  };
}
