/**
 * Where each UN document is cited: the reverse index behind the document pages.
 */
import type { Inline, Report } from './schema.ts';
import { reportPlaces } from './places.ts';
import { inlineRunText } from './inline.ts';

/** One place in one report that cites a document. */
export interface Citation {
  symbol: string;
  kind: 'document' | 'resolution';
  report: { slug: string; title: string; symbol: string | undefined };
  /** Anchor id in the report page: a paragraph, list item, heading or footnote. */
  anchor: string;
  /** How a reader names the place: `第 12 段`, `第 12 段 (a)`, `注 3`. */
  place: string;
  /** The sentence around the citation, as plain text. */
  sentence: string;
}

/** Sentence ends in Chinese report text; a semicolon ends a clause of a list. */
const isSentenceEnd = (ch: string | undefined): boolean => ch === '。' || ch === '！' || ch === '？' || ch === '；';
const MAX_SENTENCE = 240;

/** Where the sentence holding `[start, end)` begins and ends (after its closing mark). */
export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !isSentenceEnd(text[from - 1])) from -= 1;
  let to = end;
  while (to < text.length && !isSentenceEnd(text[to])) to += 1;
  if (to < text.length) to += 1;
  return [from, to];
}

/**
 * The sentence of `text` that contains the span `[start, end)`, trimmed, shortened with an
 * ellipsis around the span when it is very long.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  const [from, to] = sentenceBounds(text, start, end);
  let sentence = text.slice(from, to).trim();
  if (sentence.length > MAX_SENTENCE) {
    const half = Math.floor((MAX_SENTENCE - (end - start)) / 2);
    const a = Math.max(from, start - Math.max(half, 0));
    const b = Math.min(to, end + Math.max(half, 0));
    sentence = `${a > from ? '…' : ''}${text.slice(a, b).trim()}${b < to ? '…' : ''}`;
  }
  return sentence;
}

/** Every document citation in a run of inlines, with its sentence. */
function citationsIn(content: readonly Inline[]): { symbol: string; kind: Citation['kind']; sentence: string }[] {
  let text = '';
  const spans: { symbol: string; kind: Citation['kind']; start: number; end: number }[] = [];
  for (const run of content) {
    if (run.type === 'noteRef') continue;
    const start = text.length;
    text += inlineRunText(run);
    if (run.type === 'doc') spans.push({ symbol: run.symbol, kind: run.kind, start, end: text.length });
  }
  return spans.map((s) => ({ symbol: s.symbol, kind: s.kind, sentence: sentenceAround(text, s.start, s.end) }));
}

/** All citations of one report, in reading order (body first, then footnotes). */
export function reportCitations(report: Report): Citation[] {
  const out: Citation[] = [];
  const about = { slug: report.slug, title: report.meta.title, symbol: report.meta.symbol };
  for (const { content, anchor, place } of reportPlaces(report)) {
    for (const c of citationsIn(content)) out.push({ ...c, report: about, anchor, place });
  }
  return out;
}

/** A cited document and every place that cites it. */
export interface CitedDocument {
  symbol: string;
  kind: Citation['kind'];
  citations: Citation[];
}

/**
 * Group the citations of all reports by symbol, symbols in natural order
 * (`A/HRC/40/3` before `A/HRC/40/10`).
 */
export function citedDocuments(reports: readonly Report[]): CitedDocument[] {
  const bySymbol = new Map<string, CitedDocument>();
  for (const report of reports) {
    for (const c of reportCitations(report)) {
      const doc = bySymbol.get(c.symbol) ?? { symbol: c.symbol, kind: c.kind, citations: [] };
      doc.citations.push(c);
      bySymbol.set(c.symbol, doc);
    }
  }
  const collator = new Intl.Collator('en', { numeric: true });
  return [...bySymbol.values()].sort((a, b) => collator.compare(a.symbol, b.symbol));
}
