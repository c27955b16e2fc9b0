/**
 * `npm run dev` watches seeds/: adding, editing or removing a seed (or editing
 * seeds/manifest.json) runs the converter (`scripts/commands/convert.ts`, incremental, in a child
 * process so it hashes and loads its own sources exactly as `npm run convert` does), then
 * asks the content layer to sync again (`refreshContent`) rather than relying on its own file
 * watcher, which can miss a deletion made while it is busy: the open page then reloads.
 */
import { spawn } from 'node:child_process';
import { resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { acquireLock } from '../../scripts/util/lock.ts';

/** Whether a changed path is a seed or the manifest: the files whose change means converting again. */
export function isSeedPath(path: string, seedsDir: string): boolean {
  if (!path.startsWith(seedsDir + sep)) return false;
  const name = path.slice(seedsDir.length + 1);
  return !name.includes(sep) && (/\.(?:txt|pdf|docx|doc)$/i.test(name) || name === 'manifest.json');
}

export function seedWatch(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'seed-watch',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // The dev server writes Astro's cache folder as a build does: one of them at a time (scripts/util/lock.ts).
        // A build running now makes this throw, with one line naming it.
        const lock = acquireLock(cacheDir, 'npm run dev');
        process.on('exit', () => lock.release());
        server.httpServer?.on('close', () => lock.release());
        const root = process.cwd();
        const seedsDir = resolve(root, 'seeds');
        let timer: ReturnType<typeof setTimeout> | undefined;
        let running = false;
        let again = false;
        const convert = () => {
          if (running) {
            again = true;
            return;
          }
          running = true;
          const child = spawn(process.execPath, [resolve(root, 'scripts', 'commands', 'convert.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
          const show = (line: string) => {
            if (line.includes('(unchanged)')) return;
            if (/^\s*(warning|error)\b/.test(line)) logger.warn(line.trim());
            else logger.info(line);
          };
          createInterface({ input: child.stdout! }).on('line', show);
          createInterface({ input: child.stderr! }).on('line', (line) => logger.error(line));
          child.on('close', (code) => {
            running = false;
            if (code !== 0) logger.error(`the converter exited with code ${code}; content/ may be out of date`);
            else
              refreshContent?.({})
                .then(() => setTimeout(clearRouteCaches, 500))
                .catch((error: unknown) => logger.error(`content sync failed: ${String(error)}`));
            if (again) {
              again = false;
              convert();
            }
          });
        };
        /**
         * A page request still running while the content layer synced can store the old list of
         * report pages in Astro's route cache after the sync cleared it (seen under load: a removed
         * report's page then fails until the next change). Clearing the route caches again once
         * the sync has settled, with the same event Astro sends, closes that window.
         */
        const clearRouteCaches = () => {
          for (const [name, environment] of Object.entries(server.environments)) if (name !== 'client') environment.hot.send('astro:content-changed', {});
        };
        server.watcher.add(seedsDir);
        server.watcher.on('all', (event, path) => {
          if (!['add', 'change', 'unlink'].includes(event) || !isSeedPath(resolve(path), seedsDir)) return;
          clearTimeout(timer);
          timer = setTimeout(convert, 150);
        });
      },
    },
  };
}
