/**
 * A resolution's preamble and closing lines (docs/un-document-anatomy.md §8.3): the preamble opens
 * with its body (`大会，`) and each preambular paragraph then ends with `，` (or `；`, `。`) until
 * the first numbered paragraph; the closing lines (`2023年12月19日` / `第50次全体会议`) after a
 * numbered paragraph that ends a sentence are one unnumbered paragraph. The rules are read by
 * constructs/paragraphs.ts, which opens and joins the paragraphs.
 */
import { DELIBERATIVE_BODY_PATTERN } from '../../model/bodies.ts';
import type { TextLine } from '../clean.ts';
import type { DraftBlock, DraftParagraph } from '../draft.ts';
import { endsSentence } from '../lines.ts';

/** A resolution's preamble opens with its body (`大会，`); each preambular paragraph then ends with `，`. */
const PREAMBLE_OPENER = new RegExp(`^(?:${DELIBERATIVE_BODY_PATTERN}|[\\u4e00-\\u9fff、]{2,24}委员会)\\s*[，,]$`);
/** The closing lines of a resolution: `2023年12月19日` / `第50次全体会议`. */
const CLOSING = /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?第\s*\d+\s*次(?:全体)?会议$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/** Whether the text is in a preamble once `paragraph` opens: until a numbered paragraph, from an opener on. */
export function preambleAfter(wasPreamble: boolean, paragraph: DraftParagraph): boolean {
  return paragraph.n === undefined && (wasPreamble || PREAMBLE_OPENER.test(paragraph.text));
}

/** In a preamble, a line that ends in `，`, `；` or `。` ends a preambular paragraph. */
export function endsPreambularParagraph(preamble: boolean, previous: string): boolean {
  return preamble && /[，,；;。]$/.test(previous);
}

/** A closing line of a resolution, after a numbered paragraph that ended a sentence. */
export function isClosingLine(text: string, body: DraftBlock | undefined, previous: TextLine | undefined): boolean {
  return CLOSING.test(text) && body?.type === 'paragraph' && body.n !== undefined && !!previous && endsSentence(previous.text);
}
