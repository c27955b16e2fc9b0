/**
 * Writing a file so that no reader, and no later run after a crash or a kill, ever sees half of
 * it: the bytes go to a temporary file beside the target, are flushed to the disk (fsync), and
 * the temporary file is renamed over the target (atomic on POSIX file systems), then the folder
 * is flushed so the rename itself survives a power cut. A file is either its old bytes or its new ones.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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

/** Write `data` to `path` atomically (temporary file, fsync, rename, fsync of the folder). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at, bytes.byteLength - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  fsyncPath(dirname(path));
}
