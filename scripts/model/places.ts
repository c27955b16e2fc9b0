/**
 * Places in a report: the anchor a link lands on (`p-12`, `p-27-a`, `fn-3`) and the name a
 * reader cites it by (`第 12 段`, `第 27 段 (a)`, `注 3`). Written once here: the converter gives
 * blocks and notes their anchors with these functions, and the pages, the document and country
 * indexes, the charts' sources, the changes view and the search records name places with them.
 * A model's own `id` is what to link to (the converter adds a suffix to a repeated anchor,
 * `p-12-2`); the anchor functions say what an id is made of.
 */
import type { Inline, Report } from './schema.ts';

/** The anchor of paragraph `n`: `p-12`; a decimal number as printed (`2.1`, Views) → `p-2-1`. */
export const paragraphAnchor = (n: number | string): string => `p-${String(n).replace('.', '-')}`;

/** The anchor of item `label` under the block (or item) anchored `parent`: `p-27` + `a` → `p-27-a`. */
export const itemAnchor = (parent: string, label: string): string => `${parent}-${label}`;

/** The anchor of note `n`: `fn-3`. */
export const noteAnchor = (n: number): string => `fn-${n}`;

/** A paragraph as a reader cites it: `第 12 段`, `第 2.1 段` (a decimal number as printed); text without a number is `正文`. */
export const paragraphLabel = (n: number | string | undefined): string => (n === undefined ? '正文' : `第 ${n} 段`);

/**
 * A list item as a reader cites it: `第 12 段 (a)`, after the last numbered paragraph before it;
 * `(a)` alone where no numbered paragraph comes before it.
 */
export const itemLabel = (n: number | undefined, label: string): string => (n === undefined ? `(${label})` : `第 ${n} 段 (${label})`);

/** A note as a reader cites it: `注 3`. */
export const noteLabel = (n: number | string): string => `注 ${n}`;

/** The label of key figure `fig-2`: `关键数字 2`. */
export const keyFigureLabel = (anchor: string): string => `关键数字 ${anchor.replace(/^fig-/, '')}`;

/** A block of inline text in a report, with its anchor and how a reader names it. */
export interface Place {
  content: readonly Inline[];
  anchor: string;
  place: string;
}

/**
 * Every place of a report that holds inline text, in reading order (body first, then notes),
 * named as a reader cites it: `第 12 段`, `第 12 段 (a)`, `注 3` (a heading is `标题`). Shared by
 * the document and country indexes and the charts' sources, so all name places the same way.
 */
export function reportPlaces(report: Report): Place[] {
  const out: Place[] = [];
  let lastN: number | undefined;
  for (const block of report.blocks) {
    if (block.type === 'paragraph') {
      if (block.n !== undefined) lastN = block.n;
      out.push({ content: block.content, anchor: block.id, place: paragraphLabel(block.label ?? block.n) });
    } else if (block.type === 'list') {
      for (const item of block.items) out.push({ content: item.content, anchor: item.id, place: itemLabel(lastN, item.label) });
    } else if (block.type === 'heading') {
      out.push({ content: block.content, anchor: block.id, place: '标题' });
    }
  }
  for (const note of report.notes) out.push({ content: note.content, anchor: note.id, place: noteLabel(note.n) });
  return out;
}
