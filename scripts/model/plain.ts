/**
 * The plain text of a run of inlines as a reader sees it, footnote marks left out (they would
 * glue digits to words). One definition for the converter, the figures, search and the site.
 */
import type { Inline } from './schema.ts';

export function plainText(content: readonly Inline[]): string {
  return content.map((c) => (c.type === 'text' ? c.value : c.type === 'noteRef' ? '' : c.text)).join('');
}
