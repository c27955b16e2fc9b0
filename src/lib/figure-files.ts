/**
 * A report's figures as downloadable files: JSON (values and charts) and CSV (one row per value,
 * UTF-8 with a BOM so that Excel reads the Chinese, fields quoted as RFC 4180 says).
 */
import type { ReportFigures } from './figures.ts';

export function figuresJson(f: ReportFigures): string {
  const { report } = f;
  return `${JSON.stringify(
    {
      report: { slug: report.slug, symbol: report.meta.symbol ?? null, title: report.meta.title, year: report.meta.year ?? null, period: report.meta.period ?? null },
      values: report.figures?.values ?? [],
      charts: f.charts,
    },
    null,
    2,
  )}\n`;
}

const COLUMNS = ['id', 'block', 'value', 'printed', 'unit', 'noun', 'approx', 'sentence'] as const;

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function figuresCsv(f: ReportFigures): string {
  const rows = (f.report.figures?.values ?? []).map((v) => COLUMNS.map((c) => csvField(v[c])).join(','));
  return `\uFEFF${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
