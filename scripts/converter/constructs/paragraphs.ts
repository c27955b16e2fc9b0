/**
 * Paragraphs (docs/un-document-anatomy.md §4, §3.3, §8.3, §8.4): a numbered line on the paragraph
 * backbone (or spaced, off it) is a numbered paragraph, with `paragraph-gap` / `paragraph-order`
 * when its number does not follow; off the backbone with the heading shape it is a numbered
 * sub-heading. Other lines continue the open block, or, in unnumbered text (a preamble, a speech),
 * start a new paragraph where the previous line finished a sentence. Three handlers, tried at
 * three places of the dispatcher's order (structure.ts); `prose` takes any line left.
 */
import type { TextLine } from '../clean.ts';
import type { DraftBlock, DraftParagraph } from '../draft.ts';
import { decimalNumbered, endsSentence, looksLikeHeading, numbered } from '../lines.ts';
import { isOpener } from './body-start.ts';
import { openHeading } from './headings.ts';
import { endsPreambularParagraph, isClosingLine, preambleAfter } from './preamble.ts';
import { appendLine, openBlock, type BodyState } from './state.ts';

/** A paragraph block opens; it may start or end a resolution's preamble. */
function openParagraph(state: BodyState, paragraph: DraftParagraph, t: TextLine): void {
  openBlock(state, paragraph, t);
  state.preamble = preambleAfter(state.preamble, paragraph);
}

/** A numbered line on the backbone, or spaced off it: a paragraph, or a numbered sub-heading. */
export function numberedLine(t: TextLine, state: BodyState): boolean {
  if (state.decimal && state.onChain.has(t)) return decimalLine(t, state);
  const num = numbered(t.text);
  if (!num || !(state.onChain.has(t) || num.spaced)) return false;
  const n = num.n;
  const sub = !state.onChain.has(t) && looksLikeHeading(num.rest) && (n === state.nextSub || state.chain.size > 0);
  if (sub) {
    openHeading(state, t, 3, 'subsection', `${n}.`, String(n), num.rest);
    state.nextSub = n + 1;
    return true;
  }
  if (n !== state.nextPara) {
    const last = state.nextPara - 1;
    state.diagnostics.push({
      code: n > state.nextPara ? 'paragraph-gap' : 'paragraph-order',
      line: t.no,
      message: n > state.nextPara ? `paragraph numbers jump from ${last} to ${n}` : `paragraph ${n} follows paragraph ${last} (duplicated or out of order)`,
    });
  }
  state.nextPara = Math.max(state.nextPara, n + 1);
  openParagraph(state, { type: 'paragraph', line: t.no, n, text: num.rest }, t);
  return true;
}

/** A line on the decimal backbone: paragraph `2.1` (n 2, label `2.1`), or a whole-numbered one among them (`1.`). */
function decimalLine(t: TextLine, state: BodyState): boolean {
  const d = decimalNumbered(t.text);
  const num = d ?? numbered(t.text)!;
  const paragraph: DraftParagraph = { type: 'paragraph', line: t.no, n: num.n, ...(d ? { label: `${d.n}.${d.sub}` } : {}), text: num.rest };
  state.nextPara = Math.max(state.nextPara, num.n + 1);
  openParagraph(state, paragraph, t);
  return true;
}

/** A resolution's closing lines (constructs/preamble.ts): an unnumbered paragraph of their own. */
export function closingLines(t: TextLine, state: BodyState): boolean {
  if (!isClosingLine(t.text, state.body, state.previous)) return false;
  openParagraph(state, { type: 'paragraph', line: t.no, text: t.text }, t);
  return true;
}

/** Any other line: it continues the open paragraph or item, or starts an unnumbered paragraph. */
export function prose(t: TextLine, state: BodyState): boolean {
  const body = state.body;
  if (body && body.type !== 'heading' && body.type !== 'figure' && !startsNewProse(body, t.text, state)) appendLine(state, body, t);
  else openParagraph(state, { type: 'paragraph', line: t.no, text: t.text }, t);
  return true;
}

/** The typical full line width of the wrapped text (90th percentile of line lengths). */
export function lineWidth(lines: TextLine[]): number {
  // Too few lines to know the full width: rely on blank lines alone.
  if (lines.length < 20) return 0;
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)]!;
}

/**
 * In unnumbered text (a preamble, a speech, text before the first numbered paragraph), a line
 * starts a new paragraph when the previous line finished a sentence and either a blank line
 * separates them or the previous line stopped short of the full line width.
 */
function startsNewProse(body: DraftBlock, text: string, state: BodyState): boolean {
  const { previous, afterBlank, width, preamble } = state;
  if (body.type !== 'paragraph' || body.n !== undefined || !previous) return false;
  if (/^[，。；：、）)]/.test(text)) return false;
  const prev = previous.text;
  if (endsPreambularParagraph(preamble, prev)) return true;
  // A salutation (`主席先生，` / `各位阁下，`) is a paragraph of its own.
  if (isOpener(prev) && !isOpener(text)) return true;
  if (afterBlank && endsSentence(prev)) return true;
  // Too few lines to know the full width: each line that finished a sentence is a paragraph.
  if (width === 0) return /[。！？]$/.test(prev);
  return /[。！？；：，,]$/.test(prev) && prev.length < width * 0.75;
}
