/**
 * Step 6a — paragraph citations: the paragraph part printed after a document symbol
 * (`A/HRC/40/3，第 7-16 段`, `大会第 75/233 号决议，第 18 段`, `A/HRC/46/24, 第7-16和第82-83段`)
 * becomes `paraRef` nodes, one per number or range, each naming the paragraph it starts at
 * (`p-7`, `p-82`, `p-27-a` for `第 27(a)段`). The printed text is kept exactly; only the run
 * that held it is split. Pages link a paraRef to that paragraph when the cited document is a
 * report of this corpus.
 */
import type { Inline } from '../model/schema.ts';
import { itemAnchor, paragraphAnchor as anchorOfNumber } from '../model/places.ts';

/** A paragraph number, with its letter: `12`, `27(a)`, `27 (a)`. */
const NUM = /\d{1,4}(?:\s*\([a-z]\))?(?!\d)/y;
/** The dash of a range: `7-16`, `7至16`. */
const DASH = /\s*[-–—~至到]\s*(?:第\s*)?/y;
/** What joins two paragraphs or ranges: `和`, `及`, `以及`, `、`, commas. */
const JOIN = /\s*(?:和|及|以及|、|,|，)\s*(?:第\s*)?/y;
/** What may stand between the symbol and the paragraph part: `，`, `号决议，`. */
const LEAD = /\s*(?:号决议|号)?\s*[,，]\s*/y;
/** What starts an ibid note that cites paragraphs: `同上，`. */
const IBID_LEAD = /同上\s*[,，]\s*/y;
/** One printed number or range in a paragraph part, the first number captured. */
const PART = /(?:第\s*)?(\d{1,4}(?:\s*\([a-z]\))?)(?:\s*[-–—~至到]\s*(?:第\s*)?\d{1,4}(?:\s*\([a-z]\))?)?/g;

/** Does sticky `pattern` match `text` at `at`? The end of the match, or -1. */
function stick(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/**
 * The paragraph part at the start of `text`, after `lead`: `第` range (join range)* `段`, read
 * forward once (each piece is a pattern without nested repetition, so time is linear).
 * The lead and the paragraph part, as printed, or null.
 */
function leadingParagraphs(text: string, lead: RegExp): { lead: string; paragraphs: string } | null {
  const from = stick(lead, text, 0);
  if (from === -1 || text[from] !== '第') return null;
  let at = skipSpace(text, from + 1);
  for (;;) {
    at = stick(NUM, text, at);
    if (at === -1) return null;
    const dash = stick(DASH, text, at);
    if (dash !== -1) {
      const end = stick(NUM, text, dash);
      if (end !== -1) at = end;
    }
    const join = stick(JOIN, text, at);
    if (join === -1 || stick(NUM, text, join) === -1) break;
    at = join;
  }
  at = skipSpace(text, at);
  if (text[at] !== '段') return null;
  return { lead: text.slice(0, from), paragraphs: text.slice(from, at + 1) };
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at += 1;
  return at;
}

/** The anchor of a printed paragraph number: `12` → `p-12`, `27(a)` → `p-27-a`. */
export function paragraphAnchor(printed: string): string {
  const m = /^(\d+)\s*(?:\(([a-z])\))?$/.exec(printed.trim());
  if (!m) throw new Error(`not a paragraph number: ${printed}`);
  return m[2] ? itemAnchor(anchorOfNumber(Number(m[1])), m[2]) : anchorOfNumber(Number(m[1]));
}

/**
 * Split a printed paragraph part (`第7-16和第82-83段`) into the pieces that link to a
 * paragraph and the joining text between them, in order; the pieces join back to `printed`.
 */
export function splitParagraphs(printed: string): ({ text: string; anchor: string } | string)[] {
  const out: ({ text: string; anchor: string } | string)[] = [];
  let at = 0;
  const parts = [...printed.matchAll(PART)];
  parts.forEach((m, i) => {
    if (m.index > at) out.push(printed.slice(at, m.index));
    // The last piece keeps the closing 段, so `第 12 段` is one link.
    const end = i === parts.length - 1 ? printed.length : m.index + m[0].length;
    out.push({ text: printed.slice(m.index, end), anchor: paragraphAnchor(m[1]!) });
    at = end;
  });
  if (at < printed.length) out.push(printed.slice(at));
  return out;
}

/**
 * Turn the paragraph part after each document symbol into `paraRef` nodes. `ibid` is the symbol
 * an ibid note (`同上，第 28 段`) repeats, for the paragraphs at its start.
 */
export function markParagraphCitations(content: Inline[], ibid?: string): Inline[] {
  const out: Inline[] = [];
  content.forEach((run, i) => {
    if (run.type !== 'text') {
      out.push(run);
      return;
    }
    const before = content[i - 1];
    const symbol = before?.type === 'doc' ? before.symbol : i === 0 ? ibid : undefined;
    const m = symbol === undefined ? null : leadingParagraphs(run.value, before?.type === 'doc' ? LEAD : IBID_LEAD);
    if (!m || symbol === undefined) {
      out.push(run);
      return;
    }
    if (m.lead) out.push({ type: 'text', value: m.lead });
    for (const piece of splitParagraphs(m.paragraphs)) {
      out.push(typeof piece === 'string' ? { type: 'text', value: piece } : { type: 'paraRef', symbol, ...piece });
    }
    const rest = run.value.slice(m.lead.length + m.paragraphs.length);
    if (rest) out.push({ type: 'text', value: rest });
  });
  return out;
}
