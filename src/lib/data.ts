/**
 * Build-time access to what the converter writes to `content/`: the report models
 * `data/<slug>.json`, validated by scripts/model/load.ts, and the recorded
 * versions `changes/<slug>.json`. Pages read content only through this module, and its
 * `loadCorpus()` (models, histories and `seeds/figures.json`) is the one corpus-level cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { History } from '../../scripts/model/changes.ts';
import { modelFile, modelSlugs, readHistory, readModelFile } from '../../scripts/model/load.ts';
import type { Frontmatter, Report } from '../../scripts/model/schema.ts';
import { frontmatterOf } from '../../scripts/model/frontmatter.ts';
import { symbolSlug } from '../../scripts/model/urls.ts';
import { documentPages, type DocumentPage } from '../../scripts/model/docpages.ts';
import { countryMentions, principalCountries, type CountryMentions } from './countries.ts';
import { buildCorpus, type Corpus } from './corpus.ts';
import { loadFiguresConfig } from '../../scripts/model/figures-config.ts';
import { FIGURES_CONFIG } from './figures.ts';
import { contentDir } from './content-dir.ts';
import { reportPageData, type ReportPageData } from './page-data.ts';
import { withKey } from './pagekey.ts';
import { sitePart } from './site-part.ts';
import { partIndexDir, readPartIndex, writePartIndex } from './part-index.ts';

const DATA_DIR = join(contentDir, 'data');
/** Models by slug, with the file's mtime: `npm run dev` reconverts seeds while the server runs. */
const cache = new Map<string, { mtimeMs: number; report: Report }>();

/** The slugs of every report model in the content folder, sorted. */
export function reportSlugs(): string[] {
  if (!existsSync(DATA_DIR)) throw new Error(`cannot read the report models: ${DATA_DIR} is missing (run \`npm run convert\`)`);
  return modelSlugs(contentDir);
}

/** Only the dev server sees content change while it runs; a build reads it once. */
const LIVE = process.env.NODE_ENV === 'development';

/**
 * A key that changes whenever a report model is added, removed or rewritten, or the figures
 * file is edited: `npm run dev` must then rebuild the corpus. Constant outside the dev server,
 * so a build of 1000 reports does not stat them per page.
 */
function corpusKey(): string {
  if (!LIVE) return '';
  const mtime = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return [...reportSlugs().map((slug) => `${slug}@${mtime(join(DATA_DIR, `${slug}.json`))}`), `figures@${mtime(FIGURES_CONFIG)}`].join('|');
}

/** The validated model of one report; throws with the file name if it is missing or invalid. */
export function loadReport(slug: string): Report {
  const file = modelFile(contentDir, slug);
  const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const cached = cache.get(slug);
  if (cached && cached.mtimeMs === mtimeMs) return cached.report;
  const { text, report: model } = readModelFile(file);
  // Page keys (src/lib/pagekey.ts) hash the model's file text, read here anyway, not the model.
  const report = withKey(model, createHash('sha256').update(text).digest('hex'));
  cache.set(slug, { mtimeMs, report });
  return report;
}

/**
 * The frontmatter of every report, in slug order, from the models: what the pages that list the
 * corpus show of each report. They read it here, not from the content collection, which in a
 * split render holds only the part's reports (src/lib/site-part.ts).
 */
export function reportMetas(): Frontmatter[] {
  return current().lists.metas;
}

/**
 * What the pages that list the corpus show of its reports, made from the models in the one pass
 * that builds the corpus: the lists part of a split render then lets the models go (10 000 of
 * them are gigabytes) and renders its thousands of pages from these.
 */
export interface CorpusLists {
  /** Every report's frontmatter, in slug order. */
  metas: Frontmatter[];
  /** The countries each report names most, by slug (the catalogue's country filter). */
  principal: ReadonlyMap<string, string[]>;
  /** Every country named, with its mentions (the country pages). */
  countries: CountryMentions[];
  /** Every document page (the documents cited and the reports' own symbols). */
  documents: DocumentPage[];
}

