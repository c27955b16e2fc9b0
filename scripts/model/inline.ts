/**
 * Plain text of the report model's inline content, for previews, excerpts and tests.
 */
import type { Inline } from './schema.ts';

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
