/**
 * The plain text of the blocks figures are read from. One definition, shared by extraction and
 * by the provenance check, so "the number appears in its paragraph" means the same on both sides.
 */
import { plainText } from './plain.ts';
import type { Block } from './schema.ts';

/** A piece of report text with the anchor a reader lands on (paragraph, list item, key figure). */
export interface Passage {
  id: string;
  /** Line of the passage in the seed, for diagnostics. */
  line: number;
  text: string;
}

/** Paragraphs, list items (each on its own) and key figures (value followed by caption). */
export function passages(blocks: Block[]): Passage[] {
  const out: Passage[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push({ id: b.id, line: b.line, text: plainText(b.content) });
    else if (b.type === 'list') for (const item of b.items) out.push({ id: item.id, line: item.line, text: plainText(item.content) });
    else if (b.type === 'figure') out.push({ id: b.id, line: b.line, text: `${b.value}${/^[\d.]/.test(b.caption) ? '，' : ''}${b.caption}` });
  }
  return out;
}
