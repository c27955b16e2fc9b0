/**
 * Search under `npm run dev`: the dev server builds the Pagefind index from `content/` when it
 * starts, builds it again whenever a report model changes (seed-watch reconverts an edited
 * seed into `content/data/`), and serves it at `pagefind/` as a build would. The search page
 * then runs exactly as on the built site. The index lives in a temporary folder, removed when
 * the server stops; `dist/` is never touched.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { baseDir } from '../../scripts/model/urls.ts';
import { contentDir } from '../lib/content-dir.ts';

/** Content types of the files of a Pagefind bundle. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The file of `dir` a request path under the index names, or undefined when it leaves `dir`. */
export function indexFile(dir: string, path: string): string | undefined {
  const file = normalize(join(dir, decodeURIComponent(path)));
  return file.startsWith(dir + sep) ? file : undefined;
}

export function devSearch(): AstroIntegration {
  let base = '/';
  return {
    name: 'dev-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = baseDir(config.base);
      },
      'astro:server:setup': ({ server, logger }) => {
        const dataDir = resolve(contentDir, 'data');
        let dir: string | undefined;
        let ready: Promise<string | undefined> = Promise.resolve(undefined);
        let timer: ReturnType<typeof setTimeout> | undefined;
        /**
         * Index the content into a new folder (scripts/search/pagefind.ts in a child process, as
         * seed-watch runs the converter); the old folder is dropped once the new one is ready.
         */
        const index = () => {
          ready = ready.then(async (old) => {
            const next = mkdtempSync(join(tmpdir(), 'un-hr-dev-search-'));
            const child = spawn(process.execPath, [resolve('scripts', 'search', 'pagefind.ts'), next, contentDir], { stdio: ['ignore', 'pipe', 'pipe'] });
            let output = '';
            child.stdout!.on('data', (chunk) => (output += chunk));
            child.stderr!.on('data', (chunk) => (output += chunk));
            const [code] = (await once(child, 'close')) as [number | null];
            if (code !== 0) {
              rmSync(next, { recursive: true, force: true });
              logger.error(`search index not built (exit code ${code}): ${output.trim()}`);
              return old;
            }
            logger.info(output.trim().replace(/ → \S+/, ''));
            if (old) rmSync(old, { recursive: true, force: true });
            dir = join(next, 'pagefind');
            return next;
          });
        };
        index();
        server.watcher.add(dataDir);
        server.watcher.on('all', (event, path) => {
          if (!['add', 'change', 'unlink'].includes(event) || !resolve(path).startsWith(dataDir + sep) || !path.endsWith('.json')) return;
          clearTimeout(timer);
          timer = setTimeout(index, 300);
        });
        server.httpServer?.once('close', () => {
          void ready.then((last) => last && rmSync(last, { recursive: true, force: true }));
        });
        const prefix = `${base}pagefind/`;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split(/[?#]/)[0]!;
          if (!path.startsWith(prefix)) return next();
          ready.then(
            () => {
              const file = dir && indexFile(dir, path.slice(prefix.length));
              if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
                res.statusCode = 404;
                res.end();
                return;
              }
              res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
              res.setHeader('Cache-Control', 'no-store');
              res.end(readFileSync(file));
            },
            (error: unknown) => next(error),
          );
        });
      },
    },
  };
}
