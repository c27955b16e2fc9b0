/**
 * Items (docs/un-document-anatomy.md §5): `(a)`, `(b)` … inside a paragraph, and roman items
 * `(i)`, `(ii)` nested under the lettered item before them. `(i)` after `(h)` and `(v)` after
 * `(u)` are letters.
 */
import type { TextLine } from '../clean.ts';
import { isRoman, itemLine } from '../lines.ts';
import { openBlock, type BodyState } from './state.ts';

/** An item line: opens an item block, nested under the last letter when its label is roman out of sequence. */
export function item(t: TextLine, state: BodyState): boolean {
  const line = itemLine(t.text);
  if (!line) return false;
  const lastLetter = state.lastLetter;
  const nextLetter = lastLetter && lastLetter.length === 1 ? String.fromCharCode(lastLetter.charCodeAt(0) + 1) : undefined;
  const nested = isRoman(line.label) && lastLetter !== undefined && line.label !== nextLetter;
  if (!nested) state.lastLetter = line.label;
  const keepLetter = state.lastLetter;
  openBlock(state, { type: 'item', line: t.no, label: line.label, text: line.rest, ...(nested && keepLetter ? { parent: keepLetter } : {}) }, t);
  if (nested) state.lastLetter = keepLetter;
  return true;
}
