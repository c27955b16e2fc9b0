/**
 * A report's figures as downloadable files: JSON (values and charts) and CSV (one row per value,
 * UTF-8 with a BOM so that Excel reads the Chinese, fields quoted as RFC 4180 says).
 */
import type { ReportFigures } from './figures.ts';

export function figuresJson(f: ReportFigures): string {
  const { report } = f;
  return `${JSON.stringify(
    {
      report: {
        slug: report.slug,
        symbol: report.meta.symbol ?? null,
        title: report.meta.title,
        year: report.meta.year ?? null,
        period: report.meta.period ?? null,
      },
      sentences: report.figures?.sentences ?? [],
      // The published format: a value's offset in its sentence (`at`) is the site's, not the download's.
      values: (report.figures?.values ?? []).map(({ at: _at, ...value }) => value),
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

/** Characters of context a CSV row keeps on each side of its number. */
const CONTEXT = 40;

/**
 * The sentence around a printed number, cut to `CONTEXT` characters each side with `…`: a
 * row quotes its context, not the whole sentence, so the file stays a small multiple of the
 * text however many numbers one sentence holds.
 */
export function excerpt(sentence: string, printed: string): string {
  if (sentence.length <= 2 * CONTEXT + printed.length) return sentence;
  const at = Math.max(0, sentence.indexOf(printed));
  const from = Math.max(0, at - CONTEXT);
  const to = Math.min(sentence.length, at + printed.length + CONTEXT);
  return `${from > 0 ? '…' : ''}${sentence.slice(from, to)}${to < sentence.length ? '…' : ''}`;
}

export function figuresCsv(f: ReportFigures): string {
  const sentences = f.report.figures?.sentences ?? [];
  const rows = (f.report.figures?.values ?? []).map((v) =>
    COLUMNS.map((c) => csvField(c === 'sentence' ? excerpt(sentences[v.sentence] ?? '', v.printed) : v[c])).join(','),
  );
  return `\uFEFF${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
