/**
 * A report's figures as downloadable files: JSON (values and charts) and CSV (one row per value,
 * UTF-8 with a BOM so that Excel reads the Chinese, fields quoted as RFC 4180 says). Pure functions
 * of the model and its charts: the build writes them (scripts/model/data-files.ts), not Astro.
 */
import type { Chart, Report } from './schema.ts';

/** What a report's figures files are made of: its metadata and numbers, and its charts after `seeds/figures.json`. */
export interface FiguresDownload {
  report: Pick<Report, 'slug' | 'meta' | 'figures'>;
  charts: readonly Chart[];
}

/** `data/<slug>.figures.json`: the report named, every sentence and value, and the charts drawn from them. */
export function figuresJson(f: FiguresDownload): string {
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

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. A cell that
 * a spreadsheet would run as a formula — beginning with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, and not simply a number such as `-5` — gets a leading `'` and is quoted (OWASP's
 * CSV-injection rule): seed text such as `=HYPERLINK(…)` stays text when the file is opened.
 */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(?:\.\d+)?$/.test(text)) text = `'${text}`;
  return /^'|[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

/** `data/<slug>.figures.csv`: one row per value, with the words around it. */
export function figuresCsv(f: FiguresDownload): string {
  const sentences = f.report.figures?.sentences ?? [];
  const rows = (f.report.figures?.values ?? []).map((v) =>
    COLUMNS.map((c) => csvField(c === 'sentence' ? excerpt(sentences[v.sentence] ?? '', v.printed) : v[c])).join(','),
  );
  return `\uFEFF${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
