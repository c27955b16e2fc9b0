/**
 * A build cache for compiled MDX. Vite compiles every module on every build, and compiling the
 * report bodies was most of an Astro build's CPU time with the remark pipeline (less with Sätteri);
 * with this cache a rebuild after one seed changes compiles only that report.
 *
 * It wraps the transform of @astrojs/mdx's Vite plugin: the result for a module is stored
 * under a key made of the module's path and source text and everything else that shapes the
 * output (this config file, the lock file, the plugin's own source), so a cached result is
 * exactly what compiling again would give. `verify:reproducible` checks that: its second
 * build compiles every module anew (`UN_HR_MDX_CACHE=refresh`, set by `npm run build -- --force`:
 * nothing is read from the cache, everything compiled is stored, so the next build is warm;
 * `UN_HR_MDX_CACHE=off` leaves the cache alone). Entries the last successful build did not use
 * are removed at the end of it (storage, atomic writes and pruning are the shared build cache's,
 * scripts/util/cache.ts). The build log gets one line: `N compiled, M from cache`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildCache, cacheKey, filesKey, type BuildCache } from '../../scripts/util/cache.ts';

/** The name @astrojs/mdx gives its Vite plugin. */
const MDX_PLUGIN = '@mdx-js/rolldown';

interface Cached {
  code: string;
  map: unknown;
  meta: unknown;
}

/** What, besides a module's own text, decides its compiled form. */
function salt(root: string): string {
  return filesKey(
    ['astro.config.mjs', 'package-lock.json', 'node_modules/@astrojs/mdx/dist/vite-plugin-mdx.js', 'node_modules/@astrojs/mdx/package.json'].map((file) =>
      join(root, file),
    ),
  );
}

export function mdxCache(): AstroIntegration {
  let cache: BuildCache | undefined;
  const counts = { compiled: 0, cached: 0 };
  const wrapped = new WeakSet<object>();
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
                // Vite calls this once per environment (client, ssr, prerender …) with the same
                // plugin objects: the handler is wrapped the first time only, or the wrappers nest
                // and every module is looked up and stored once per environment.
                configResolved(resolved) {
                  const mdx = resolved.plugins.find((p) => p.name === MDX_PLUGIN);
                  const transform = mdx?.transform;
                  if (!mdx || !transform || typeof transform !== 'object' || typeof transform.handler !== 'function') return;
                  if (wrapped.has(transform.handler)) return;
                  const compile = transform.handler as (this: unknown, ...args: unknown[]) => Promise<Cached>;
                  const store = (cache ??= buildCache(cacheDir, { force: process.env.UN_HR_MDX_CACHE === 'refresh' }));
                  const cached = async function (this: unknown, code: string, id: string, ...rest: unknown[]): Promise<Cached> {
                    const key = cacheKey(pepper, id, code);
                    // Checked against its seal (scripts/util/cache.ts): a damaged entry is compiled again, with a warning.
                    const hit = store.read(key);
                    if (hit) {
                      counts.cached++;
                      return JSON.parse(hit.toString('utf8')) as Cached;
                    }
                    counts.compiled++;
                    const result = await compile.call(this, code, id, ...rest);
                    await store.store(key, (path) => writeFileSync(path, JSON.stringify({ code: result.code, map: result.map ?? null, meta: result.meta })));
                    return result;
                  };
                  wrapped.add(cached);
                  (transform as { handler: unknown }).handler = cached;
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ logger }) => {
        if (!cache) return;
        await cache.prune();
        logger.info(`${counts.compiled} compiled, ${counts.cached} from cache`);
      },
    },
  };
}
