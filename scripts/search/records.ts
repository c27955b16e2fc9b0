/**
 * The search records: one per block a reader can land on (heading, paragraph, list item,
 * footnote, key figure, chart) and one per cited document page, built from the report models.
 * The Pagefind index (hosted, and the same files offline) is made from these records. Page chrome (navigation, footer, contents) is
 * never part of a record.
 */
import type { Block, Inline, Report } from '../model/schema.ts';
import { searchText } from './text.ts';
import { plainText } from '../model/plain.ts';
import { applyChartConfig, figuresFileOf, loadFiguresConfig } from '../model/figures-config.ts';
import { modelFile, modelSlugs, readModelFile } from '../model/load.ts';
import { citedDocuments, type CitedDocument } from '../model/citations.ts';
import { documentPages } from '../model/docpages.ts';
import { itemLabel, noteLabel, paragraphLabel } from '../model/places.ts';
import { kindLabels, type RecordKind, type SearchRecord } from '../model/search-record.ts';
import { docPath, placeUrl, reportPath } from '../model/urls.ts';

/** Symbol keys of a block: linked documents (as written and as normalised) and symbols in the text. */
function keysOf(content: readonly Inline[], text: string): string[] {
  const symbols = searchText.symbolsIn(text);
  for (const r of content) if (r.type === 'doc') symbols.push(r.symbol, r.text);
  return [...new Set(symbols.map((s) => searchText.symbolKey(s)))].sort();
}

/** The filter value that names a report: its symbol, or its title when it has none. */
export const reportName = (report: Report): string => report.meta.symbol ?? report.meta.title;

/**
 * The report itself, landing on the top of its page: its symbols, title, author, body, session
 * and year. Its keys are its own symbols, so a search for one finds the report first.
 */
export function reportRecord(report: Report): SearchRecord {
  const { meta, slug } = report;
  const symbols = [...new Set([meta.symbol, ...meta.symbols].filter((s): s is string => Boolean(s)))];
  const text = [symbols.join(' '), meta.title, meta.author, meta.body, meta.session, meta.year].filter(Boolean).join(' · ').replace(/\s+/g, ' ').trim();
  return {
    url: reportPath(slug),
    slug,
    title: meta.title,
    symbol: meta.symbol ?? '',
    section: '',
    place: '',
    kind: 'report',
    text,
    keys: [...new Set([...symbols, ...searchText.symbolsIn(text)].map((s) => searchText.symbolKey(s)))].sort(),
    filters: {
      报告: reportName(report),
      年份: meta.year === undefined ? '' : String(meta.year),
      机构: meta.body ?? '',
      类型: kindLabels.report,
    },
  };
}

/** All records of one report, in page order (notes last, as on the page). */
export function reportRecords(report: Report): SearchRecord[] {
  const { meta, slug } = report;
  const base = {
    slug,
    title: meta.title,
    symbol: meta.symbol ?? '',
  };
  const filters = (kind: RecordKind) => ({
    报告: reportName(report),
    年份: meta.year === undefined ? '' : String(meta.year),
    机构: meta.body ?? '',
    类型: kindLabels[kind],
  });
  const out: SearchRecord[] = [];
  const add = (id: string, kind: RecordKind, section: string, place: string, text: string, content: readonly Inline[]) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return;
    out.push({ ...base, url: placeUrl(slug, id), section, place, kind, text: clean, keys: keysOf(content, clean), filters: filters(kind) });
  };
  const charts = report.figures?.charts ?? [];
  /** The charts drawn after a passage, as records of kind figure in the passage's section. */
  const chartsAfter = (block: string, place: string) => {
    for (const chart of charts.filter((c) => c.block === block)) {
      const items = chart.items.map((item) => `${item.label} ${item.printed}`).join('，');
      const total = chart.total ? `${chart.total.label} ${chart.total.printed}：` : '';
      add(chart.id, 'figure', section, place, `${chart.title}。${total}${items}`, []);
    }
  };
  let section = '';
  let lastN: number | undefined;
  for (const block of report.blocks as Block[]) {
    switch (block.type) {
      case 'heading': {
        section = [block.label, plainText(block.content)].filter(Boolean).join(' ');
        add(block.id, 'heading', section, '', section, block.content);
        break;
      }
      case 'paragraph':
        if (block.n !== undefined) lastN = block.n;
        // Text without a paragraph number shows no place in a result.
        // A pull-quote is found by who said it too.
        add(
          block.id,
          'paragraph',
          section,
          block.n === undefined ? '' : paragraphLabel(block.label ?? block.n),
          [plainText(block.content), block.by].filter(Boolean).join(' '),
          block.content,
        );
        chartsAfter(block.id, block.n === undefined ? '' : paragraphLabel(block.label ?? block.n));
        break;
      case 'list':
        for (const item of block.items) {
          const place = itemLabel(lastN, item.label);
          add(item.id, 'paragraph', section, place, `(${item.label}) ${plainText(item.content)}`, item.content);
          chartsAfter(item.id, place);
        }
        break;
      case 'figure':
        add(block.id, 'figure', section, '', `${block.value} ${block.caption}`, []);
        chartsAfter(block.id, '');
        break;
    }
  }
  for (const note of report.notes) add(note.id, 'note', '注释', noteLabel(note.n), plainText(note.content), note.content);
  return out;
}

