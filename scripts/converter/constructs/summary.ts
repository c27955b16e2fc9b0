/**
 * The summary (docs/un-document-anatomy.md §1.8): after a line `概要` or `摘要`, every line of the
 * cover is the summary, its paragraphs ended by a blank line after a finished sentence; a `*`
 * line among them is the title's note.
 */
import type { TextLine } from '../clean.ts';
import { joinLines } from '../join.ts';
import { keep, type Ledger } from '../ledger.ts';
import { NOTICE, type FrontMeta } from './cover-fields.ts';

/** Read the lines after `概要` (blank lines as `'gap'`) into `meta.summary` and `meta.notice`. */
export function readSummary(lines: (TextLine | 'gap')[], meta: FrontMeta, ledger: Ledger): void {
  const paragraphs: string[] = [];
  let current = '';
  for (const t of lines) {
    if (t === 'gap') {
      // A blank line ends a summary paragraph only after a finished sentence (spaced layouts wrap with blank lines).
      if (current && /[。！？]$/.test(current)) {
        paragraphs.push(current);
        current = '';
      }
      continue;
    }
    keep(ledger, t.no, t.text);
    if (NOTICE.test(t.text)) {
      meta.notice = meta.notice ? `${meta.notice}\n${t.text.replace(/^\*\s*/, '')}` : t.text.replace(/^\*\s*/, '');
      continue;
    }
    current = current ? joinLines(current, t.text) : t.text;
  }
  if (current) paragraphs.push(current);
  if (paragraphs.length) meta.summary = paragraphs.join('\n\n');
}
