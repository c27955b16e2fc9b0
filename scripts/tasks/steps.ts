/**
 * The build as a list of steps run into a staging folder, swapped in only when all of them
 * succeed. Each step is one entry (a name, an async function, and what to tell the maintainer
 * when it fails), so adding a step is adding an entry; steps share a context that says where
 * to write and collects the counts the summary reports.
 *
 * A step starts once the steps it `needs` have finished (by default every earlier step), so
 * steps that do not depend on each other run side by side: the search index, made from
 * `content/`, is written while Astro renders the pages. A step may also `prepare` as the build
 * starts, for work that needs nothing from the others (starting Astro's process and loading
 * Astro while the seeds convert).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { alive } from '../util/lock.ts';
import { join } from 'node:path';
import type { Progress } from './progress.ts';
import { recoverSwap, removeOrWarn, swapAll } from './swap.ts';
import { sizeWarnings, treeStats, type TreeStats } from './tree.ts';

/** The file a build writes in its staging folder while it swaps (swap.ts, `recoverSwap`). */
export const SWAP_MARK = 'swapping';

/** Counts the summary reports; steps add to them. */
export interface BuildCounts {
  reports: number;
  /** Seeds the converter rejected (empty, binary, undecodable…): the others still build. */
  rejected: number;
  /** Of those, seeds whose conversion threw an unexpected exception (a converter bug): the build exits 1 after finishing. */
  failed: number;
  figures: number;
  warnings: number;
}

export interface BuildContext {
  /** The project root (src/, the Astro config). */
  root: string;
  /** The corpus: the seeds folder, and the content folder the converter writes beside it. */
  seedsDir: string;
  contentDir: string;
  /** Where the build's caches live (Astro's cacheDir; the steps' caches are folders in it). */
  cacheDir: string;
  /** The site being assembled. It becomes `dist/` only if every step succeeds. */
  staging: string;
  /** Where the offline-zip step writes the zip (outside `staging`); swapped into place at the end. */
  zipStaging: string;
  progress: Progress;
  counts: BuildCounts;
  /** Ask for a clean build: steps with a cache (convert, Astro) ignore it. */
  force: boolean;
  /** The day the changes this build finds in the seeds are dated (YYYY-MM-DD); undefined: today, UTC. */
  today: string | undefined;
  /** Aborted when a step fails: steps still running stop what they can (Astro's process is killed). */
  signal: AbortSignal;
  /**
   * Resolves when the named step has finished (rejects if the build failed): for a step that
   * decides at run time to wait for one it does not always need, or for work a step's `prepare`
   * starts once another step is done.
   */
  after(name: string): Promise<void>;
  /**
   * A step says a moment inside it has come, named `<step>:<moment>`: `after` with that name
   * resolves from then on (and when the step ends, whether the moment came or not). The astro
   * step's `astro:lists` is the end of a split render's lists part, its memory peak.
   */
  reached(name: string): void;
  /** A step says it has finished writing this file of `staging` (a `/`-separated path relative to it). */
  staged(path: string): void;
  /**
   * Calls `listener` with every path a step reports through `staged`: for work a later step can
   * do on each file as soon as it is written (the zip deflates pages while Astro renders the rest).
   */
  onStaged(listener: (path: string) => void): void;
}

/** A warning of a step (a damaged cache entry, made again): a line, counted in the summary. */
export const warnOf = (c: Pick<BuildContext, 'counts' | 'progress'>) => (message: string) => {
  c.counts.warnings++;
  c.progress.line(`  warning: ${message}`);
};

export interface Step {
  name: string;
  /** The steps that must have finished before this one starts; default: every earlier step. */
  needs?: readonly string[];
  /**
   * Called for every step as the build starts, before any step runs: work that needs nothing
   * from the other steps. What it started is `run`'s to use; `release` (called when the build
   * ends, however it ends) stops whatever `run` did not take over.
   */
  prepare?(context: BuildContext): { release(): void };
  /** Does the work; the returned text (e.g. "131 pages") goes on the step's result line. */
  run(context: BuildContext): Promise<string | void>;
  /** What the maintainer should do when this step fails. */
  fix: string;
}

