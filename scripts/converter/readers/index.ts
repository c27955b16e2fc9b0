/**
 * Which reader a seed goes through, by its file name: `.txt` is decoded as text (decode.ts), the
 * official files are read for their layout (docs/input-formats.md). Each gives the pipeline a
 * `Source`: the text in the line model the text path reads, and for official files the layout's facts.
 */
import { decode } from '../decode.ts';
import { SeedError } from '../errors.ts';
import { readDoc } from './doc.ts';
import { readDocx } from './docx.ts';
import type { Source } from './layout.ts';
import { readPdf } from './pdf.ts';

/** The file endings `seeds/` accepts. */
export const SEED_EXTENSIONS = ['.txt', '.pdf', '.docx', '.doc'] as const;

export function isSeedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return !lower.startsWith('~$') && SEED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function readSource(file: string, bytes: Uint8Array): Source {
  const lower = file.toLowerCase();
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (lower.endsWith('.pdf')) return readPdf(file, bytes);
  if (lower.endsWith('.docx')) {
    // An encrypted .docx is an OLE container holding the encrypted package.
    if (ole) throw new SeedError('encrypted', file, 'is an encrypted (password-protected) Word file; save it without a password');
    return readDocx(file, bytes);
  }
  if (lower.endsWith('.doc')) return readDoc(file, bytes);
  return decode(bytes, file);
}
