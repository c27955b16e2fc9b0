/**
 * What word-extractor reads from a Word 97–2003 `.doc`, as plain data: the body, the notes, the
 * headers and the footers, each as text. Runs in extract-worker.ts.
 */
import WordExtractor from 'word-extractor';

export interface DocRead {
  body: string;
  footnotes: string;
  endnotes: string;
  headers: string;
  footers: string;
}

class ReadError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
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
