/**
 * The corpus as the site sees it: every report model, the maintainer's figures file and the
 * recorded versions, plus what can only be computed from all reports at once (cross-links,
 * which symbols are reports here, charts and series). Built once per build by `loadCorpus()`
 * (src/lib/data.ts); every report page's data (src/lib/page-data.ts) is cut from it.
 */
import type { History } from '../../scripts/model/changes.ts';
import type { Report } from '../../scripts/model/schema.ts';
import type { FiguresConfig } from '../../scripts/model/figures-config.ts';
import { buildCrossLinks, type CrossLinks } from './crosslinks.ts';
import { siteFiguresOf, type SiteFigures } from './figures.ts';
import { docPath, reportPath } from '../../scripts/model/urls.ts';

export interface Corpus {
  /** Every report model by slug, in slug order (none in the lists part of a split render, which lets the models go once the lists are made: src/lib/data.ts). */
  reports: ReadonlyMap<string, Report>;
  /** The recorded earlier versions of the reports that have them (content/changes/). */
  histories: ReadonlyMap<string, History>;
  /** Symbol → slug of every report that has a symbol. */
  symbols: ReadonlyMap<string, string>;
  links: CrossLinks;
  figures: SiteFigures;
}

export interface CorpusInput {
  /** The models, in any order. */
  reports: readonly Report[];
  figuresConfig: FiguresConfig;
  /** Named in errors about the figures file. */
  figuresFile?: string;
  histories?: ReadonlyMap<string, History>;
}

/** The corpus of the given models. Pure; throws when a chart's number no longer matches its paragraph. */
export function buildCorpus({ reports, figuresConfig, figuresFile, histories = new Map() }: CorpusInput): Corpus {
  const sorted = [...reports].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const symbols = new Map<string, string>();
  for (const report of sorted) if (report.meta.symbol) symbols.set(report.meta.symbol, report.slug);
  return {
    reports: new Map(sorted.map((r) => [r.slug, r])),
    histories,
    symbols,
    links: buildCrossLinks(sorted),
    figures: siteFiguresOf(sorted, figuresConfig, figuresFile),
  };
}

/**
 * Where a citation of `symbol` leads (a site-root path): the report page, at `anchor` when the
 * citation names a paragraph, if the symbol is a report here (`reports`: symbol → slug, the
 * corpus's or a page's `citationTargets`); otherwise the document page, or nothing for a
 * paragraph of a document that is not here (its paragraphs have no page).
 */
export function citationTarget(
  symbol: string,
  anchor: string | undefined,
  reports: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): string | undefined {
  const slug =
    reports instanceof Map ? reports.get(symbol) : Object.hasOwn(reports, symbol) ? (reports as Readonly<Record<string, string>>)[symbol] : undefined;
  if (slug) return anchor ? `${reportPath(slug)}#${anchor}` : reportPath(slug);
  return anchor ? undefined : docPath(symbol);
}
