/**
 * Putting a finished build in place without a moment where `dist/` is half old, half new:
 * the new tree is assembled beside the old one (same file system), then renamed over it.
 * A directory cannot be renamed onto a non-empty one, so the old tree is first moved aside,
 * the new one moved in, and only then the old one removed; if the second rename fails the
 * old tree is moved back, so a failure leaves the last good build where it was.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';

/** Replace directory `target` with directory `staged`; `aside` is a free path on the same file system. */
export function swapDir(staged: string, target: string, aside: string): void {
  rmSync(aside, { recursive: true, force: true });
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, aside);
  try {
    renameSync(staged, target);
  } catch (error) {
    if (hadOld) renameSync(aside, target);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
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
