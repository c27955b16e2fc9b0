/**
 * The build as a list of steps run in order into a staging folder, swapped in only when all
 * of them succeed. Each step is one entry (a name, an async function, and what to tell the
 * maintainer when it fails), so adding a step is adding an entry; steps share a context
 * that says where to write and collects the counts the summary reports.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Progress } from './progress.ts';
import { swapDir, swapFile } from './swap.ts';
import { treeStats, type TreeStats } from './tree.ts';

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
}

export interface Step {
  name: string;
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
  const staging = join(plan.workDir, 'dist');
  const zipStaging = join(plan.workDir, 'offline.zip');
  rmSync(plan.workDir, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const seedsDir = plan.seedsDir ?? join(plan.root, 'seeds');
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
  };
  const steps: StepTiming[] = [];
  try {
    for (const step of plan.steps) {
      const t0 = performance.now();
      progress.status(`${step.name}…`, true);
      let detail: string | void;
      try {
        detail = await step.run(context);
        if (plan.failAfter === step.name) throw new Error(`failing on purpose after "${step.name}" (--fail-after)`);
      } catch (error) {
        throw new BuildFailure(step.name, error, step.fix);
      }
      const seconds = (performance.now() - t0) / 1000;
      steps.push({ name: step.name, seconds, detail: detail ?? '' });
      progress.line(`✓ ${step.name} ${seconds.toFixed(1)} s${detail ? ` — ${detail}` : ''}`);
    }
    const tree = treeStats(staging);
    const zipBytes = existsSync(zipStaging) ? statSync(zipStaging).size : undefined;
    try {
      swapDir(staging, plan.distDir, join(plan.workDir, 'dist-old'));
      if (zipBytes !== undefined) swapFile(zipStaging, plan.zipPath);
    } catch (error) {
      throw new BuildFailure('swap', error, `check that ${plan.distDir} is writable and not held open, then build again`);
    }
    return { counts: context.counts, steps, seconds: (performance.now() - started) / 1000, tree, zipBytes };
  } finally {
    rmSync(plan.workDir, { recursive: true, force: true });
  }
}
