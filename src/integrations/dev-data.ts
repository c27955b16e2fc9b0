/**
 * The reports' downloads under `npm run dev`: the build writes `data/<slug>.bib`, `.csl.json`,
 * `.figures.json` and `.figures.csv` itself, beside Astro's render (scripts/tasks/data-files.ts),
 * so they are no pages of the site; the dev server answers them from the current model with the
 * same function (scripts/model/data-files.ts), and a seed reconverted while it runs is served anew.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { baseDir } from '../../scripts/model/urls.ts';
import { contentDir } from '../lib/content-dir.ts';

export function devData(): AstroIntegration {
  let base = '/';
  return {
    name: 'dev-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = baseDir(config.base);
      },
      // Imported by the dev server only: every build loads this config, and needs none of it.
      'astro:server:setup': async ({ server }) => {
        const [{ DATA_FILE_TYPES, dataFileOf, reportDataFiles }, { figuresFileOf, loadFiguresConfig }, { modelFile, readModelFile }, { deploymentOf }] =
          await Promise.all([
            import('../../scripts/model/data-files.ts'),
            import('../../scripts/model/figures-config.ts'),
            import('../../scripts/model/load.ts'),
            import('../../scripts/model/urls.ts'),
          ]);
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split(/[?#]/)[0]!);
          const asked = path.startsWith(base) ? dataFileOf(path.slice(base.length)) : undefined;
          const file = asked && modelFile(contentDir, asked.slug);
          if (!asked || !file || !existsSync(file)) return next();
          try {
            const figuresFile = figuresFileOf(contentDir);
            const files = reportDataFiles(readModelFile(file).report, loadFiguresConfig(figuresFile), deploymentOf(process.env), figuresFile);
            res.setHeader('Content-Type', DATA_FILE_TYPES[asked.ending]);
            res.setHeader('Cache-Control', 'no-store');
            res.end(files.find((f) => f.path === path.slice(base.length))!.text);
          } catch (error) {
            next(error);
          }
        });
      },
    },
  };
}