export interface BuildPlan {
  root: string;
  /** The seeds folder (default `<root>/seeds`); content is written to `content/` beside it. */
  seedsDir?: string;
  /** The caches' folder (default `<root>/node_modules/.astro`, Astro's default cacheDir). */
  cacheDir?: string;
  steps: Step[];
  /** Final places: the site folder and the offline zip. */
  distDir: string;
  zipPath: string;
  /** Scratch folder on the same file system as `distDir` (renames must not cross devices). */
  workDir: string;
  force?: boolean;
  /** The day new changes are dated (YYYY-MM-DD, `--today`; default today, UTC): a build that must date them reproducibly. */
  today?: string;
  /** Testing the atomic swap: fail on purpose right after this step. */
  failAfter?: string;
}

export interface StepTiming {
  name: string;
  seconds: number;
  detail: string;
}

export interface BuildOutcome {
  counts: BuildCounts;
  steps: StepTiming[];
  seconds: number;
  tree: TreeStats;
  /** Bytes of the offline zip, or undefined when no step wrote one. */
  zipBytes: number | undefined;
}

/**
 * Remove the staging folders (`<workRoot>/<pid>`) of builds that were killed (their process is
 * gone). A swap one of them was killed in is finished or undone first (swap.ts, `recoverSwap`),
 * so a folder is never removed while it holds the only site; a folder that cannot be removed is
 * a warning. Call it holding the lock of the output (lock.ts), so no live build's folder is touched.
 */
export function cleanStale(workRoot: string, warn: (message: string) => void): void {
  if (!existsSync(workRoot)) return;
  for (const name of readdirSync(workRoot)) {
    if (!/^\d+$/.test(name) || alive(Number(name))) continue;
    const stale = join(workRoot, name);
    try {
      const recovered = recoverSwap(stale, SWAP_MARK);
      if (recovered) warn(recovered);
    } catch (error) {
      warn(`${stale} holds an interrupted swap that could not be finished (${(error as Error).message}); it is kept: move its dist-old/ back by hand`);
      continue;
    }
    removeOrWarn(stale, warn);
  }
}

/** A step failed: nothing was swapped in. `fix` says what the maintainer can do. */
export class BuildFailure extends Error {
  step: string;
  fix: string;
  constructor(step: string, cause: unknown, fix: string) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'BuildFailure';
    this.step = step;
    this.fix = fix;
  }
}

/**
 * Run every step into a fresh staging folder, then swap the staged site (and zip, if one was
 * written) into place. On any failure the staging folder is removed, the previous `dist/` and
 * zip stay untouched, and a `BuildFailure` naming the step is thrown.
 */
