/**
 * The rendered pages of a split render's report parts, kept between builds (docs/scale.md): a
 * part whose inputs are all unchanged — the site's code, its reports' models, MDX entries and
 * histories, their entries of the corpus index (who cites them, related reports, same-topic
 * sections, series), the figures file, the site's address and page size — is not rendered again: its files are
 * taken from the last build that rendered it. Replacing one report of 10 000 then renders the lists
 * part and the changed report's part, not 25 Astro runs that each start, sync their content
 * and check every page's key to copy it.
 *
 * An entry is a folder in a keyed build cache (scripts/util/cache.ts): sealed with the SHA-256
 * of its files, checked against it before it is used (a damaged entry is rendered again with a
 * warning), pruned when no part of the build used it. Its files are hard links to the pages the
 * build published (no second copy of gigabytes); a page rewritten in place in dist/ breaks the
 * seal, so it is never taken for the rendered one.
 *
 * A part whose key changed is not always rendered whole: each report's pages depend only on that
 * report's inputs (the same list, one report's share: `reportKeys`), so when the part's last
 * render is kept and only some of its reports' inputs changed, Astro renders those reports alone
 * and the part is the last render's files with theirs replaced (`patchable`, astro.ts). A
 * manifest per part (`<name>.json` beside the entries, written atomically after the entry) says
 * which render is the last and its reports' keys.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SitePart } from '../model/parts.ts';
import { writeFileAtomic } from '../util/atomic.ts';
import { buildCache, cacheKey, filesKey, type BuildCache } from '../util/cache.ts';
import { filesUnder, linkTree } from '../util/files.ts';

/** The site's code, as the pages are rendered from it: any change renders every part again. */
const CODE = ['src', 'public', 'scripts/model', 'scripts/util', 'scripts/data'];
const CODE_FILES = ['astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** The key of the site's code under `root` (once per build). */
export function siteCodeKey(root: string): string {
  const files = [...CODE.flatMap((dir) => filesUnder(join(root, dir)).map((f) => join(dir, f))), ...CODE_FILES].sort();
  return cacheKey(...files, filesKey(files.map((f) => join(root, f))));
}

/** The variables the site reads as it renders (astro.config.mjs, src/lib/paging.ts): a deployment's address changes every page. */
const RENDER_ENV = ['SITE_URL', 'BASE_PATH', 'SITE_PAGE_SIZE'];

/** What decides a reports part's pages, besides the code (see the module's comment). */
export interface PartInputs {
  codeKey: string;
  contentDir: string;
  /** The corpus index the lists part wrote (src/lib/part-index.ts). */
  indexDir: string;
  /** seeds/figures.json. */
  figuresFile: string;
}

/** The files that decide one report's pages, besides the code and the figures file. */
const reportFiles = ({ contentDir, indexDir }: PartInputs, slug: string) => [
  join(contentDir, 'data', `${slug}.json`),
  join(contentDir, 'reports', `${slug}.mdx`),
  join(contentDir, 'changes', `${slug}.json`),
  join(indexDir, `${slug}.json`),
];

/** The key of each report's pages in `part`: what {@link partKey} covers, one report at a time. */
export function reportKeys(part: Extract<SitePart, { kind: 'reports' }>, inputs: PartInputs): Record<string, string> {
  const env = RENDER_ENV.map((name) => `${name}=${process.env[name] ?? ''}`);
  return Object.fromEntries(
    part.slugs.map((slug) => [slug, cacheKey(inputs.codeKey, slug, ...env, filesKey([inputs.figuresFile, ...reportFiles(inputs, slug)]))]),
  );
}

/** The key of a reports part's pages. */
export function partKey(part: Extract<SitePart, { kind: 'reports' }>, inputs: PartInputs): string {
  const { codeKey, figuresFile } = inputs;
  const perReport = part.slugs.flatMap((slug) => reportFiles(inputs, slug));
  return cacheKey(codeKey, part.name, ...part.slugs, ...RENDER_ENV.map((name) => `${name}=${process.env[name] ?? ''}`), filesKey([figuresFile, ...perReport]));
}

export interface PartPages {
  /** Puts the kept pages of `key` into `dir` (which must not exist); false when there are none to trust. */
  restore(key: string, dir: string): boolean;
  /** Keeps the pages a part just rendered into `dir` under `key`, as the last render of the part `name` with its reports' keys. */
  keep(key: string, dir: string, name: string, reports: Record<string, string>): Promise<void>;
  /** Records the render kept under `key` as the last of the part `name`, with its reports' keys. */
  record(name: string, key: string, reports: Record<string, string>): void;
  /** The last render kept of the part `name`: its key and its reports' keys (its pages may since be gone: `restore` says). */
  last(name: string): { key: string; reports: Record<string, string> } | undefined;
  /** Flushes what was kept and removes the entries no part of this build used (after the render succeeded), and the manifests of parts not in `names`. */
  prune(names?: readonly string[]): Promise<void>;
  release(): void;
}

/** The kept pages under `dir` (a folder of the build's cache). */
export function partPages(dir: string, options: { force: boolean; warn: (message: string) => void }): PartPages {
  const cache: BuildCache = buildCache(dir, options);
  const manifests = `${dir}-renders`;
  const manifest = (name: string) => join(manifests, `${name}.json`);
  const record = (name: string, key: string, reports: Record<string, string>) => {
    mkdirSync(manifests, { recursive: true });
    writeFileAtomic(manifest(name), `${JSON.stringify({ key, reports })}\n`);
  };
  return {
    restore(key, out) {
      const entry = cache.lookup(key);
      if (!entry) return false;
      if (existsSync(out)) throw new Error(`${out} exists: a part's output folder is made by one render only`);
      linkTree(entry, out);
      return true;
    },
    async keep(key, out, name, reports) {
      await cache.store(key, (path) => linkTree(out, path));
      record(name, key, reports);
    },
    record,
    last(name) {
      if (options.force) return undefined;
      try {
        const { key, reports } = JSON.parse(readFileSync(manifest(name), 'utf8')) as { key?: unknown; reports?: unknown };
        return typeof key === 'string' && reports !== null && typeof reports === 'object' ? { key, reports: reports as Record<string, string> } : undefined;
      } catch {
        return undefined; // none yet, or unreadable: the part is rendered whole
      }
    },
    async prune(names?: readonly string[]) {
      await cache.prune();
      if (names && existsSync(manifests))
        for (const file of readdirSync(manifests)) if (!names.includes(file.replace(/\.json$/, ''))) rmSync(join(manifests, file), { force: true });
    },
    release: () => cache.release(),
  };
}
