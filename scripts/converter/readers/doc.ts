/**
 * Reader for Word 97–2003 `.doc` (word-extractor, through sync.ts): the weakest evidence of the
 * three formats (docs/input-formats.md, ".doc"). word-extractor gives the body, notes, headers and
 * footers as separate texts, so furniture and notes are known for what they are; it gives no type
 * sizes or weights, and it removes the note-reference marks from the body, so a `.doc`'s notes
 * are listed but not linked from the text (each is named in the warnings). A `.docx` or PDF of the
 * same report is read better.
 */
import { SeedError } from '../errors.ts';
import type { DocRead } from './doc-extract.ts';
import { superscript, toSource, type LayoutLine, type Source } from './layout.ts';
import { checkSize } from './limits.ts';
import { extractSync } from './sync.ts';

export function readDoc(file: string, bytes: Uint8Array): Source {
  checkSize(file, bytes, 'Word');
  if (!(bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
    throw new SeedError('damaged', file, 'not a Word 97–2003 file (no OLE compound-file header); a .docx saved as .doc?');
  }
  return layoutDoc(file, extractSync<DocRead>('doc', file, bytes));
}

export function layoutDoc(file: string, read: DocRead): Source {
  const paras = (text: string) =>
    text
      .split(/\n+/)
      .map((l) => l.replace(/\t/g, ' ').trim())
      .filter(Boolean);
  const body = paras(read.body);
  if (!body.length) throw new SeedError('no-text', file, 'the Word file has no text in its body');
  const lines: LayoutLine[] = body.map((text) => ({ text, page: 0, role: 'body', paragraph: true }));
  paras(read.footnotes).forEach((text, i) => lines.push({ text: `${superscript(i + 1)} ${text}`, page: 0, role: 'note', paragraph: true }));
  for (const [text, reason] of [
    ...paras(read.headers).map((t) => [t, 'running-header'] as const),
    ...paras(read.footers).map((t) => [t, 'running-footer'] as const),
  ])
    lines.push({ text, page: 0, role: 'furniture', reason, evidence: `the document's ${reason === 'running-header' ? 'header' : 'footer'}`, paragraph: true });
  return toSource(lines, 'doc', 0);
}
