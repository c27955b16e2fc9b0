/**
 * Build step 2: Astro's static build into the staging folder, in a child process
 * (`astro-child.ts`), started as the build starts so that Astro loads while the seeds convert.
 * Its log is read line by line: each generated page advances the
 * progress line (report pages get a plain line in CI), warnings are kept, and the tail of
 * the log is quoted when the build fails.
 *
 * A corpus of more than `partSize()` reports is rendered in parts (scripts/model/parts.ts,
 * docs/scale.md): one Astro run per part, each into a folder and cache of its own, one or
 * `SITE_PART_JOBS` at a time, each merged into the staging folder as it finishes (parts.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { modelSlugs } from '../model/load.ts';
import { partEnvValue, partName, planParts, reportOfPath, SITE_PART_ENV, type SitePart } from '../model/parts.ts';
import { filesUnder } from '../util/files.ts';
import { checkPageCopies, sealPageCopies } from './page-copies.ts';
import { mergePart, partJobs, partSize, prunePartCaches, writePartFile } from './parts.ts';
import { partKey, partPages, reportKeys, siteCodeKey, type PartInputs } from './part-cache.ts';
import { warnOf, type BuildContext, type Step } from './steps.ts';

const CHILD = fileURLToPath(new URL('./astro-child.ts', import.meta.url));

/**
 * The pages a line of Astro's log starts (`├─ /reports/a-74-36.html (+21ms)`): their paths, in
 * order. Astro writes a page's path when it starts it and its time when it is written, so with
 * pages rendered side by side (`build.concurrency`) one line can name several pages, or none.
 */
export function pagesOf(line: string): string[] {
  return [...line.matchAll(/[├└]─ (\/\S+\.html)/gu)].map((m) => m[1]!);
}

/** Astro children still running: stopped when the build is interrupted. */
export const astroChildren = new Set<ChildProcess>();

/** One Astro run's figures, for the benchmark: peak RSS (KiB, as `process.resourceUsage()` gives it) and CPU seconds. */
export interface AstroUsage {
  maxRSSKiB?: number;
  cpuSeconds?: number;
}

/**
 * The last Astro step's usage: of its one run, or for a split render (parts.ts) the largest
 * peak and the summed CPU of its runs, with each part's own figures in `parts`.
 */
export const lastAstroUsage: AstroUsage & { parts?: (AstroUsage & { name: string; reports: number; seconds: number })[] } = {};

/** Where one Astro run writes, and what it renders (`SITE_PART`, scripts/model/parts.ts). */
export interface AstroRun {
  outDir: string;
  /** Astro's cache folder for this run (its content store, page copies and compiled MDX). */
  cacheDir: string;
  /** For a part of a split render: `SITE_PART` (what it renders) and `SITE_PART_INDEX` (the corpus index the lists part writes); unset renders the whole site. */
  env?: Record<string, string>;
  /** Shown in the progress line (`astro reports-2 page 7 …`). */
  label?: string;
  /** Node's heap limit for the run, MB, when the default (about a quarter of the machine's memory, at most ~4 GB) may be too small. */
  heapMB?: number;
  /** Told once the run has synced its content and bundled the site (it starts rendering pages), or has ended. */
  onBundled?: () => void;
}

/** What one Astro run did: pages logged, pages copied from the last build, the MDX cache's line, warnings, its usage. */
export interface AstroResult {
  pages: number;
  reused: number;
  mdx: string;
  warnings: number;
  usage: AstroUsage;
}

