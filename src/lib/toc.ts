/**
 * The table of contents of a report, from the heading blocks of its model.
 */
import type { Block } from '../../scripts/model/schema.ts';
import { inlineText } from '../../scripts/model/inline.ts';

export interface TocEntry {
  id: string;
  level: number;
  label: string;
  text: string;
  children: TocEntry[];
}

/**
 * Nest the headings by level. A heading that skips a level (a section with no chapter
 * before it) is attached to the nearest shallower heading, or to the top.
 */
export function buildToc(blocks: readonly Block[]): TocEntry[] {
  const root: TocEntry[] = [];
  const stack: TocEntry[] = [];
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    const entry: TocEntry = {
      id: block.id,
      level: block.level,
      label: block.label,
      text: inlineText(block.content),
      children: [],
    };
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= entry.level) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.children : root).push(entry);
    stack.push(entry);
  }
  return root;
}
