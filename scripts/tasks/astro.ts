/**
 * Build step 2: Astro's static build into the staging folder, in a child process
 * (`astro-child.ts`), started as the build starts so that Astro loads while the seeds convert.
 * Its log is read line by line: each generated page advances the
 * progress line (report pages get a plain line in CI), warnings are kept, and the tail of
 * the log is quoted when the build fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { checkPageCopies, sealPageCopies } from './page-copies.ts';
import type { BuildContext, Step } from './steps.ts';

const CHILD = fileURLToPath(new URL('./astro-child.ts', import.meta.url));

/** A page line of Astro's log (`├─ /reports/a-74-36.html (+21ms)`): the page path, else undefined. */
export function pageOf(line: string): string | undefined {
  return /^(?:\S+\s+)?\s*[├└]─ (\/\S+\.html)/u.exec(line)?.[1];
}

/** Astro children still running: stopped when the build is interrupted. */
export const astroChildren = new Set<ChildProcess>();

/** Peak RSS (KiB, as `process.resourceUsage()` gives it) and CPU seconds of the last Astro child, for the benchmark. */
export const lastAstroUsage: { maxRSSKiB?: number; cpuSeconds?: number } = {};

/** Starts Astro's process (it loads Astro, then waits to be told to build) and reads its log; resolves with the step's result line. */
function startAstro(context: BuildContext): { child: ChildProcess; result: Promise<string> } {
  const { progress } = context;
  const child = spawn(process.execPath, [...process.execArgv, CHILD, context.staging, '--cache-dir', context.cacheDir, ...(context.force ? ['--force'] : [])], {
    cwd: context.root,
    // The site reads its reports (and seeds/figures.json beside them) from CONTENT_DIR (src/lib/data.ts).
    env: { ...process.env, CONTENT_DIR: context.contentDir, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  astroChildren.add(child);
  const stop = () => child.kill('SIGTERM');
  context.signal.addEventListener('abort', stop, { once: true });
  const result = new Promise<string>((resolve, reject) => {
    let pages = 0;
    let reused = 0;
    let warnings = 0;
    /** The compiled-MDX cache's line (src/integrations/mdx-cache.ts): `N compiled, M from cache`. */
    let mdx = '';
    const tail: string[] = [];
    const keep = (line: string) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
    };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(line);
      const page = pageOf(line);
      const cached = /\[mdx-cache\] (\d+ compiled, \d+ from cache)/.exec(line);
      if (cached) mdx = `, MDX ${cached[1]}`;
      if (page) {
        pages++;
        // Astro logs a page once its file is written.
        context.staged(page.slice(1));
        // Copied from the last build (Astro's incremental build: report, document and country pages, src/lib/pagekey.ts).
        if (/\((?:restored|cached)\)\s*$/.test(line)) reused++;
        progress.status(`astro page ${pages} ${page}`, page.startsWith('/reports/'));
      } else if (/\[warn\]|\bwarn(ing)?\b/i.test(line) && !/data store cleared \(force\)/.test(line)) {
        warnings++;
        progress.line(`  ${line.trim()}`);
      }
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      keep(line);
      if (/\bwarn(ing)?\b/i.test(line)) {
        warnings++;
        progress.line(`  ${line.trim()}`);
      }
    });
    child.on('message', (message: { maxRSSKiB?: number; cpuSeconds?: number }) => {
      Object.assign(lastAstroUsage, message);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      astroChildren.delete(child);
      context.signal.removeEventListener('abort', stop);
      context.counts.warnings += warnings;
      if (code === 0) {
        // Astro's page copies and their manifest are consistent now: seal them for the next build (page-copies.ts).
        try {
          sealPageCopies(context.cacheDir);
        } catch (error) {
          reject(error);
          return;
        }
        resolve(`${pages} pages${reused ? ` (${reused} reused)` : ''}${mdx}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`);
      } else reject(new Error(`astro build exited with ${signal ?? `code ${code}`}; last lines of its log:\n${tail.map((l) => `    ${l}`).join('\n')}`));
    });
  });
  // Awaited by the step's run; a build that fails before the step runs never awaits it.
  result.catch(() => {});
  return { child, result };
}

const started = new WeakMap<BuildContext, ReturnType<typeof startAstro>>();

export const astroStep: Step = {
  name: 'astro',
  fix: 'read the Astro error above (it names the file and line); `npm run dev` shows the same error in the browser',
  // Loading Astro takes a second or two: its process starts with the build, while the seeds convert.
  prepare(context) {
    const astro = startAstro(context);
    started.set(context, astro);
    return {
      release() {
        if (astro.child.exitCode === null && astro.child.signalCode === null) astro.child.kill('SIGTERM');
      },
    };
  },
  async run(context) {
    // Before Astro reads its page copies: any copy an interrupted build left is deleted and rendered again.
    for (const warning of context.force ? [] : checkPageCopies(context.cacheDir)) {
      context.counts.warnings++;
      context.progress.line(`  warning: ${warning}`);
    }
    const astro = started.get(context) ?? startAstro(context);
    // Content is ready: build. (A process that already died says why through `result`.)
    if (astro.child.connected) astro.child.send({ build: true });
    return astro.result;
  },
};