/**
 * The report models in `content/data`, validated, in file-name order, with the charts the site
 * shows: the maintainer's renames and hides from `seeds/figures.json` beside `content/` applied.
 */
export function readReports(contentDir: string): Report[] {
  return [...eachReport(contentDir)];
}

/**
 * The same reports as `readReports`, one at a time: what needs one report at a time (the search
 * index of 10 000 reports) never holds them all.
 */
export function* eachReport(contentDir: string): Generator<Report> {
  const config = loadFiguresConfig(figuresFileOf(contentDir));
  for (const slug of modelSlugs(contentDir)) {
    const { report } = readModelFile(modelFile(contentDir, slug));
    // One report at a time: the figures file's entries about other reports are theirs to check.
    const charts = applyChartConfig([report], config);
    yield report.figures ? { ...report, figures: { ...report.figures, charts: charts.get(report.slug) ?? [] } } : report;
  }
}

/** The slug all document-page records share: they are indexed (and chunked) together. */
export const documentsSlug = 'docs';

/**
 * One record per document page (`docs/<symbol>.html`: a cited document or a report's own
 * symbol, src/lib/docpages.ts), so a search for its symbol finds that page. Its keys are the
 * symbol's and those of the other ways the reports write it (`48/141` for `A/RES/48/141`): the
 * citing reports named in its text do not make it a hit for them.
 */
export function documentRecords(reports: readonly Report[], cited: readonly CitedDocument[] = citedDocuments(reports)): SearchRecord[] {
  return documentPages(reports, cited).map((doc) => {
    const citing = [...new Set(doc.citations.map((c) => c.report.symbol ?? c.report.title))];
    const label = doc.kind === 'resolution' ? '决议' : '文件';
    const about = [doc.title?.text, doc.date?.text].filter(Boolean).join('，');
    return {
      url: docPath(doc.symbol),
      slug: documentsSlug,
      title: doc.symbol,
      symbol: doc.symbol,
      section: label,
      place: citing.length ? `${citing.length} 份报告引用 ${doc.citations.length} 处` : '本站收录的报告',
      kind: 'document',
      text: `${label} ${doc.symbol}${about ? `，${about}` : ''}${citing.length ? `，引用于：${citing.join('、')}` : ''}`,
      keys: [...new Set([doc.symbol, ...doc.written].map((s) => searchText.symbolKey(s)))].sort(),
      filters: { 报告: '', 年份: '', 机构: '', 类型: kindLabels.document },
    };
  });
}

/**
 * What the document pages' records need of a report, kept while the reports are read one at a
 * time: its meta (its own symbols, title and date) and its citations without their sentences.
 */
export interface ReportCitations {
  report: Report;
  cited: CitedDocument[];
}

/** A report reduced to what `documentRecordsOf` needs (no blocks, no notes, no charts). */
export function citationsOf(report: Report): ReportCitations {
  const { blocks: _blocks, notes: _notes, figures: _figures, ...rest } = report;
  return {
    report: { ...rest, blocks: [], notes: [] } as Report,
    cited: citedDocuments([report]).map((d) => ({ ...d, citations: d.citations.map((c) => ({ ...c, sentence: '' })) })),
  };
}

/** The document pages' records from reports reduced by `citationsOf`, in the order they were read. */
export function documentRecordsOf(all: readonly ReportCitations[]): SearchRecord[] {
  const bySymbol = new Map<string, CitedDocument>();
  for (const { cited } of all)
    for (const d of cited) {
      const doc = bySymbol.get(d.symbol);
      if (doc) doc.citations.push(...d.citations);
      else bySymbol.set(d.symbol, { ...d, citations: [...d.citations] });
    }
  const collator = new Intl.Collator('en', { numeric: true });
  const cited = [...bySymbol.values()].sort((a, b) => collator.compare(a.symbol, b.symbol));
  return documentRecords(
    all.map((r) => r.report),
    cited,
  );
}

/**
 * Every record: each report's blocks, then the pages of the documents they cite and of their
 * own symbols, then each report itself.
 */
export const allRecords = (reports: readonly Report[]): SearchRecord[] => [
  ...reports.flatMap(reportRecords),
  ...documentRecords(reports),
  ...reports.map(reportRecord),
];
