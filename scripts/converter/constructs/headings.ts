/**
 * Headings (docs/un-document-anatomy.md §3): chapters (`第一章`, `一.`, `一、`), sections (`A.`),
 * annexes (`附件一`, a chapter), a label printed alone with its title on the next line, and short
 * unnumbered sub-headings of concluding observations (`教育`). Numbered sub-headings that share
 * the paragraph format (`1. 条约机构`) are told from paragraphs in constructs/paragraphs.ts.
 * Three handlers, tried at three places of the dispatcher's order (structure.ts).
 */
import type { TextLine } from '../clean.ts';
import type { DraftHeading } from '../draft.ts';
import { keep } from '../ledger.ts';
import { endsSentence, headingLine, looksLikeHeading, numbered } from '../lines.ts';
import { openBlock, type BodyState } from './state.ts';

/** A heading block opens; a chapter or section restarts the numbered sub-headings under it. */
export function openHeading(state: BodyState, t: TextLine, level: 1 | 2 | 3, kind: DraftHeading['kind'], label: string, key: string, text: string): void {
  openBlock(state, { type: 'heading', line: t.no, level, kind, label, key, text }, t);
  if (level < 3) state.nextSub = 1;
}

/** The line after a heading printed without its title (`附件一`) is that title. */
export function headingTitle(t: TextLine, state: BodyState): boolean {
  const awaiting = state.awaitingTitle;
  if (!awaiting) return false;
  keep(state.ledger, t.no, t.text);
  awaiting.text = t.text;
  state.awaitingTitle = undefined;
  return true;
}

/** A labelled heading line (never a backbone paragraph) whose title has the heading shape. */
export function heading(t: TextLine, state: BodyState): boolean {
  const h = headingLine(t.text);
  const num = numbered(t.text);
  if (!h || (num && state.onChain.has(t))) return false;
  if (!(h.rest === '' || looksLikeHeading(h.rest) || (h.kind !== 'annex' && isLongTitle(h.rest)))) return false;
  if (h.kind === 'annex') openHeading(state, t, 1, 'chapter', h.label, h.key, h.rest);
  else openHeading(state, t, h.level, h.kind, h.label, h.key, h.rest);
  return true;
}

/**
 * A short unnumbered heading of concluding observations (`教育`, `卫生`): a heading-shaped line
 * after a finished sentence (or a heading), right before a numbered paragraph.
 */
export function unnumberedSubheading(t: TextLine, state: BodyState): boolean {
  if (!isUnnumberedSubheading(t, state)) return false;
  openHeading(state, t, 3, 'subsection', '', '', t.text);
  return true;
}

/** A chapter title may be long (`五. 特别报告员…年度会议`) but is never a sentence. */
function isLongTitle(text: string): boolean {
  return text.length <= 80 && !/[。；！？]$/.test(text) && !/[。；！？].*[。；！？]/.test(text);
}

function isUnnumberedSubheading(t: TextLine, state: BodyState): boolean {
  const { previous, body, tokens, onChain } = state;
  if (t.text.length > 20 || !looksLikeHeading(t.text) || /[，,。；;：:]/.test(t.text) || /^\d/.test(t.text)) return false;
  if (body && body.type !== 'heading' && !(previous && endsSentence(previous.text))) return false;
  for (let j = state.at + 1; j < tokens.length; j++) {
    const next = tokens[j]!;
    if (next.kind === 'line') return onChain.has(next);
  }
  return false;
}

/** `概要`, `摘要`, `内容提要` alone on a line (letter-spaced too). */
export const SUMMARY_LABEL = /^(?:概\s*要|摘\s*要|内\s*容\s*提\s*要)$/;

/**
 * A summary label that stands after the body start (the cover's summary is read in
 * constructs/summary.ts). Right after the contents page, before any heading or paragraph of the
 * body, and with none on the cover, it heads the report's summary (older official records print
 * the summary there, listed in the contents with a roman page): its lines up to the first heading
 * or numbered paragraph are kept for the summary. Anywhere else it is a section heading of its
 * own, so the label is on the page, with the warning `summary-in-body`, which names the manifest
 * field that makes it the report's summary.
 */
export function summaryInBody(t: TextLine, state: BodyState): boolean {
  if (!SUMMARY_LABEL.test(t.text)) return false;
  if (summaryAfterContents(t, state)) return true;
  openHeading(state, t, 2, 'section', '', '', t.text);
  state.diagnostics.push({
    code: 'summary-in-body',
    line: t.no,
    message: `"${t.text}" labels a summary after the body start: it is shown as a section of the body, not as the report's summary; if it is the summary, set "summary" in the manifest`,
  });
  return true;
}

/** The summary after the contents page (see `summaryInBody`): read into `state.summary` when the body goes on after it. */
function summaryAfterContents(t: TextLine, state: BodyState): boolean {
  if (state.coverSummary || state.summary || state.blocks.length > 0 || state.contents.length === 0) return false;
  const lines: (TextLine | 'gap')[] = [];
  for (let j = state.at + 1; j < state.tokens.length; j++) {
    const next = state.tokens[j]!;
    if (next.kind !== 'line') {
      lines.push('gap');
      continue;
    }
    const h = headingLine(next.text);
    if (!state.onChain.has(next) && !(h && (h.rest === '' || looksLikeHeading(h.rest)))) {
      lines.push(next);
      continue;
    }
    if (!lines.some((l) => l !== 'gap')) return false;
    state.summary = { label: t, lines };
    state.at = j - 1;
    return true;
  }
  return false;
}
