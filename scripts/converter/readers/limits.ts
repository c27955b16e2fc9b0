/**
 * The limits an official file must keep to be read (docs/input-formats.md, "Files that cannot be
 * read"): a report is a few megabytes; a file far larger is no report, and reading it would hold
 * the whole run.
 */
import { SeedError } from '../errors.ts';

/** Largest official file read: 64 MiB (UN reports with figures are under 10 MiB). */
export const MAX_BYTES = 64 * 2 ** 20;
/** Most a .docx may unpack to (its XML parts): 256 MiB. */
export const MAX_UNPACKED = 256 * 2 ** 20;
/** Most pages a PDF may have: 2000. */
export const MAX_PAGES = 2000;

export function checkSize(file: string, bytes: Uint8Array, format: string, limit = MAX_BYTES): void {
  if (bytes.length > limit) {
    throw new SeedError('too-large', file, `the ${format} file is ${(bytes.length / 2 ** 20).toFixed(1)} MiB, over the limit of ${limit / 2 ** 20} MiB`);
  }
  if (bytes.length === 0) throw new SeedError('empty', file, 'the file is empty');
}
