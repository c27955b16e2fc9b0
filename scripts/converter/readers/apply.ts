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
 * A one-line unnumbered paragraph the layout sets as a heading (bold, larger type, a heading
 * style) is a heading: the layout wins over the text, and a warning names the line and the evidence.
 */
export function applyHeadings(blocks: DraftBlock[], layout: Layout, diagnostics: DraftDiagnostic[]): DraftBlock[] {
  if (!layout.headings.size) return blocks;
  return blocks.map((b): DraftBlock => {
    if (b.type !== 'paragraph' || b.n !== undefined || b.caption) return b;
    const evidence = layout.headings.get(b.line);
    if (evidence === undefined) return b;
    // The block is the heading's lines and nothing more (a heading may wrap onto a second line).
    let set = '';
    for (let no = b.line; layout.headings.has(no); no++) set += layout.lines[no] ?? '';
    if (set.replace(/\s+/g, '') !== b.text.replace(/\s+/g, '')) return b;
    diagnostics.push({
      code: 'layout-heading',
      line: b.line,
      message: `"${b.text.slice(0, 30)}" reads as a paragraph but is set as a heading (${evidence})${where(layout, b.line)}; taken as a heading`,
    });
    return { type: 'heading', line: b.line, level: 3, kind: 'subsection', label: '', key: '', text: b.text };
  });
}

/** ` on page N` for a source line of a paged format. */
export function where(layout: Layout, line: number): string {
  const page = layout.pageOf[line] ?? 0;
  return page ? ` on page ${page}` : '';
}
