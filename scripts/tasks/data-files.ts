/**
 * Build step: every report's downloads (`data/<slug>.bib`, `.csl.json`, `.figures.json`,
 * `.figures.csv`: scripts/model/data-files.ts) written into the staging folder by the build's own
 * process, beside Astro's render. They are pure functions of a model, so Astro has no reason to
 * render them: as endpoints they were half of its 810 outputs at 100 reports (docs/building.md,
 * "Where the time goes"), while this process mostly waited for it on the other CPU. A split
 * render's parts (docs/scale.md) then render report pages only, and each report's files are
 * written once, here.
 *
 * A report's files are kept between builds in a build cache (scripts/util/cache.ts), keyed by what
 * decides them: the code that makes them, the model's bytes, the maintainer's entries about its
 * charts and the deployment's address. A rebuild after one seed changed makes that report's files
 * again and links the others' into the new site from the cache (hard links: the files of the last
 * site, unchanged). Each file is reported written (`staged`), so the zip deflates it ahead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chartConfigOf, reportDataFiles } from '../model/data-files.ts';
import { figuresFileOf, loadFiguresConfig } from '../model/figures-config.ts';
import { modelFile, modelSlugs, parseModel } from '../model/load.ts';
import { deploymentOf } from '../model/urls.ts';
import { buildCache, cacheKey } from '../util/cache.ts';
import { filesUnder, linkTree } from '../util/files.ts';
import { codeKey } from '../util/modules.ts';
import { warnOf, type BuildContext, type Step } from './steps.ts';

/** The module that makes the files: its module graph is the code part of every key. */
const MAKER = fileURLToPath(new URL('../model/data-files.ts', import.meta.url));

/** What the step did: files written into the site, and how many of them came from the cache. */
export interface DataFilesResult {
  files: number;
  reused: number;
}

/** Writes every report's downloads under `<staging>/data/`, from the cache where it can; reports each file written. */
export async function writeDataFiles(c: BuildContext): Promise<DataFilesResult> {
  const figuresFile = figuresFileOf(c.contentDir);
  const config = loadFiguresConfig(figuresFile);
  const deployment = deploymentOf(process.env);
  const code = codeKey([MAKER]);
  const cache = buildCache(join(c.cacheDir, 'data-files'), { force: c.force, warn: warnOf(c) });
  const done: DataFilesResult = { files: 0, reused: 0 };
  mkdirSync(join(c.staging, 'data'), { recursive: true });
  try {
    for (const slug of modelSlugs(c.contentDir)) {
      if (c.signal.aborted) throw c.signal.reason;
      const file = modelFile(c.contentDir, slug);
      const text = readFileSync(file, 'utf8');
      const key = cacheKey(code, slug, text, JSON.stringify(chartConfigOf(config, slug)), deployment.site ?? '', deployment.base);
      let entry = cache.lookup(key);
      const reused = entry !== undefined;
      entry ??= await cache.store(key, (dir) => {
        mkdirSync(dir);
        for (const made of reportDataFiles(parseModel(text, file), config, deployment, figuresFile)) writeFileSync(join(dir, basename(made.path)), made.text);
      });
      linkTree(entry, join(c.staging, 'data'));
      for (const name of filesUnder(entry)) {
        c.staged(`data/${name}`);
        done.files++;
        if (reused) done.reused++;
      }
      // One report at a time: Astro's messages (the zip's work ahead) and the search step go on between them.
      await setImmediate();
    }
    await cache.prune();
  } finally {
    cache.release();
  }
  return done;
}

export const dataStep: Step = {
  name: 'data',
  // Made from content/, not from the pages: written while Astro renders them.
  needs: ['convert'],
  fix: 'a report model or seeds/figures.json could not make its downloads: fix what the message names (npm run convert shows the same models), then build again',
  async run(c) {
    const { files, reused } = await writeDataFiles(c);
    return `${files} files${reused ? ` (${reused} reused)` : ''}`;
  },
};
