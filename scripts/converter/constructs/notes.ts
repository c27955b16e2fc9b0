/**
 * Notes (docs/un-document-anatomy.md §7): a rule of underscores (`_____`) opens the page-bottom
 * note block, where `1 文本` is note 1 and `* 文本` a note on the title; a superscript mark
 * (`¹ 文本`) is a note anywhere. A note's wrapped lines join it until a line starts a block.
 * Three handlers, tried at three places of the dispatcher's order (structure.ts): the rule,
 * superscript notes, and the lines of an open note block.
 */
import type { TextLine } from '../clean.ts';
import { drop, keep } from '../ledger.ts';
import { headingLine, itemLine, numbered } from '../lines.ts';
import { fromSuperscript } from '../numerals.ts';
import { appendLine, type BodyState } from './state.ts';

const NOTE_RULE = /^[_＿]{5,}$/;
const BARE_NOTE = /^(\d{1,3})\s+(\S.*)$/;
const SUP_NOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/;
const STAR_NOTE = /^(\*{1,3})\s*(\S.*)$/;

/** The rule above the page-bottom notes: dropped (`note-rule`); the note block starts. */
export function noteRule(t: TextLine, state: BodyState): boolean {
  if (!NOTE_RULE.test(t.text)) return false;
  drop(state.ledger, t.no, t.text, 'note-rule');
  state.inNoteBlock = true;
  state.note = undefined;
  return true;
}

/** A note with a superscript mark (`¹ 文本`), wherever it stands. */
export function superscriptNote(t: TextLine, state: BodyState): boolean {
  const sup = SUP_NOTE.exec(t.text);
  if (!sup) return false;
  keep(state.ledger, t.no, t.text);
  state.notes.push({ line: t.no, mark: sup[1]!, n: fromSuperscript(sup[1]!), style: 'superscript', text: sup[2]! });
  state.note = undefined;
  return true;
}

/**
 * A line inside the page-bottom note block: a `*` note, a numbered note (`1 文本`, never a
 * backbone paragraph), or a wrapped line of the open note. Any other line ends the block and is
 * left to the body's constructs.
 */
export function noteBlock(t: TextLine, state: BodyState): boolean {
  if (!state.inNoteBlock) return false;
  const text = t.text;
  const star = STAR_NOTE.exec(text);
  const bare = BARE_NOTE.exec(text);
  if (star) {
    keep(state.ledger, t.no, text);
    state.starNotes.push(star[2]!);
    state.note = undefined;
    return true;
  }
  if (bare && !state.onChain.has(t) && !numbered(text)) {
    keep(state.ledger, t.no, text);
    state.note = { line: t.no, mark: bare[1]!, n: Number(bare[1]), style: 'bare', text: bare[2]! };
    state.notes.push(state.note);
    return true;
  }
  if (state.note && !startsBlock(t, state.onChain)) {
    appendLine(state, state.note, t);
    return true;
  }
  endNoteBlock(state);
  return false;
}

/**
 * A `*` note standing in the body without the rule above it (text copied from a web page, a bad
 * extraction): when the title carries note marks, a line `* 委员会第…届会议通过。` finishing a
 * sentence is the title's note, not the end of the paragraph before it.
 */
export function titleStarNote(t: TextLine, state: BodyState): boolean {
  if (!state.titleMarked || state.inNoteBlock) return false;
  const star = STAR_NOTE.exec(t.text);
  if (!star || !/[。.）)]$/.test(t.text)) return false;
  keep(state.ledger, t.no, t.text);
  state.starNotes.push(star[2]!);
  state.note = undefined;
  return true;
}

/** The note block ends (a page break, or a line that is no note). */
export function endNoteBlock(state: BodyState): void {
  state.inNoteBlock = false;
  state.note = undefined;
}

function startsBlock(t: TextLine, onChain: Set<TextLine>): boolean {
  return !!headingLine(t.text) || onChain.has(t) || !!numbered(t.text)?.spaced || !!itemLine(t.text);
}
