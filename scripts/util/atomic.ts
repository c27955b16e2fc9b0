/**
 * Writing a file so that no reader, and no later run after a crash or a kill, ever sees half of
 * it: the bytes go to a temporary file beside the target, which is renamed over the target
 * (atomic on POSIX file systems). A file is either its old bytes or its new ones.
 *
 * Flushing to the disk (fsync) is what makes the write survive a power cut too. It costs a few
 * milliseconds per file on a busy disk (4–6 ms measured on the 2-CPU build machine, two per
 * file: the file and its folder), which for the thousands of files a build writes (content/,
 * the caches' entries and seals) was most of the build's wall time. So the bulk writers pass a
 * {@link FlushSet}: their files are renamed into place at once and flushed together, by many
 * concurrent fsyncs off the main thread (the file system commits them as one journal
 * transaction), before the build that wrote them reports success. Everything written so is
 * also checked when it is read (the caches' seals, the converter's index of output hashes), so
 * a power cut before that flush costs a warning and a remake, never a wrong build.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Flush a file or folder to the disk; a file system that cannot (some network mounts) is not an error. */
export function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL/EPERM on file systems without directory fsync: nothing more can be done.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Flush a file or folder to the disk without blocking the thread; failures as in {@link fsyncPath}. */
async function fsyncLater(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Gone since (pruned, replaced), or a file system without fsync: nothing to flush.
  }
}

/** How many fsyncs a {@link FlushSet} keeps in flight: enough for the journal to commit them together. */
const FLUSH_CONCURRENCY = 16;

/**
 * Files written but not yet flushed to the disk, and their folders: `flush()` flushes them all,
 * concurrently, and forgets them. Call it before reporting that what was written is done.
 */
export interface FlushSet {
  /** Remember a file (or folder) whose new bytes, and whose entry in its folder, must reach the disk. */
  add(path: string): void;
  flush(): Promise<void>;
}

/**
 * A {@link FlushSet}. With `ahead` (a number of fsyncs), files are also flushed as they are added,
 * that many at a time, so that `flush()` has only the last few and their folders left: for files
 * written early in a build whose `flush()` comes at its very end (the zip's deflated entries, made
 * while Astro renders: their flush, 0.9 s at 100 reports, was the last thing a cold build did).
 * `sync` flushes one path (a test seam; default: fsync, failures ignored).
 */
export function flushSet({ ahead = 0, sync = fsyncLater }: { ahead?: number; sync?: (path: string) => Promise<void> } = {}): FlushSet {
  let files = new Set<string>();
  /** How many times each file was added, and, for those flushed ahead, that count when their fsync began. */
  const added = new Map<string, number>();
  const flushed = new Map<string, number>();
  const queue: string[] = [];
  let active = 0;
  /** Settled when the fsyncs ahead in flight are done; undefined when none is. */
  let inFlight: PromiseWithResolvers<void> | undefined;
  const pump = () => {
    while (active < ahead && queue.length) {
      const path = queue.shift()!;
      const turn = added.get(path)!;
      inFlight ??= Promise.withResolvers<void>();
      active++;
      void sync(path)
        .then(
          () => void flushed.set(path, turn),
          // Not flushed: `flush()` tries again.
          () => {},
        )
        .then(() => {
          active--;
          pump();
          if (active === 0) {
            inFlight?.resolve();
            inFlight = undefined;
          }
        });
    }
  };
  const all = async (paths: string[]) => {
    let next = 0;
    const worker = async () => {
      while (next < paths.length) await sync(paths[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(FLUSH_CONCURRENCY, paths.length) }, worker));
  };
  return {
    add(path) {
      files.add(path);
      if (!ahead) return;
      added.set(path, (added.get(path) ?? 0) + 1);
      queue.push(path);
      pump();
    },
    async flush() {
      queue.length = 0;
      await inFlight?.promise;
      const paths = [...files];
      // A file added again after its fsync ahead began (rewritten since) is flushed again.
      const left = ahead ? paths.filter((p) => flushed.get(p) !== added.get(p)) : paths;
      files = new Set();
      added.clear();
      flushed.clear();
      // Files first, then the folders holding them (their renames).
      await all(left);
      await all([...new Set(paths.map((p) => dirname(p)))]);
    },
  };
}

/**
 * Write `data` to `path` atomically (temporary file, rename). Flushed to the disk at once (the
 * file, then its folder), or, given `later`, added to it to be flushed with the others.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, later?: FlushSet): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at, bytes.byteLength - at);
      if (!later) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  if (later) later.add(path);
  else fsyncPath(dirname(path));
}
