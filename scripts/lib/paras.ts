/**
 * Step 6a — paragraph citations: the paragraph part printed after a document symbol
 * (`A/HRC/40/3，第 7-16 段`, `大会第 75/233 号决议，第 18 段`, `A/HRC/46/24, 第7-16和第82-83段`)
 * becomes `paraRef` nodes, one per number or range, each naming the paragraph it starts at
 * (`p-7`, `p-82`, `p-27-a` for `第 27(a)段`). The printed text is kept exactly; only the run
 * that held it is split. Pages link a paraRef to that paragraph when the cited document is a
 * report of this corpus.
 */
import type { Inline } from './schema.ts';

const NUM = String.raw`\d{1,4}(?:\s*\([a-z]\))?`;
const RANGE = String.raw`${NUM}(?:\s*[-–—~至到]\s*(?:第\s*)?${NUM})?`;
const JOIN = String.raw`\s*(?:和|及|以及|、|,|，)\s*`;
/** What may stand between the symbol and the paragraph part. */
const LEAD = String.raw`^(\s*(?:号决议|号)?\s*[,，]\s*)`;
const PARAGRAPHS = `(第\\s*${RANGE}(?:${JOIN}(?:第\\s*)?${RANGE})*\\s*段)`;
const CITATION = new RegExp(`${LEAD}${PARAGRAPHS}`);
/** An ibid note (`同上，第 27(a)段`): the paragraphs belong to the document the note repeats. */
const IBID = new RegExp(`^(同上\\s*[,，]\\s*)${PARAGRAPHS}`);
const PART = new RegExp(`(?:第\\s*)?(${NUM})(?:\\s*[-–—~至到]\\s*(?:第\\s*)?${NUM})?`, 'g');

/** The anchor of a printed paragraph number: `12` → `p-12`, `27(a)` → `p-27-a`. */
export function paragraphAnchor(printed: string): string {
  const m = /^(\d+)\s*(?:\(([a-z])\))?$/.exec(printed.trim());
  if (!m) throw new Error(`not a paragraph number: ${printed}`);
  return m[2] ? `p-${Number(m[1])}-${m[2]}` : `p-${Number(m[1])}`;
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
    const m = symbol === undefined ? null : (before?.type === 'doc' ? CITATION : IBID).exec(run.value);
    if (!m || symbol === undefined) {
      out.push(run);
      return;
    }
    if (m[1]) out.push({ type: 'text', value: m[1] });
    for (const piece of splitParagraphs(m[2]!)) {
      out.push(typeof piece === 'string' ? { type: 'text', value: piece } : { type: 'paraRef', symbol, ...piece });
    }
    const rest = run.value.slice(m[0].length);
    if (rest) out.push({ type: 'text', value: rest });
  });
  return out;
}
