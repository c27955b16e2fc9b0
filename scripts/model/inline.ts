/**
 * Plain text of the report model's inline content, for previews, excerpts and tests.
 */
import type { Inline, Report } from './schema.ts';

/** The text a reader sees for one inline run; a footnote reference shows its number. */
export function inlineRunText(run: Inline): string {
  switch (run.type) {
    case 'text':
      return run.value;
    case 'noteRef':
      return String(run.n);
    case 'doc':
    case 'link':
    case 'paraRef':
    case 'country':
      return run.text;
  }
}

/** The text of a run of inlines, footnote marks left out (they would glue digits to words). */
export { plainText as inlineText } from './plain.ts';

/** Every inline run of a report: headings, paragraphs, list items and notes, in reading order. */
export function reportInlines(report: Report): Inline[] {
  const out: Inline[] = [];
  for (const b of report.blocks) {
    if (b.type === 'list') for (const item of b.items) out.push(...item.content);
    else if (b.type !== 'figure') out.push(...b.content);
  }
  for (const n of report.notes) out.push(...n.content);
  return out;
}