/** The step's result line. */
export function astroLine({ pages, reused, mdx, warnings }: AstroResult, parts?: number): string {
  return `${pages} pages${reused ? ` (${reused} reused)` : ''}${parts ? ` in ${parts} parts` : ''}${mdx ? `, MDX ${mdx}` : ''}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
}

/** Starts an Astro process (it loads Astro, then waits to be told to build) and reads its log; resolves with what it did. */
export function startAstro(context: BuildContext, run: AstroRun): { child: ChildProcess; result: Promise<AstroResult> } {
  const heap = run.heapMB ? [`--max-old-space-size=${run.heapMB}`] : [];
  const child = spawn(process.execPath, [...process.execArgv, ...heap, CHILD, run.outDir, '--cache-dir', run.cacheDir, ...(context.force ? ['--force'] : [])], {
    cwd: context.root,
    // The site reads its reports (and seeds/figures.json beside them) from CONTENT_DIR (src/lib/data.ts).
    env: {
      ...process.env,
      CONTENT_DIR: context.contentDir,
      ...run.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  astroChildren.add(child);
  const stop = () => child.kill('SIGTERM');
  context.signal.addEventListener('abort', stop, { once: true });
  const result = readLog(context, child, run).finally(() => {
    astroChildren.delete(child);
    context.signal.removeEventListener('abort', stop);
  });
  // Awaited by the step's run; a build that fails before the step runs never awaits it.
  result.catch(() => {});
  return { child, result };
}

/** Follows one Astro process's log until it exits: progress, warnings, the tail quoted on failure; seals its page copies. */
function readLog(context: BuildContext, child: ChildProcess, run: AstroRun): Promise<AstroResult> {
  const { progress } = context;
  const whole = run.outDir === context.staging;
  return new Promise<AstroResult>((resolve, reject) => {
    const done: AstroResult = { pages: 0, reused: 0, mdx: '', warnings: 0, usage: {} };
    const tail: string[] = [];
    const keep = (line: string) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
    };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(line);
      if (/generating static routes/.test(line)) run.onBundled?.();
      const pages = pagesOf(line);
      /** The compiled-MDX cache's line (src/integrations/mdx-cache.ts): `N compiled, M from cache`. */
      const cached = /\[mdx-cache\] (\d+ compiled, \d+ from cache)/.exec(line);
      if (cached) done.mdx = cached[1]!;
      // Copied from the last build (Astro's incremental build: report, document and country pages,
      // src/lib/pagekey.ts): Astro writes `(restored)` right after the path, with nothing between.
      done.reused += line.match(/[├└]─ \/\S+\.html \((?:restored|cached)\)/gu)?.length ?? 0;
      for (const page of pages) {
        done.pages++;
        progress.status(`astro${run.label ? ` ${run.label}` : ''} page ${done.pages} ${page}`, page.startsWith('/reports/'));
      }
      if (!pages.length && /\[warn\]|\bwarn(ing)?\b/i.test(line) && !/data store cleared \(force\)/.test(line)) {
        done.warnings++;
        progress.line(`  ${line.trim()}`);
      }
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      keep(line);
      if (/\bwarn(ing)?\b/i.test(line)) {
        done.warnings++;
        progress.line(`  ${line.trim()}`);
      }
    });
    child.on('message', (message: AstroUsage & { written?: string }) => {
      // Each file the run has finished writing (astro-child.ts); a part's files are reported when merged (parts.ts).
      if (message.written !== undefined) {
        if (whole) context.staged(message.written);
      } else Object.assign(done.usage, message);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      run.onBundled?.();
      context.counts.warnings += done.warnings;
      if (code !== 0) {
        const which = run.label ? `astro build of part ${run.label}` : 'astro build';
        reject(new Error(`${which} exited with ${signal ?? `code ${code}`}; last lines of its log:\n${tail.map((l) => `    ${l}`).join('\n')}`));
        return;
      }
      try {
        // Astro's page copies and their manifest are consistent now: seal them for the next build (page-copies.ts).
        sealPageCopies(run.cacheDir);
        resolve(done);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Before Astro reads its page copies: any copy an interrupted build left is deleted and rendered again. */
export function checkCopies(context: BuildContext, cacheDir: string): void {
  for (const warning of context.force ? [] : checkPageCopies(cacheDir)) warnOf(context)(warning);
}

/** Tells a started Astro process to build (content is ready); resolves with what it did. */
export function buildWith(astro: ReturnType<typeof startAstro>): Promise<AstroResult> {
  // A process that already died says why through `result`.
  if (astro.child.connected) astro.child.send({ build: true });
  return astro.result;
}

const started = new WeakMap<BuildContext, ReturnType<typeof startAstro>>();
const wholeRun = (context: BuildContext): AstroRun => ({ outDir: context.staging, cacheDir: context.cacheDir });

export const astroStep: Step = {
  name: 'astro',
  fix: 'read the Astro error above (it names the file and line); `npm run dev` shows the same error in the browser',
  // Loading Astro takes a second or two: its process starts with the build, while the seeds convert.
  prepare(context) {
    const astro = startAstro(context, wholeRun(context));
    started.set(context, astro);
    return {
      release() {
        if (astro.child.exitCode === null && astro.child.signalCode === null) astro.child.kill('SIGTERM');
      },
    };
  },
  async run(context) {
    const parts = planParts(modelSlugs(context.contentDir), partSize());
    if (parts.length > 1) {
      // A large corpus: several runs, each over a part, merged into the staging folder (parts.ts). The process started for one run is not needed.
      started.get(context)?.child.kill('SIGTERM');
      return renderParts(context, parts);
    }
    prunePartCaches(join(context.cacheDir, 'parts'), []);
    checkCopies(context, context.cacheDir);
    const result = await buildWith(started.get(context) ?? startAstro(context, wholeRun(context)));
    Object.assign(lastAstroUsage, result.usage);
    return astroLine(result);
  },
};

/**
 * The lists part reads every model to build the corpus and its lists (about 0.15 MB of heap per
 * report while it does), then lets them go; at 10 000 reports it peaked at 3.1 GB RSS (docs/scale.md).
 * Node's default heap limit on this kind of machine (about 4.5 GB) would leave too little room
 * for a larger corpus, which would stop the build, not bound it.
 */
const LISTS_HEAP_MB = 8192;

/**
 * Renders one part of a split render into `<root>/<name>/` with its own Astro cache
 * `<caches>/<name>/`; the lists part also writes the corpus index the report parts read,
 * `<root>/index/` (src/lib/part-index.ts), so it runs first. Also run alone, one part per CI
 * job (scripts/commands/render-part.ts).
 */
export async function renderPart(
  context: BuildContext,
  part: SitePart,
  root: string,
  caches: string,
  onBundled?: () => void,
  outRoot = root,
): Promise<{ result: AstroResult; seconds: number }> {
  const name = partName(part);
  const env = { [SITE_PART_ENV]: partEnvValue(part, writePartFile(outRoot, part))!, SITE_PART_INDEX: join(root, 'index') };
  const run: AstroRun = {
    outDir: join(outRoot, name),
    cacheDir: join(caches, name),
    label: name,
    env,
    ...(part.kind === 'lists' ? { heapMB: LISTS_HEAP_MB } : {}),
    ...(onBundled ? { onBundled } : {}),
  };
  checkCopies(context, run.cacheDir);
  const t0 = performance.now();
  const result = await buildWith(startAstro(context, run));
  return { result, seconds: (performance.now() - t0) / 1000 };
}

/** Where a split build takes its parts from instead of rendering them (`--parts-from DIR`: rendered one per CI job). */
const partsFrom = () => process.env.SITE_PARTS_FROM || undefined;

/**
 * The split render: the lists part first (it owns every page but the reports'), then the report
 * parts, `partJobs()` at a time — or each taken from `--parts-from DIR` — each part's folder
 * merged into the staging folder as soon as it is there, and its files reported to the zip
 * (`staged`). Returns the step's result line.
 */
async function renderParts(context: BuildContext, parts: SitePart[]): Promise<string> {
  const from = partsFrom();
  const root = from ?? join(context.staging, '..', 'parts');
  const caches = join(context.cacheDir, 'parts');
  if (!from) prunePartCaches(caches, parts.map(partName));
  const total: AstroResult = { pages: 0, reused: 0, mdx: '', warnings: 0, usage: {} };
  const compiled = [0, 0];
  lastAstroUsage.parts = [];
  // A reports part whose inputs are unchanged is taken from the last build (part-cache.ts).
  const kept = partPages(join(context.cacheDir, 'part-pages'), { force: context.force, warn: warnOf(context) });
  const inputs: PartInputs = {
    codeKey: siteCodeKey(context.root),
    contentDir: context.contentDir,
    indexDir: join(root, 'index'),
    figuresFile: join(context.seedsDir, 'figures.json'),
  };
  let keptParts = 0;
  // Astro writes the list of a run's MDX modules into the checkout's .astro/ at its content sync
  // and reads it back while bundling: runs side by side (SITE_PART_JOBS > 1) take turns through
  // those two phases and overlap only in rendering, so none bundles another part's modules.
  let bundling = Promise.resolve();
  const render = async (part: SitePart, outRoot = root) => {
    const previous = bundling;
    const mine = Promise.withResolvers<void>();
    bundling = mine.promise;
    await previous;
    try {
      return await renderPart(context, part, root, caches, mine.resolve, outRoot);
    } finally {
      mine.resolve();
    }
  };
  /** Counts a render of `reports` reports of the part `name` in the step's totals and says it. */
  const tally = (name: string, reports: number, { result, seconds }: Awaited<ReturnType<typeof render>>, what = '') => {
    lastAstroUsage.parts!.push({ name, reports, seconds, ...result.usage });
    const mdx = /(\d+) compiled, (\d+) from cache/.exec(result.mdx);
    if (mdx) ((compiled[0]! += Number(mdx[1])), (compiled[1]! += Number(mdx[2])));
    total.reused += result.reused;
    context.progress.line(`  astro part ${name}: ${result.pages} pages${what} in ${seconds.toFixed(1)} s`);
  };
  /**
   * A reports part whose last render is kept and most of whose reports' keys are unchanged: their
   * files are the last render's, and Astro renders only the changed reports, into
   * `<root>/changed/` (part-cache.ts). False when the part must be rendered whole.
   */
  const patch = async (part: Extract<SitePart, { kind: 'reports' }>, keys: Record<string, string>, dir: string): Promise<boolean> => {
    const last = kept.last(part.name);
    const changed = part.slugs.filter((slug) => last?.reports[slug] !== keys[slug]);
    if (!last || changed.length * 2 > part.slugs.length || !kept.restore(last.key, dir)) return false;
    const stale = new Set(changed);
    for (const file of filesUnder(dir)) {
      const report = reportOfPath(file);
      if (report !== undefined && (stale.has(report) || !Object.hasOwn(keys, report))) rmSync(join(dir, file));
    }
    if (!changed.length) return true;
    const changedRoot = join(root, 'changed');
    tally(
      part.name,
      changed.length,
      await render({ ...part, slugs: changed }, changedRoot),
      ` (${changed.length} of its ${part.slugs.length} reports rendered, the others' from its last render)`,
    );
    // The rendered reports' own files; the shared ones stay the last render's, checked against the lists part's by the merge.
    const out = join(changedRoot, part.name);
    for (const file of filesUnder(out)) {
      if (reportOfPath(file) === undefined) continue;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      renameSync(join(out, file), join(dir, file));
    }
    rmSync(changedRoot, { recursive: true, force: true });
    return true;
  };
  const renderOne = async (part: SitePart) => {
    const name = partName(part);
    const dir = join(root, name);
    if (from && !existsSync(dir))
      throw new Error(`--parts-from ${from}: part ${name} is missing (render it with npm run render-part -- ${name} --out ${from})`);
    const key = !from && part.kind === 'reports' ? partKey(part, inputs) : undefined;
    const keys = key !== undefined && part.kind === 'reports' ? reportKeys(part, inputs) : undefined;
    const reused = key !== undefined && kept.restore(key, dir);
    if (reused) {
      keptParts++;
      // Kept by a build before the manifests: from now on it can be patched.
      if (kept.last(name)?.key !== key) kept.record(name, key, keys!);
    } else if (!from) {
      const patched = part.kind === 'reports' && (await patch(part, keys!, dir));
      if (!patched) tally(name, part.kind === 'reports' ? part.slugs.length : 0, await render(part));
      if (key !== undefined) await kept.keep(key, dir, name, keys!);
    }
    for (const path of mergePart(context.staging, dir, part)) {
      if (path.endsWith('.html')) ((total.pages += 1), (total.reused += reused ? 1 : 0));
      context.staged(path);
    }
  };
  await renderOne(parts[0]!);
  // The peak has passed: the search index may be written beside the report parts (search.ts).
  context.reached('astro:lists');
  const queue = parts.slice(1);
  const worker = async () => {
    for (let part = queue.shift(); part; part = queue.shift()) {
      if (context.signal.aborted) return;
      await renderOne(part);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(partJobs(), queue.length) }, worker));
    await kept.prune(parts.map(partName));
  } finally {
    kept.release();
  }
  if (keptParts) context.progress.line(`  astro: ${keptParts} of ${parts.length - 1} report parts unchanged, taken from the last build`);
  const usages = lastAstroUsage.parts;
  if (usages.length) {
    lastAstroUsage.maxRSSKiB = Math.max(...usages.map((u) => u.maxRSSKiB ?? 0));
    lastAstroUsage.cpuSeconds = usages.reduce((sum, u) => sum + (u.cpuSeconds ?? 0), 0);
    total.mdx = `${compiled[0]} compiled, ${compiled[1]} from cache`;
  }
  if (!from) rmSync(root, { recursive: true, force: true });
  return `${astroLine(total, parts.length)}${from ? `, merged from ${from}` : ''}`;
}
