/**
 * Reader for Word 97–2003 `.doc` (word-extractor, through sync.ts): the weakest evidence of the
 * three formats (docs/input-formats.md, ".doc"). word-extractor gives the body, notes, headers and
 * footers as separate texts, so furniture and notes are known for what they are; it gives no type
 * sizes or weights. Its note references are read from the marks Word writes (doc-extract.ts); where
 * they do not pair up with the notes, the notes are listed but not linked (each named in the
 * warnings). A `.docx` or PDF of the same report is read better.
 */
import { SeedError } from '../errors.ts';
import { NOTE_MARK, type DocRead } from './doc-extract.ts';
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
  const { body: bodyText, notes } = linkNotes(read);
  const body = paras(bodyText);
  if (!body.length) throw new SeedError('no-text', file, 'the Word file has no text in its body');
  const lines: LayoutLine[] = body.map((text) => ({ text, page: 0, role: 'body', paragraph: true }));
  notes.forEach((text, i) => lines.push({ text: `${superscript(i + 1)} ${text}`, page: 0, role: 'note', paragraph: true }));
  for (const [text, reason] of [
    ...paras(read.headers).map((t) => [t, 'running-header'] as const),
    ...paras(read.footers).map((t) => [t, 'running-footer'] as const),
  ])
    lines.push({ text, page: 0, role: 'furniture', reason, evidence: `the document's ${reason === 'running-header' ? 'header' : 'footer'}`, paragraph: true });
  return toSource(lines, 'doc', 0);
}

/**
 * The body with its note references as superscript numbers, and the footnotes' texts, when the
 * marks Word wrote (doc-extract.ts) pair up: every paragraph of the footnotes starts with a mark
 * (a note of two paragraphs, or one with a mark of its own such as `*`, cannot be told apart from
 * the note before it), as many references in the body, and no endnotes (their references carry
 * the same mark). Otherwise the body without marks and one note per paragraph, unlinked (each said
 * so in the warnings).
 */
function linkNotes(read: DocRead): { body: string; notes: string[] } {
  const strip = (s: string) => s.split(NOTE_MARK).join('');
  const lines = (s: string) =>
    s
      .split(/\n+/)
      .map((l) => l.replace(/\t/g, ' ').trim())
      .filter(Boolean);
  const noteLines = lines(read.footnotes);
  const refs = read.body.split(NOTE_MARK).length - 1;
  const paired = refs > 0 && refs === noteLines.length && noteLines.every((l) => l.startsWith(NOTE_MARK) && l.indexOf(NOTE_MARK, 1) < 0);
  if (!paired || read.endnotes.includes(NOTE_MARK)) return { body: strip(read.body), notes: noteLines.map(strip).map((l) => l.trim()) };
  let n = 0;
  return { body: read.body.replace(new RegExp(NOTE_MARK, 'g'), () => superscript(++n)), notes: noteLines.map((l) => strip(l).trim()) };
}
