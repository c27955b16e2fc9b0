/**
 * The expectations of the browser tests, read from the report models of the pinned corpus
 * (`.test-build/content/data/*.json`, tests/pinned.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { built, contentDir } from '../pinned.ts';
import { reportSchema, type Report } from '../../scripts/model/schema.ts';
import { inlineText, reportInlines } from '../../scripts/model/inline.ts';

/** All inline runs of a report (scripts/model/inline.ts). */
export const allInlines = reportInlines;
import { citedDocuments } from '../../scripts/model/citations.ts';
import { docPath, reportPath } from '../../scripts/model/urls.ts';

const dir = join(built(contentDir), 'data');

/** Every report model, validated, in file-name order. */
export const reports: Report[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => reportSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));

if (reports.length === 0) throw new Error(`no report models in ${dir}: run \`npm run test:build\``);

export const documents = citedDocuments(reports);
export { docPath, inlineText, reportPath };

/** Whitespace as a reader sees it: runs collapsed, ends trimmed. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The first report that has a numbered paragraph 1, with that paragraph. */
export function firstParagraphOne() {
  for (const report of reports) {
    const p = report.blocks.find((b) => b.type === 'paragraph' && b.n === 1);
    if (p) return { report, id: p.id };
  }
  throw new Error('no report has a paragraph numbered 1');
}

/** The first footnote that has a reference in the text. */
export function firstReferencedNote() {
  for (const report of reports) {
    const note = report.notes.find((n) => n.refs.length > 0);
    if (note) return { report, note };
  }
  throw new Error('no report has a referenced footnote');
}

/** The first document symbol cited in a numbered paragraph. */
export function firstParagraphCitation() {
  for (const report of reports) {
    for (const b of report.blocks) {
      if (b.type !== 'paragraph' || b.n === undefined) continue;
      const doc = b.content.find((r) => r.type === 'doc');
      if (doc?.type === 'doc') return { report, paragraphId: b.id, symbol: doc.symbol };
    }
  }
  throw new Error('no numbered paragraph cites a document');
}
