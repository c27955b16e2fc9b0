/**
 * The document pages (`docs/<symbol>.html`): one per document the reports cite, and one per
 * symbol of a report of this site (cited or not), so that every report's own symbol has a page
 * and search finds it. Each page says what is known of the document: its series, what it is,
 * its title and date where a report here or a citing sentence gives them, its official links in
 * Chinese and English, and where it is cited. Pure: data in, data out.
 */
import type { Report } from './schema.ts';
import { citedDocuments, type Citation, type CitedDocument } from './citations.ts';
import { describeDoc, docGroup, type DocDescription } from './docgroups.ts';

/** A fact about a document and where it comes from, as a reader is told (`A/74/36 全文`, `A/74/36，第 3 段`). */
export interface Sourced {
  text: string;
  from: string;
}

/** Everything a document page shows. */
export interface DocumentPage extends CitedDocument {
  /** The report of this site that is this document, when there is one. */
  report?: { slug: string; title: string; symbol: string };
  /** The series the symbol belongs to (`人权理事会决议`, `大会文件`). */
  series: string;
  description: DocDescription;
  title?: Sourced;
  date?: Sourced;
  /** The other ways the reports write the symbol (`48/141`), for search. */
  written: string[];
  /** The official United Nations links: undocs.org in Chinese and in English. */
  links: { zh: string; en: string };
}

/** The official document at undocs.org, in one of its languages. */
export const undocsUrl = (symbol: string, language: 'zh' | 'en'): string => `https://undocs.org/${language}/${symbol}`;

/** `2019-06-28` → `2019 年 6 月 28 日`. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

/** Where a citation is, as its page lists it: `A/74/36，第 3 段`. */
const citedAt = (c: Citation): string => `${c.report.symbol ?? c.report.title}，${c.place}`;

/** The first citation that gives a detail, with where it is. */
function fromCitations(citations: readonly Citation[], detail: 'title' | 'date'): Sourced | undefined {
  const c = citations.find((x) => x.details[detail]);
  return c ? { text: c.details[detail]!, from: citedAt(c) } : undefined;
}

/**
 * Every document page, in natural symbol order: the cited documents and the reports' own
 * symbols. A report here gives its document's title and cover date; otherwise the first citing
 * sentence that writes them does. `documents`: the reports' cited documents when the caller has
 * them already (the search index reads the reports one at a time and keeps only their citations).
 */
export function documentPages(reports: readonly Report[], documents: readonly CitedDocument[] = citedDocuments(reports)): DocumentPage[] {
  const cited = new Map(documents.map((d) => [d.symbol, d]));
  const own = new Map<string, Report>();
  for (const r of reports) for (const s of r.meta.symbol ? [r.meta.symbol, ...r.meta.symbols] : r.meta.symbols) if (!own.has(s)) own.set(s, r);
  const symbols = [...new Set([...cited.keys(), ...own.keys()])];
  const collator = new Intl.Collator('en', { numeric: true });
  return symbols
    .sort((a, b) => collator.compare(a, b))
    .map((symbol): DocumentPage => {
      const doc = cited.get(symbol) ?? { symbol, kind: 'document', citations: [] };
      const report = own.get(symbol);
      const title = report ? { text: report.meta.title, from: `${symbol} 全文` } : fromCitations(doc.citations, 'title');
      const date = report?.meta.date ? { text: chineseDate(report.meta.date), from: `${symbol} 封面` } : fromCitations(doc.citations, 'date');
      return {
        ...doc,
        ...(report ? { report: { slug: report.slug, title: report.meta.title, symbol } } : {}),
        series: docGroup(symbol, false).label,
        description: describeDoc(symbol),
        ...(title ? { title } : {}),
        ...(date ? { date } : {}),
        written: [...new Set(doc.citations.map((c) => c.written).filter((w) => w !== symbol))].sort(),
        links: { zh: undocsUrl(symbol, 'zh'), en: undocsUrl(symbol, 'en') },
      };
    });
}
