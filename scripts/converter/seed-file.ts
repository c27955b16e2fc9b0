/**
 * What may be a seed, decided from the folder entry before a byte is read (issue 23, case 5):
 * a regular file (a FIFO would block the read forever, a device never end, a folder fail
 * oddly), of a bounded size and name length. A symbolic link is followed when its target is a
 * regular file inside the seeds folder; one that leads outside it is still read, with a warning
 * naming the target, so that nothing from elsewhere is published without a word.
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../model/schema.ts';

/**
 * A seed larger than this is rejected before it is read: 64 MiB, beyond the largest UN report as
 * text (a 20 MB one converts) or as an official PDF or Word file with its images.
 */
export const SEED_MAX_BYTES = 64 * 1024 * 1024;
/** A longer file name is rejected: the page address and the bundler's file names are made from it (Linux allows 255 bytes in all). */
export const SEED_NAME_MAX = 120;

/** The file-system calls the inspection needs (node:fs has them; a test seam may leave them out: then nothing is checked). */
export interface SeedStatFs {
  lstatSync(path: string): { isSymbolicLink(): boolean; isFile(): boolean; isFIFO(): boolean; isDirectory(): boolean; size: number };
  statSync(path: string): { isFile(): boolean; isFIFO(): boolean; isDirectory(): boolean; size: number };
  realpathSync(path: string): string;
}

export type SeedCheck = { ok: true; warning?: Diagnostic } | { ok: false; error: Diagnostic };

const kindOf = (s: { isFIFO(): boolean; isDirectory(): boolean }) =>
  s.isFIFO() ? 'a FIFO (named pipe)' : s.isDirectory() ? 'a folder' : 'not a regular file (a socket or device)';

/** Whether `file` of `seedsDir` may be read as a seed; an error or warning names the file and what is wrong. */
export function inspectSeed(fs: SeedStatFs, seedsDir: string, file: string, path: string): SeedCheck {
  const reject = (code: string, message: string): SeedCheck => ({ ok: false, error: { level: 'error', code, file, message: `${file}: ${message}` } });
  if (file.length > SEED_NAME_MAX) {
    return reject('name-too-long', `its name is ${file.length} characters long; the limit is ${SEED_NAME_MAX} (SEED_NAME_MAX): rename the file`);
  }
  let warning: Diagnostic | undefined;
  let entry: ReturnType<SeedStatFs['statSync']>;
  try {
    const link = fs.lstatSync(path);
    entry = link;
    if (link.isSymbolicLink()) {
      const target = fs.realpathSync(path);
      const inside = relative(fs.realpathSync(seedsDir), target);
      if (inside.startsWith('..') || inside === target) {
        warning = {
          level: 'warning',
          code: 'seed-outside',
          file,
          message: `${file} is a symbolic link to ${target}, outside the seeds folder: that file is published as this report`,
        };
      }
      entry = fs.statSync(path);
      if (!entry.isFile()) return reject('not-a-file', `a symbolic link to ${target}, which is ${kindOf(entry)}: only regular files are read`);
    } else if (!link.isFile()) return reject('not-a-file', `${kindOf(link)}: only regular files are read`);
  } catch (error) {
    return reject('unreadable', `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  if (entry.size > SEED_MAX_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    return reject('too-large', `${mb(entry.size)}; the limit is ${mb(SEED_MAX_BYTES)} (SEED_MAX_BYTES): split the report into several seeds`);
  }
  return warning ? { ok: true, warning } : { ok: true };
}