/** The corpus's lists (see {@link CorpusLists}), made once per corpus. */
export function loadCorpusLists(): CorpusLists {
  return current().lists;
}

function corpusLists(reports: readonly Report[]): CorpusLists {
  return {
    metas: reports.map(frontmatterOf),
    principal: new Map(reports.map((r) => [r.slug, principalCountries(r)])),
    countries: countryMentions(reports),
    documents: checkedDocumentPages(reports),
  };
}

/**
 * Every document page of the given reports: the documents they cite and their own symbols
 * (src/lib/docpages.ts). Throws if two symbols would share a page file name, so no document
 * page silently overwrites another.
 */
function checkedDocumentPages(reports: readonly Report[]): DocumentPage[] {
  const docs = documentPages(reports);
  const seen = new Map<string, string>();
  for (const doc of docs) {
    const slug = symbolSlug(doc.symbol);
    const other = seen.get(slug);
    if (other !== undefined) throw new Error(`symbols ${other} and ${doc.symbol} share the page name ${slug}`);
    seen.set(slug, doc.symbol);
  }
  return docs;
}

/** The history of one report, or undefined when it has only ever had one version. */
export function loadHistory(slug: string): History | undefined {
  return readHistory(contentDir, slug);
}

let corpus: { key: string; corpus: Corpus; lists: CorpusLists; pages: Map<string, ReportPageData> } | undefined;

function current(): NonNullable<typeof corpus> {
  const key = corpusKey();
  if (corpus?.key !== key) {
    // Its memory must be bounded by its part: whatever it needs of the other reports is in the corpus index.
    if (sitePart.kind === 'reports')
      throw new Error(`part ${sitePart.name} of the split render asked for the whole corpus: read it from the corpus index (src/lib/part-index.ts)`);
    const slugs = reportSlugs();
    const histories = new Map<string, History>();
    for (const slug of slugs) {
      const history = loadHistory(slug);
      if (history) histories.set(slug, history);
    }
    const reports = slugs.map(loadReport);
    const built = buildCorpus({ reports, figuresConfig: loadFiguresConfig(FIGURES_CONFIG), figuresFile: FIGURES_CONFIG, histories });
    const lists = corpusLists(reports);
    if (sitePart.kind === 'lists') {
      // The lists part of a split render writes what the report parts need of the corpus
      // (part-index.ts), then renders only from the corpus's links, figures and lists: the models
      // can go (a report's charts keep theirs).
      if (partIndexDir) writePartIndex(partIndexDir, built);
      cache.clear();
      corpus = { key, corpus: { ...built, reports: new Map() }, lists, pages: new Map() };
    } else corpus = { key, corpus: built, lists, pages: new Map() };
  }
  return corpus;
}

/**
 * The corpus of the content folder (src/lib/corpus.ts), built once per build (and again in
 * `npm run dev` when a model or the figures file changes).
 */
export function loadCorpus(): Corpus {
  return current().corpus;
}

/**
 * Everything the report page of `slug` shows (src/lib/page-data.ts), computed once per corpus:
 * `getStaticPaths` hashes it into the page's cache key and the page renders it.
 */
export function loadReportPage(slug: string): ReportPageData {
  // A reports part of a split render reads its reports' entries of the corpus index, never the corpus.
  if (sitePart.kind === 'reports') return { ...indexEntry(slug).page, model: loadReport(slug) };
  const { corpus, pages } = current();
  let page = pages.get(slug);
  if (!page) {
    page = reportPageData(corpus, slug);
    pages.set(slug, page);
  }
  return page;
}

function indexEntry(slug: string) {
  if (!partIndexDir) throw new Error(`SITE_PART is set but SITE_PART_INDEX is not: a reports part reads the corpus index the lists part writes`);
  return readPartIndex(partIndexDir, slug);
}
