/**
 * Build-time figures for the site: every report's charts (with the maintainer's renames and
 * hides from `seeds/figures.json`), its key figures, and the cross-report series. Runs the
 * provenance check once per corpus: a chart or series whose number no longer appears in the
 * paragraph it cites stops the build with a message naming it and the paragraph.
 */
import { keyFigureLabel, reportPlaces } from '../../scripts/model/places.ts';
import type { Chart, FigureValue, Report } from '../../scripts/model/schema.ts';
import { applyChartConfig, figuresFileOf, type FiguresConfig } from '../../scripts/model/figures-config.ts';
import { contentDir } from './content-dir.ts';
import { buildSeries, checkProvenance, headlineValues, reportYear, type Series } from './series.ts';

/**
 * What the figures pages and a report's figures downloads show of the report: not the model,
 * whose text they do not need (the lists part of a split render holds one for every report of
 * the corpus: 10 000 models would be gigabytes).
 */
export interface FigureReport {
  slug: string;
  meta: Report['meta'];
  figures: Report['figures'];
  /** How a reader names each place the report's numbers and charts come from (`第 8 段`), by block anchor: {@link placeLabel}. */
  places: Record<string, string>;
}

/** The figures-page view of `report`, with the places of every block its numbers and `charts` cite. */
export function figureReport(report: Report, charts: readonly Chart[]): FigureReport {
  const blocks = new Set([
    ...(report.figures?.values ?? []).map((v) => v.block),
    ...charts.flatMap((c) => [...(c.total ? [c.total] : []), ...c.items].map((i) => i.block)),
  ]);
  const places: Record<string, string> = {};
  for (const block of [...blocks].sort()) places[block] = placeLabel(report, block);
  return { slug: report.slug, meta: report.meta, figures: report.figures, places };
}

export interface ReportFigures {
  report: FigureReport;
  charts: Chart[];
  headline: FigureValue[];
}

export interface SiteFigures {
  reports: ReportFigures[];
  series: Series[];
}

/**
 * The maintainer's file of chart renames, hides and series: in the seeds folder beside the
 * content folder (`CONTENT_DIR`, as the search records read it), so a test build reads its own.
 */
export const FIGURES_CONFIG = figuresFileOf(contentDir);

/**
 * Everything the report pages, the figures page and the downloads need, from the reports and
 * the maintainer's file. Pure; throws when a number no longer matches its paragraph.
 */
export function siteFiguresOf(reports: readonly Report[], config: FiguresConfig, file = 'seeds/figures.json'): SiteFigures {
  const charts = applyChartConfig(reports, config, file);
  const series = buildSeries(reports, config);
  const problems = checkProvenance(
    reports,
    [...charts].flatMap(([report, list]) => list.map((chart) => ({ report, chart }))),
    series,
  );
  if (problems.length) {
    throw new Error(
      `figures: ${problems.length} number(s) no longer match their paragraph; fix the seed, content/ or seeds/figures.json:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`,
    );
  }
  const byYear = [...reports].sort((a, b) => (reportYear(b) ?? 0) - (reportYear(a) ?? 0) || a.slug.localeCompare(b.slug));
  return {
    reports: byYear.map((report) => ({
      report: figureReport(report, charts.get(report.slug) ?? []),
      charts: charts.get(report.slug) ?? [],
      headline: named(headlineValues(report), charts.get(report.slug) ?? []),
    })),
    series,
  };
}

/** A headline number without a counted noun (`3.99亿美元`) is named by the chart it totals. */
function named(values: FigureValue[], charts: Chart[]): FigureValue[] {
  return values.map((v) => {
    if (v.noun) return v;
    const chart = charts.find((c) => c.total?.block === v.block && c.total.printed === v.printed);
    return chart ? { ...v, noun: chart.title } : v;
  });
}

/** One report's figures; throws for a slug that is not in the corpus. */
export function reportFigures(figures: SiteFigures, slug: string): ReportFigures {
  const found = figures.reports.find((r) => r.report.slug === slug);
  if (!found) throw new Error(`no report ${slug}`);
  return found;
}

/** How a reader names the place a number comes from: `第 8 段`, `第 27 段 (c)`, `关键数字 1`. */
export function placeLabel(report: Report | FigureReport, block: string): string {
  if ('places' in report) return Object.hasOwn(report.places, block) ? report.places[block]! : block;
  if (report.blocks.some((b) => b.type === 'figure' && b.id === block)) return keyFigureLabel(block);
  return reportPlaces(report).find((p) => p.anchor === block)?.place ?? block;
}

/** A short name for a report in chart labels: its symbol, else its title. */
export function reportName(report: Pick<Report, 'meta'>): string {
  return report.meta.symbol ?? report.meta.title;
}
