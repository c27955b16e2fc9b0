/**
 * Where the layout of an official file overrides what the text path would guess from the text
 * alone (docs/input-formats.md, "Layout is evidence"): the pipeline calls these between its
 * steps for seeds a reader produced. Each override is said in the model's warnings.
 */
import type { Token } from '../clean.ts';
import type { DraftBlock, DraftDiagnostic } from '../draft.ts';
import { drop, type Ledger } from '../ledger.ts';
import type { Layout } from './layout.ts';

/** Lines the layout places as page furniture: dropped with the layout's reason, leaving a page break. */
export function applyFurniture(tokens: Token[], layout: Layout, ledger: Ledger): Token[] {
  if (!layout.furniture.size) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    const f = t.kind === 'line' ? layout.furniture.get(t.no) : undefined;
    if (t.kind !== 'line' || !f) {
      out.push(t);
      continue;
    }
    drop(ledger, t.no, t.text, f.reason);
    if (out.at(-1)?.kind !== 'break') out.push({ kind: 'break', no: t.no });
  }
  return out;
}

/**
 * A line the layout sets as a heading (bold, larger type, a heading style) is a heading: the
 * layout wins over the text, and a warning names the line and the evidence. The text path may
 * have read it as a paragraph of its own, or joined it to the paragraph before (a numbered
 * paragraph takes the unnumbered lines after it); then that paragraph is split there, and what
 * followed the heading becomes a paragraph of its own.
 */
export function applyHeadings(blocks: DraftBlock[], layout: Layout, diagnostics: DraftDiagnostic[]): DraftBlock[] {
  if (!layout.headings.size) return blocks;
  const out: DraftBlock[] = [];
  const say = (line: number, text: string) =>
    diagnostics.push({
      code: 'layout-heading',
      line,
      message: `"${text.slice(0, 30)}" reads as a paragraph but is set as a heading (${layout.headings.get(line)})${where(layout, line)}; taken as a heading`,
    });
  const headingAt = (line: number): DraftBlock => ({ type: 'heading', line, level: 3, kind: 'subsection', label: '', key: '', text: run(layout, line) });
  blocks.forEach((b, i) => {
    if (b.type !== 'paragraph' || b.caption) {
      out.push(b);
      return;
    }
    // Standing alone: the block is the heading's lines and nothing more.
    if (b.n === undefined && layout.headings.has(b.line) && squeeze(run(layout, b.line)) === squeeze(b.text)) {
      say(b.line, b.text);
      out.push(headingAt(b.line));
      return;
    }
    // Joined to the paragraph before: split at each heading line inside the block's lines.
    const end = Math.min(blocks[i + 1]?.line ?? layout.lines.length, layout.lines.length);
    let current: DraftBlock & { type: 'paragraph' } = b;
    for (let no = b.line + 1; no < end; no++) {
      if (!layout.headings.has(no) || layout.headings.has(no - 1)) continue;
      const text = run(layout, no);
      const at = current.text.indexOf(text);
      if (at <= 0) continue;
      const after = current.text.slice(at + text.length).trim();
      out.push({ ...current, text: current.text.slice(0, at).trimEnd() });
      say(no, text);
      out.push(headingAt(no));
      let next = no + 1;
      while (next < end && (layout.headings.has(next) || !layout.lines[next])) next++;
      current = { type: 'paragraph', line: next, text: after };
    }
    if (current.text) out.push(current);
  });
  return out;
}

/** The text of the heading lines starting at `line` (a heading may wrap onto a second line). */
function run(layout: Layout, line: number): string {
  let text = '';
  for (let no = line; layout.headings.has(no); no++) text += layout.lines[no] ?? '';
  return text;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * A warning's message as an official file's reader knows it: ` on page N` for a source line of a
 * paged format; a `.doc`'s unreferenced note says why (its reference marks did not pair up with
 * its notes, readers/doc.ts: the reference may be in the document, unread).
 */
export function layoutMessage(layout: Layout, code: string, message: string, line?: number): string {
  if (layout.format === 'doc' && code === 'note-unreferenced')
    return `${message.replace(/ is never referenced in the text$/, ' is not linked from the text')}: the .doc's note-reference marks could not be paired with its notes (as many in the body as footnotes, and no endnotes, are needed), so its notes are listed unlinked; the .docx or PDF of the same report links them`;
  return line && !message.includes(' on page ') ? message + where(layout, line) : message;
}

/** ` on page N` for a source line of a paged format. */
export function where(layout: Layout, line: number): string {
  const page = layout.pageOf[line] ?? 0;
  return page ? ` on page ${page}` : '';
}
