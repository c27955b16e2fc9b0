/**
 * Putting a finished build in place without a moment where `dist/` is half old, half new:
 * the new tree is assembled beside the old one (same file system), then renamed over it.
 * A directory cannot be renamed onto a non-empty one (and Node has no atomic exchange), so the
 * old tree is first moved aside, the new one moved in, the zip renamed over the old one, and only
 * then the old tree removed; if the second rename fails the old tree is moved back.
 *
 * Between the two renames (microseconds) there is no `dist/`. A build killed exactly there leaves
 * a mark (`swapping`) in its staging folder; the next build, before anything else, finds it and
 * puts things right (`recoverSwap`): the old site back if the new one was not in yet, the new
 * zip in if the new site was. Removing the old tree is best effort: a file that cannot be
 * deleted is a warning, and the next build tries again.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';

/** A test seam: `UN_HR_KILL_AT=<point>` kills the build (SIGKILL, as a power cut would) at that point. */
export function killPoint(point: string): void {
  if (process.env.UN_HR_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}

const removeTree = (path: string) => rmSync(path, { recursive: true, force: true, maxRetries: 2 });

/** Remove a folder, or say why not: a leftover is the next build's to remove, never a failure. */
export function removeOrWarn(path: string, warn: (message: string) => void, remove: (path: string) => void = removeTree): void {
  try {
    remove(path);
  } catch (error) {
    warn(`could not remove ${path} (${(error as NodeJS.ErrnoException).code ?? error}); the next build tries again`);
  }
}

/** Replace directory `target` with directory `staged`; `aside` is a free path on the same file system. */
export function swapDir(staged: string, target: string, aside: string, warn: (message: string) => void = () => {}): void {
  swapAll({ staged, target, aside, warn });
}

interface SwapPlan {
  staged: string;
  target: string;
  aside: string;
  /** The staged zip and where it goes, swapped once the new tree is in. */
  zip?: { staged: string; target: string };
  /** Where the mark of a swap under way is written (a file of the staging folder). */
  mark?: string;
  warn: (message: string) => void;
  /** How the old tree is removed (a test seam: a removal that fails). */
  remove?: (path: string) => void;
}

/** The whole swap: tree, then zip, then removal of the old tree (see the module comment). */
export function swapAll({ staged, target, aside, zip, mark, warn, remove }: SwapPlan): void {
  removeOrWarn(aside, warn, remove);
  if (existsSync(aside)) throw new Error(`${aside} is in the way of the swap and could not be removed`);
  if (mark) writeFileAtomic(mark, `${JSON.stringify({ target, aside, staged, zip })}\n`);
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, aside);
  killPoint('swap-aside');
  try {
    renameSync(staged, target);
  } catch (error) {
    if (hadOld) renameSync(aside, target);
    throw error;
  }
  killPoint('swap-in');
  if (zip) swapFile(zip.staged, zip.target);
  if (mark) rmSync(mark, { force: true });
  removeOrWarn(aside, warn, remove);
}

/**
 * Finish or undo the swap of a build that was killed during it (its staging folder `workDir`
 * holds the mark): returns what was done, for the build's warning line, or undefined.
 */
export function recoverSwap(workDir: string, markName = 'swapping'): string | undefined {
  const markPath = join(workDir, markName);
  if (!existsSync(markPath)) return undefined;
  let plan: Omit<SwapPlan, 'warn' | 'mark' | 'remove'>;
  try {
    plan = JSON.parse(readFileSync(markPath, 'utf8')) as Omit<SwapPlan, 'warn' | 'mark' | 'remove'>;
  } catch {
    return undefined; // written atomically: unreadable means it was never complete, and nothing was renamed
  }
  let done: string | undefined;
  if (!existsSync(plan.target) && existsSync(plan.aside)) {
    renameSync(plan.aside, plan.target);
    done = `a build killed while swapping left no ${plan.target}: the last good site was put back`;
  } else if (existsSync(plan.target) && !existsSync(plan.staged) && plan.zip && existsSync(plan.zip.staged)) {
    swapFile(plan.zip.staged, plan.zip.target);
    done = `a build killed while swapping had put its site in but not its zip: the zip was put in too`;
  }
  rmSync(markPath, { force: true });
  return done;
}

/**
 * Replace file `target` with file `staged`: one rename, atomic on POSIX file systems. When the
 * two are on different file systems, the file is copied next to the target first and renamed
 * from there, so the target is still never half written.
 */
export function swapFile(staged: string, target: string): void {
  try {
    renameSync(staged, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const near = `${target}.partial-${process.pid}`;
    copyFileSync(staged, near);
    renameSync(near, target);
    rmSync(staged, { force: true });
  }
}
