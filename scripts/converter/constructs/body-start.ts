/**
 * Where the body starts (docs/un-document-anatomy.md §0): at the first heading, contents page,
 * backbone paragraph or opener (`大会，`, `主席先生，`); the lines before it are the cover page
 * (constructs/cover.ts). A text with neither headings nor numbered paragraphs starts at its first
 * prose line.
 */
import { DELIBERATIVE_BODY_PATTERN } from '../../model/bodies.ts';
import type { TextLine } from '../clean.ts';
import { headingLine, looksLikeHeading } from '../lines.ts';
import { isContentsStart } from './contents.ts';

/** `主席先生，`, `尊敬的各位代表：`, `大会，` — a line that opens a speech or a resolution's preamble. */
export const OPENER = new RegExp(
  `^[“"]?(?:(?:尊敬的)?[\\u4e00-\\u9fff、]{1,20}(?:先生|女士|阁下|们|各位|主席)|各位[\\u4e00-\\u9fff]{1,10}|${DELIBERATIVE_BODY_PATTERN}|[\\u4e00-\\u9fff]{2,20}委员会)\\s*[，,：:]$`,
);
/** One salutation, as a part of a line that holds several (`各位阁下,各位朋友,`). */
const SALUTATION_PART = /^[“"]?(?:尊敬的)?(?:[\u4e00-\u9fff、]{1,20}(?:先生|女士|阁下|们|主席)|各位[\u4e00-\u9fff]{1,10})$/;

/** A line that opens a speech or a preamble: one salutation (OPENER), or several in a row, each closed by a comma. */
export function isOpener(text: string): boolean {
  if (OPENER.test(text)) return true;
  if (!/[，,：:]$/.test(text)) return false;
  const parts = text.slice(0, -1).split(/[，,]/);
  return parts.length > 1 && parts.every((p) => SALUTATION_PART.test(p.trim()));
}
/** Prose: a line long enough, or ending a sentence, that no cover field is. */
const PROSE_MIN = 30;

/** Where the body begins: index into `lines`, or -1 when the text has no recognisable body start. */
export function bodyStart(lines: TextLine[], chain: Set<number>): number {
  let firstPara = Infinity;
  for (const i of chain) firstPara = Math.min(firstPara, i);
  for (let i = 0; i < lines.length && i < firstPara; i++) {
    const text = lines[i]!.text;
    if (isContentsStart(text) || isOpener(text)) return i;
    const h = headingLine(text);
    if (h && (h.rest === '' || looksLikeHeading(h.rest))) return i;
  }
  if (firstPara !== Infinity) return firstPara;
  // No numbered paragraphs and no headings: the body is the first run of prose.
  return lines.findIndex(
    (l) => !l.text.startsWith('*') && ((l.text.length >= 8 && /[。！？]$/.test(l.text)) || (l.text.length >= PROSE_MIN && /[。！？]/.test(l.text))),
  );
}