export async function runBuild(plan: BuildPlan, progress: Progress): Promise<BuildOutcome> {
  const started = performance.now();
  const needs = dependencies(plan.steps);
  const staging = join(plan.workDir, 'dist');
  const zipStaging = join(plan.workDir, 'offline.zip');
  rmSync(plan.workDir, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const seedsDir = plan.seedsDir ?? join(plan.root, 'seeds');
  const controller = new AbortController();
  /** Each step's end, by name, settled by runSteps: `after` can be asked from `prepare` on. */
  const finished = new Map(plan.steps.map((step) => [step.name, Promise.withResolvers<void>()]));
  for (const { promise } of finished.values()) promise.catch(() => {}); // a failure is runSteps' to throw
  const listeners: ((path: string) => void)[] = [];
  /** Moments inside steps (`astro:lists`), each settled by `reached` or else with its step. */
  const moments = new Map<string, PromiseWithResolvers<void>>();
  const momentOf = (name: string): PromiseWithResolvers<void> => {
    let moment = moments.get(name);
    if (moment) return moment;
    const step = finished.get(name.slice(0, name.indexOf(':')));
    if (!name.includes(':') || !step) throw new Error(`no build step is named "${name}"`);
    moment = Promise.withResolvers<void>();
    moment.promise.catch(() => {});
    step.promise.then(moment.resolve, moment.reject);
    moments.set(name, moment);
    return moment;
  };
  const context: BuildContext = {
    root: plan.root,
    seedsDir,
    contentDir: join(seedsDir, '..', 'content'),
    cacheDir: plan.cacheDir ?? join(plan.root, 'node_modules', '.astro'),
    staging,
    zipStaging,
    progress,
    counts: { reports: 0, rejected: 0, failed: 0, figures: 0, warnings: 0 },
    force: Boolean(plan.force),
    today: plan.today,
    signal: controller.signal,
    after: (name) => {
      try {
        return finished.get(name)?.promise ?? momentOf(name).promise;
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    reached: (name) => momentOf(name).resolve(),
    staged: (path) => {
      for (const listener of listeners) listener(path);
    },
    onStaged: (listener) => void listeners.push(listener),
  };
  /** Something the build could not do that costs nothing now (an old tree it could not delete): a counted warning line. */
  const warn = (message: string) => {
    context.counts.warnings++;
    progress.line(`  warning: ${message}`);
  };
  const timings = new Map<string, StepTiming>();
  const prepared: { release(): void }[] = [];
  try {
    for (const step of plan.steps) if (step.prepare) prepared.push(step.prepare(context));
    await runSteps(plan, needs, context, controller, finished, (timing) => timings.set(timing.name, timing));
    // In the plan's order, whatever order they finished in.
    const steps = plan.steps.map((step) => timings.get(step.name)!);
    const tree = treeStats(staging);
    // Bounded output (issue 23): a page too big to open, a site too big for common hosts, are said before it is published.
    for (const warning of sizeWarnings(staging, tree)) warn(warning);
    const zipBytes = existsSync(zipStaging) ? statSync(zipStaging).size : undefined;
    try {
      swapAll({
        staged: staging,
        target: plan.distDir,
        aside: join(plan.workDir, 'dist-old'),
        ...(zipBytes !== undefined ? { zip: { staged: zipStaging, target: plan.zipPath } } : {}),
        mark: join(plan.workDir, SWAP_MARK),
        warn,
      });
    } catch (error) {
      throw new BuildFailure('swap', error, `check that ${plan.distDir} is writable and not held open, then build again`);
    }
    return { counts: context.counts, steps, seconds: (performance.now() - started) / 1000, tree, zipBytes };
  } finally {
    for (const p of prepared) p.release();
    removeOrWarn(plan.workDir, warn);
  }
}

/** The steps each step waits for: its `needs`, else every step before it. Unknown or later names are an error. */
function dependencies(steps: readonly Step[]): Map<string, readonly string[]> {
  const names = steps.map((s) => s.name);
  if (new Set(names).size !== names.length) throw new Error(`build steps: duplicate names in ${names.join(', ')}`);
  return new Map(
    steps.map((step, i) => {
      const before = names.slice(0, i);
      for (const need of step.needs ?? []) {
        if (!before.includes(need)) throw new Error(`build step "${step.name}" needs "${need}", which is not an earlier step`);
      }
      return [step.name, step.needs ?? before];
    }),
  );
}

/**
 * Start every step as soon as what it needs has finished; resolve when all have. When one
 * fails, the others are told (the context's signal), the running ones are waited for, and
 * nothing more starts: the first failure is thrown as a BuildFailure.
 */
async function runSteps(
  plan: BuildPlan,
  needs: Map<string, readonly string[]>,
  context: BuildContext,
  controller: AbortController,
  finished: Map<string, PromiseWithResolvers<void>>,
  done: (timing: StepTiming) => void,
): Promise<void> {
  let failure: BuildFailure | undefined;
  const runs: Promise<void>[] = [];
  for (const step of plan.steps) {
    const ready = Promise.all(needs.get(step.name)!.map((name) => finished.get(name)!.promise));
    const end = finished.get(step.name)!;
    runs.push(
      ready
        .then(async () => {
          if (failure) throw failure;
          const t0 = performance.now();
          context.progress.status(`${step.name}…`, true);
          let detail: string | void;
          try {
            detail = await step.run(context);
            if (plan.failAfter === step.name) throw new Error(`failing on purpose after "${step.name}" (--fail-after)`);
          } catch (error) {
            failure ??= new BuildFailure(step.name, error, step.fix);
            controller.abort(failure);
            throw failure;
          }
          const seconds = (performance.now() - t0) / 1000;
          done({ name: step.name, seconds, detail: detail ?? '' });
          context.progress.line(`✓ ${step.name} ${seconds.toFixed(1)} s${detail ? ` — ${detail}` : ''}`);
        })
        .then(end.resolve, (error: unknown) => {
          end.reject(error);
          throw error;
        }),
    );
  }
  await Promise.allSettled(runs);
  if (failure) throw failure;
}
