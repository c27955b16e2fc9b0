/**
 * One writer at a time (issue 23, case 2): two builds writing the same `dist/`, `content/` or
 * caches at once publish a broken site. Each folder a command writes is guarded by a lock file
 * beside it (`<folder>.lock`), holding its owner's pid, host and command, created whole and
 * exclusively (written under a name of its own, then hard-linked to the lock's name, which fails
 * when the lock exists: atomic as O_EXCL is, and never seen half written). A second command finds it and refuses with one
 * line naming the owner. A lock whose owner is gone (killed, crashed, the machine restarted) is
 * stale and taken over.
 */
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
  /** What holds it, for the message: "npm run build", "npm run dev"… */
  command: string;
  /** When it was taken (ISO time). */
  started: string;
}

/** The lock file of a folder: beside it, so that it guards the folder whatever is inside. */
export const lockPathOf = (dir: string) => `${dir.replace(/[\\/]+$/, '')}.lock`;

/** Whether process `pid` runs on this machine (EPERM: it runs, as another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

function writeOwner(path: string, owner: LockOwner): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, JSON.stringify(owner));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether the lock at `path` (with `owner`, if readable) belongs to nobody any more. */
function stale(path: string, owner: LockOwner | undefined): boolean {
  if (owner) return owner.host === hostname() && !alive(owner.pid);
  // Unreadable: its owner was killed between creating and writing it, or is writing it now.
  const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  return age > 5_000;
}

/** Another command holds a lock. */
export class LockBusy extends Error {
  owner: LockOwner | undefined;
  constructor(dir: string, owner: LockOwner | undefined) {
    const who = owner
      ? `${owner.command} (pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, since ${owner.started})`
      : 'another command';
    super(`${dir} is being written by ${who}: wait for it to finish, or stop it, then run again`);
    this.name = 'LockBusy';
    this.owner = owner;
  }
}

export interface Lock {
  /** Give the lock up (only if it is still ours). */
  release(): void;
}

/** Take the lock of folder `dir` for `command`, or throw `LockBusy`; a stale lock is taken over. */
export function acquireLock(dir: string, command: string): Lock {
  const path = lockPathOf(dir);
  const me: LockOwner = { pid: process.pid, host: hostname(), command, started: new Date().toISOString().slice(0, 19).replace('T', ' ') };
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written whole under a name of its own, then linked to the lock's name: link() fails if the
    // name exists (as O_EXCL does), and a lock is never seen empty.
    const mine = `${path}.${process.pid}.new`;
    writeOwner(mine, me);
    let linked = false;
    try {
      linkSync(mine, path);
      linked = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(mine, { force: true });
    }
    if (linked) {
      return {
        release() {
          if (readOwner(path)?.pid === me.pid) rmSync(path, { force: true });
        },
      };
    }
    const owner = readOwner(path);
    if (!stale(path, owner)) throw new LockBusy(dir, owner);
    // Taken over by renaming it aside (only one of two commands doing this at once gets the file)…
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    // …and if what was renamed is not the stale lock (another command took it over in between), put it back.
    const moved = readOwner(aside);
    if (moved?.pid !== owner?.pid && moved && !stale(aside, moved)) {
      try {
        linkSync(aside, path);
      } catch {
        // Someone else holds it now: the next attempt says so.
      }
    }
    rmSync(aside, { force: true });
  }
  throw new LockBusy(dir, readOwner(path));
}

/** Take the locks of several folders (in the order given: the first busy one is named), or none. */
export function acquireLocks(dirs: readonly string[], command: string): Lock {
  const held: Lock[] = [];
  try {
    for (const dir of new Set(dirs)) held.push(acquireLock(dir, command));
  } catch (error) {
    for (const lock of held.reverse()) lock.release();
    throw error;
  }
  return { release: () => held.reverse().forEach((lock) => lock.release()) };
}

/** Whether `dir`'s lock is held by a live command (for tests and messages). */
export function lockHolder(dir: string): LockOwner | undefined {
  const path = lockPathOf(dir);
  if (!existsSync(path)) return undefined;
  const owner = readOwner(path);
  return stale(path, owner) ? undefined : owner;
}
