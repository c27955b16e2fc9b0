/**
 * The last build's zip as a store of deflated entries (docs/offline.md): a rebuild finds most of
 * the site's files unchanged, and their deflated bytes are already in the zip it wrote last time.
 * Kept as one file, read by offset, they cost one read each, where a folder of 147 000 cache
 * entries (10 000 reports) cost three files opened per entry — the entry, its seal, the page —
 * and most of a rebuild's zip step (70 s of 227 s).
 *
 * A pack is a folder holding `<id>.zip` (a hard link to the zip the build wrote, or a copy across
 * file systems), `<id>.json` (its index: for each entry's key, where its deflated bytes lie and
 * their SHA-256) and `current`, which names the id, the SHA-256 of the index's bytes. What is read
 * is checked twice: the index against its id (a damaged index is not used), and every entry's
 * bytes against their digest before they are used (a zip rewritten in place since — it is the
 * published zip's inode — costs a warning and a compression, never a wrong entry). `current` is
 * written last, atomically, so an interrupted build leaves the earlier pack in use.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';

/** Where one entry's deflated bytes lie in the pack's zip, and their SHA-256 (hex). */
export interface PackedEntry {
  offset: number;
  length: number;
  digest: string;
}

/** What the zip knows of a file it zipped by its stamp (scripts/util/files.ts `fileStamp`): its entry's key, its size and CRC-32. */
export interface StampedFile {
  key: string;
  size: number;
  crc: number;
}

/**
 * The index file's form: `salt` (encoder and level) must match, else no entry is used. `stamps`
 * (absent from packs written before it) names the files zipped, so that a file with the same
 * stamp need not be read again.
 */
interface PackIndex {
  salt: string;
  entries: Record<string, [offset: number, length: number, digest: string]>;
  stamps?: Record<string, [key: string, size: number, crc: number]>;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const CURRENT = 'current';

export interface ZipPack {
  /** The deflated bytes of `key`, checked against their digest; undefined when absent or damaged (with a warning). */
  read(key: string): { deflated: Uint8Array<ArrayBuffer>; digest: string } | undefined;
  /** Whether the index lists `key` (its bytes are checked only when read). */
  has(key: string): boolean;
  /** The file zipped under `stamp` last time, if its entry is in the pack (its bytes are checked only when read). */
  stamped(stamp: string): StampedFile | undefined;
  /** Closes the zip (again: nothing); `read` must not be called after. */
  close(): void;
}

const noPack: ZipPack = { read: () => undefined, has: () => false, stamped: () => undefined, close: () => {} };

/** The index named by `current`, checked against its id; undefined when there is none or it cannot be trusted. */
function readIndex(dir: string, salt: string, warn: (message: string) => void): { id: string; index: PackIndex } | undefined {
  let id: string;
  try {
    id = readFileSync(join(dir, CURRENT), 'utf8').trim();
  } catch {
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, `${id}.json`));
  } catch {
    warn(`the zip pack ${dir} names an index that is missing: every file is compressed again`);
    return undefined;
  }
  if (sha256(bytes) !== id) {
    warn(`the zip pack's index ${join(dir, `${id}.json`)} is damaged (its bytes do not match their SHA-256): every file is compressed again`);
    return undefined;
  }
  const index = JSON.parse(bytes.toString('utf8')) as PackIndex;
  return index.salt === salt ? { id, index } : undefined;
}

/** The pack in `dir` made with `salt`, or an empty one (no pack yet, another encoder, a damaged index). */
export function openPack(dir: string, salt: string, warn: (message: string) => void): ZipPack {
  const found = readIndex(dir, salt, warn);
  if (!found) return noPack;
  let fd: number;
  try {
    fd = openSync(join(dir, `${found.id}.zip`), 'r');
  } catch {
    warn(`the zip pack ${dir} has lost its zip: every file is compressed again`);
    return noPack;
  }
  const { entries, stamps = {} } = found.index;
  let open = true;
  return {
    has: (key) => Object.hasOwn(entries, key),
    stamped(stamp) {
      const file = Object.hasOwn(stamps, stamp) ? stamps[stamp] : undefined;
      return file && Object.hasOwn(entries, file[0]) ? { key: file[0], size: file[1], crc: file[2] } : undefined;
    },
    read(key) {
      const entry = Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (!entry) return undefined;
      const [offset, length, digest] = entry;
      const deflated = new Uint8Array(length);
      let got = 0;
      try {
        while (got < length) {
          const n = readSync(fd, deflated, got, length - got, offset + got);
          if (n === 0) break;
          got += n;
        }
      } catch {
        got = -1;
      }
      if (got === length && sha256(deflated) === digest) return { deflated, digest };
      warn(`an entry of the zip pack ${dir} is damaged (its bytes do not match their SHA-256 ${digest.slice(0, 12)}…): it is compressed again, not used`);
      return undefined;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Makes the finished zip at `zipPath` the pack in `dir`, with `entries` (key → where its deflated
 * bytes are in that zip) and `stamps` (a zipped file's stamp → what it was), and removes the earlier pack.
 */
export function writePack(
  dir: string,
  zipPath: string,
  salt: string,
  entries: ReadonlyMap<string, PackedEntry>,
  stamps: ReadonlyMap<string, StampedFile> = new Map(),
): void {
  mkdirSync(dir, { recursive: true });
  const index: PackIndex = { salt, entries: {}, stamps: {} };
  for (const [key, { offset, length, digest }] of [...entries].sort(byKey)) index.entries[key] = [offset, length, digest];
  for (const [stamp, { key, size, crc }] of [...stamps].sort(byKey)) index.stamps![stamp] = [key, size, crc];
  const bytes = Buffer.from(`${JSON.stringify(index)}\n`, 'utf8');
  const id = sha256(bytes);
  const zip = join(dir, `${id}.zip`);
  rmSync(zip, { force: true });
  try {
    linkSync(zipPath, zip);
  } catch {
    copyFileSync(zipPath, zip);
  }
  writeFileAtomic(join(dir, `${id}.json`), bytes);
  writeFileAtomic(join(dir, CURRENT), `${id}\n`);
  for (const name of readdirSync(dir)) if (name !== CURRENT && !name.startsWith(`${id}.`)) rmSync(join(dir, name), { force: true });
}
