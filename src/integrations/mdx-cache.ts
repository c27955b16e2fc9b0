/**
 * A build cache for compiled MDX. Compiling the report bodies (@mdx-js: micromark, mdast,
 * hast, estree) is most of an Astro build's CPU time here, and Vite compiles every module on
 * every build; with this cache a rebuild after one seed changes compiles only that report.
 *
 * It wraps the transform of @astrojs/mdx's Vite plugin: the result for a module is stored
 * under a key made of the module's path and source text and everything else that shapes the
 * output (this config file, the lock file, the plugin's own source), so a cached result is
 * exactly what compiling again would give. `verify:reproducible` checks that: its second
 * build runs with the cache off (`UN_HR_MDX_CACHE=off`, set by `npm run build -- --force`).
 * Entries the last successful build did not use are removed at the end of it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The name @astrojs/mdx gives its Vite plugin. */
const MDX_PLUGIN = '@mdx-js/rolldown';

interface Cached {
  code: string;
  map: unknown;
  meta: unknown;
}

/** What, besides a module's own text, decides its compiled form. */
function salt(root: string): string {
  const hash = createHash('sha256');
  for (const file of ['astro.config.mjs', 'package-lock.json', 'node_modules/@astrojs/mdx/dist/vite-plugin-mdx.js', 'node_modules/@astrojs/mdx/package.json']) {
    const path = join(root, file);
    hash.update(file).update('\0').update(existsSync(path) ? readFileSync(path) : '');
  }
  return hash.digest('hex');
}

export function mdxCache(): AstroIntegration {
  let dir: string | undefined;
  const used = new Set<string>();
  return {
    name: 'mdx-cache',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || process.env.UN_HR_MDX_CACHE === 'off') return;
        const root = fileURLToPath(config.root);
        const cacheDir = join(fileURLToPath(config.cacheDir), 'mdx-cache');
        const pepper = salt(root);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'un-hr:mdx-cache',
                configResolved(resolved) {
                  const mdx = resolved.plugins.find((p) => p.name === MDX_PLUGIN);
                  const transform = mdx?.transform;
                  if (!mdx || !transform || typeof transform !== 'object' || typeof transform.handler !== 'function') return;
                  const compile = transform.handler as (this: unknown, ...args: unknown[]) => Promise<Cached>;
                  mkdirSync(cacheDir, { recursive: true });
                  dir = cacheDir;
                  const cached = async function (this: unknown, code: string, id: string, ...rest: unknown[]): Promise<Cached> {
                    const key = createHash('sha256').update(pepper).update('\0').update(id).update('\0').update(code).digest('hex');
                    const file = join(cacheDir, `${key}.json`);
                    used.add(`${key}.json`);
                    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Cached;
                    const result = await compile.call(this, code, id, ...rest);
                    writeFileSync(file, JSON.stringify({ code: result.code, map: result.map ?? null, meta: result.meta }));
                    return result;
                  };
                  (transform as { handler: unknown }).handler = cached;
                },
              },
            ],
          },
        });
      },
      'astro:build:done': () => {
        if (!dir) return;
        for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(join(dir, name), { force: true });
      },
    },
  };
}
