/**
 * The figures pages. A small corpus has one, `figures.html`: the cross-report series, then each
 * report's section (`#r-<slug>`). Past `PAGE_SIZES.figureReports` reports (or a series longer
 * than `PAGE_SIZES.seriesPoints` points) it becomes an index: `figures.html` lists every series
 * (each on its own page, `figures/series/<id>.html`, continued on `…/<id>/2.html`) and holds the
 * first reports' sections, the next ones on `figures/2.html` …. Report pages link to wherever
 * their section and their series are ({@link FiguresLayout.reportHref}).
 */
import type { ReportFigures, SiteFigures } from './figures.ts';
import { paginate, paginateWeighted, type Page, type PageSizes } from './paging.ts';
import type { Series, SeriesPoint } from './series.ts';

/** One page to render: report sections, or one series' points. */
export type FiguresView =
  | {
      kind: 'reports';
      page: Page<ReportFigures>;
      /** All series drawn on this page (one page only), or listed as links to their pages (split). */
      series: { series: Series; path: string | undefined }[];
      split: boolean;
    }
  | { kind: 'series'; page: Page<SeriesPoint>; series: Series };

export interface FiguresLayout {
  /** Every page, `figures.html` first. */
  views: FiguresView[];
  /** Site-root path, with fragment, of a report's figures section. */
  reportHref(slug: string): string;
  /** Site-root path, with fragment, of a series' chart. */
  seriesHref(id: string): string;
}

export const FIGURES_HOME = 'figures.html';

/**
 * The estimated HTML bytes of a report's section on a figures page: measured on built pages, a
 * chart with its source line and data table is about 2.4 KB, a headline number about 0.2 KB,
 * the heading and links about 0.5 KB (docs/scale.md).
 */
export function sectionBytes(r: ReportFigures): number {
  return 600 + 2500 * r.charts.length + 250 * r.headline.length;
}

/** The figures pages of a corpus's figures with these page sizes. Pure. */
export function figuresLayout(figures: SiteFigures, sizes: Pick<PageSizes, 'figureReports' | 'figureBytes' | 'seriesPoints'>): FiguresLayout {
  const limits = { maxItems: sizes.figureReports, maxWeight: sizes.figureBytes, weightOf: sectionBytes };
  const paged = paginateWeighted(figures.reports, limits, FIGURES_HOME, (n) => `figures/${n}.html`);
  const split = paged.length > 1 || figures.series.some((s) => s.points.length > sizes.seriesPoints);
  const reportPages = split ? paged : paginate(figures.reports, Math.max(1, figures.reports.length), FIGURES_HOME);
  const seriesPages = split
    ? figures.series.map((series) => ({ series, pages: paginate(series.points, sizes.seriesPoints, `figures/series/${series.id}.html`) }))
    : [];
  const pageOfReport = new Map<string, string>();
  for (const page of reportPages) for (const r of page.items) pageOfReport.set(r.report.slug, page.path);
  const seriesPath = new Map(seriesPages.map((s) => [s.series.id, s.pages[0]!.path]));
  const listed = figures.series.map((series) => ({ series, path: seriesPath.get(series.id) }));
  return {
    views: [
      ...reportPages.map((page) => ({ kind: 'reports' as const, page, series: page.number === 1 ? listed : [], split })),
      ...seriesPages.flatMap(({ series, pages }) => pages.map((page) => ({ kind: 'series' as const, page, series }))),
    ],
    reportHref: (slug) => `${pageOfReport.get(slug) ?? FIGURES_HOME}#r-${slug}`,
    seriesHref: (id) => `${seriesPath.get(id) ?? FIGURES_HOME}#series-${id}`,
  };
}

const memo = new WeakMap<SiteFigures, { key: string; layout: FiguresLayout }>();

/** {@link figuresLayout}, computed once per corpus's figures and page sizes (every report page asks for it). */
export function figuresLayoutOf(figures: SiteFigures, sizes: Pick<PageSizes, 'figureReports' | 'figureBytes' | 'seriesPoints'>): FiguresLayout {
  const key = `${sizes.figureReports}/${sizes.figureBytes}/${sizes.seriesPoints}`;
  const hit = memo.get(figures);
  if (hit?.key === key) return hit.layout;
  const layout = figuresLayout(figures, sizes);
  memo.set(figures, { key, layout });
  return layout;
}
