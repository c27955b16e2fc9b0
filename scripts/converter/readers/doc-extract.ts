/**
 * What word-extractor reads from a Word 97–2003 `.doc`, as plain data: the body, the notes, the
 * headers and the footers, each as text. Runs in extract-worker.ts.
 *
 * Word writes an automatically numbered note's reference, in the body, and the note's own mark,
 * at the start of its text, as the character U+0002. word-extractor's text cleaning removes it,
 * with no option to keep it; its cleaning function is its `lib/filters.js` module's `clean`,
 * taken by its reader when first loaded. So that module is loaded first and its `clean` given
 * each U+0002 as NOTE_MARK (a Unicode noncharacter: no document holds it), then word-extractor
 * is loaded. doc.ts links the marks; if a later word-extractor no longer cleans this way, no
 * marks come out and the notes are listed unlinked, as said in the warnings.
 */
import { createRequire } from 'node:module';
import type WordExtractorType from 'word-extractor';
import { ReadError } from './read-error.ts';

/** Where Word had a note reference (body) or a note's mark (notes): U+FDD0, a noncharacter. */
export const NOTE_MARK = '\uFDD0';

const require = createRequire(import.meta.url);
const filters = require('word-extractor/lib/filters.js') as { clean: (s: string) => string };
const clean = filters.clean;
filters.clean = (s: string) => clean(s.replace(/\x02/g, NOTE_MARK));
const WordExtractor = require('word-extractor') as typeof WordExtractorType;

export interface DocRead {
  body: string;
  footnotes: string;
  endnotes: string;
  headers: string;
  footers: string;
}

export async function extractDoc(bytes: Uint8Array): Promise<DocRead> {
  let doc;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes));
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/encrypt|password/i.test(message)) throw new ReadError('encrypted', 'the Word file is encrypted (password-protected); save it without a password');
    throw new ReadError('damaged', `not a readable Word 97–2003 file (${message})`);
  }
  const opts = { filterUnicode: false };
  return {
    body: doc.getBody(opts),
    footnotes: doc.getFootnotes(opts),
    endnotes: doc.getEndnotes(opts),
    headers: doc.getHeaders({ ...opts, includeFooters: false }),
    footers: doc.getFooters(opts),
  };
}
