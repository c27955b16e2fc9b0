/**
 * The corpus index of a split render (docs/scale.md, src/lib/site-part.ts): what a report page
 * needs from the other reports — who cites it, related reports, same-topic sections, series,
 * where its figures are drawn — computed once, by the lists part, which builds the whole corpus
 * anyway, and written one file per report. A reports part then reads only its own reports'
 * entries and models: its memory and time are bounded by its part, not by the corpus.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.ts';
import { reportPageData, type ReportPageData } from './page-data.ts';

/** A report's entry: its page data without the model (the part reads the model itself). */
export interface PartIndexEntry {
  page: Omit<ReportPageData, 'model'>;
}

/** Where the index is: `SITE_PART_INDEX`, set by the build for every part of a split render. */
export const partIndexDir = process.env.SITE_PART_INDEX;

/** Writes every report's entry into `dir` (`<slug>.json`); each page's data is made, written and dropped, one at a time. */
export function writePartIndex(dir: string, corpus: Corpus): void {
  mkdirSync(dir, { recursive: true });
  for (const slug of corpus.reports.keys()) {
    const { model: _model, ...page } = reportPageData(corpus, slug);
    const entry: PartIndexEntry = { page };
    writeFileSync(join(dir, `${slug}.json`), JSON.stringify(entry));
  }
}

/** The entry of `slug`; throws naming the file when the lists part did not write it. */
export function readPartIndex(dir: string, slug: string): PartIndexEntry {
  const file = join(dir, `${slug}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PartIndexEntry;
  } catch (error) {
    throw new Error(`the corpus index entry ${file} cannot be read (the lists part of the split render writes it first): ${(error as Error).message}`);
  }
}
