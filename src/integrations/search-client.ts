/**
 * The browser search code is TypeScript (src/search-client/ and the shared match rules,
 * scripts/model/match.ts); pages load it as classic scripts
 * (so search also works from file://) at the URLs `search/match.js`, `search/page.js` and
 * `search/search.js`. This integration bundles each module with esbuild into one IIFE and writes
 * it into the built site (`astro:build:done`, before the Pagefind and zip steps); `npm run dev`
 * serves the same bundles. `match.js` sets `self.UNHRSearchText` (its exports); the other two
 * read it from there. Same sources → byte-identical scripts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { AstroIntegration } from 'astro';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = join(root, 'src', 'search-client');

/**
 * The scripts, by file name under `search/`, their source (the match rules live in the bottom
 * layer, `scripts/model/match.ts`, because search indexing uses them too) and the global each
 * one's exports go to.
 */
export const SEARCH_SCRIPTS: readonly { name: string; source: string; globalName?: string }[] = [
  { name: 'match.js', source: join(root, 'scripts', 'model', 'match.ts'), globalName: 'UNHRSearchText' },
  { name: 'page.js', source: join(sources, 'page.ts') },
  { name: 'search.js', source: join(sources, 'search.ts') },
];

/** One script's classic-script bundle. */
export async function bundleSearchScript(name: string): Promise<string> {
  const entry = SEARCH_SCRIPTS.find((s) => s.name === name);
  if (!entry) throw new Error(`no search script ${name}`);
  const result = await build({
    entryPoints: [entry.source],
    bundle: true,
    format: 'iife',
    ...(entry.globalName ? { globalName: entry.globalName } : {}),
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    absWorkingDir: root,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Write every search script into `dir/search/`. */
export async function writeSearchScripts(dir: string): Promise<void> {
  mkdirSync(join(dir, 'search'), { recursive: true });
  for (const { name } of SEARCH_SCRIPTS) writeFileSync(join(dir, 'search', name), await bundleSearchScript(name));
}

export function searchClient(): AstroIntegration {
  return {
    name: 'search-client',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const name = /\/search\/([a-z]+\.js)(?:\?|$)/.exec(req.url ?? '')?.[1];
          if (!name || !SEARCH_SCRIPTS.some((s) => s.name === name)) return next();
          bundleSearchScript(name).then(
            (code) => {
              res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              res.end(code);
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir }) => {
        await writeSearchScripts(fileURLToPath(dir));
      },
    },
  };
}
