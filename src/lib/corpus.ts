/**
 * Which cited symbols are reports of this corpus, so a citation such as `A/HRC/40/3，第 7-16 段`
 * can lead to the report page and its paragraph instead of the document page.
 */
import { corpusKey, loadReport, reportSlugs } from './data.ts';
import { docPath, reportPath } from './urls.ts';

let cached: { key: string; bySymbol: Map<string, string> } | undefined;

/** Symbol → slug of every report in the content folder. */
export function corpusSymbols(): Map<string, string> {
  const key = corpusKey();
  if (cached?.key !== key) {
    const bySymbol = new Map<string, string>();
    for (const report of reportSlugs().map(loadReport)) if (report.meta.symbol) bySymbol.set(report.meta.symbol, report.slug);
    cached = { key, bySymbol };
  }
  return cached.bySymbol;
}

/**
 * Where a citation of `symbol` leads (a site-root path): the report page, at `anchor` when the
 * citation names a paragraph, if the symbol is a report here; otherwise the document page, or
 * nothing for a paragraph of a document that is not here (its paragraphs have no page).
 */
export function citationTarget(symbol: string, anchor: string | undefined, corpus: ReadonlyMap<string, string>): string | undefined {
  const slug = corpus.get(symbol);
  if (slug) return anchor ? `${reportPath(slug)}#${anchor}` : reportPath(slug);
  return anchor ? undefined : docPath(symbol);
}
