/**
 * A PDF page's text items grouped into rows, and what a row's weight is read from: shared by the
 * layout (pdf.ts, which reads bold headings from the rows) and the extraction (pdf-extract.ts,
 * which asks pdf.js for fonts' names only where a row's weight depends on them: the names cost a
 * second parse of the page, docs/input-formats.md, "Speed").
 */
import type { PdfItem } from './pdf-extract.ts';

/** A font name that says bold (`NotoSerifCJKsc-Bold`, `SimHei-W7`…). */
export const BOLD = /bold|black|heavy|semibold|demi|[-,]B$|W[6-9]$/i;

/**
 * Whether an item sits on a row: its middle within the row's type (from a quarter of its size
 * below the baseline to a full size above), or the row's middle within the item's. A raised
 * superscript joins its line; the next line, and a line of smaller type beside a large one (a
 * masthead's columns), do not.
 */
function sameLine(row: { y: number; size: number }, it: PdfItem): boolean {
  const inside = (y: number, line: { y: number; size: number }) => y >= line.y - 0.25 * line.size && y <= line.y + line.size;
  return inside(it.y + 0.4 * it.size, row) || inside(row.y + 0.4 * row.size, it);
}

/**
 * A page's items on one baseline (a superscript's raised baseline included) as rows, top to
 * bottom, each with the baseline and size of its largest item; items in page order within a row.
 */
export function groupRows(items: PdfItem[]): { y: number; size: number; items: PdfItem[] }[] {
  const sorted = items.filter((it) => it.s.trim() || it.s === ' ').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; size: number; items: PdfItem[] }[] = [];
  for (const it of sorted) {
    const last = groups.at(-1);
    if (last && sameLine(last, it)) {
      last.items.push(it);
      if (it.size > last.size) [last.y, last.size] = [it.y, it.size];
    } else groups.push({ y: it.y, size: it.size, items: [it] });
  }
  return groups;
}

/**
 * A character that a font without a Unicode map gives: private use, beyond the planes in use, or
 * the replacement character (spaces and controls are not counted at all).
 */
export function unmappedChar(c: number): boolean {
  if (c <= 0x20 || c === 0x3000) return false;
  return (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000 || c === 0xfffd;
}

/**
 * Whether the page's rows need fonts' names that `named` lacks. A row is bold when every item
 * with ink is set in a font whose name says bold, so a row with an item in a font known not to be
 * bold is read without the rest; a row whose inked items are all in bold or unnamed fonts, with
 * one unnamed at least, needs them. So does an item with unmapped characters in an unnamed font
 * (the error names its font).
 */
export function needsFontNames(items: PdfItem[], named: Record<string, string>): boolean {
  for (const row of groupRows(items)) {
    let unnamed = false;
    let regular = false;
    for (const it of row.items) {
      if (!it.s.trim()) continue;
      const name = named[it.font];
      if (name === undefined) unnamed = true;
      else if (!BOLD.test(name)) regular = true;
    }
    if (unnamed && !regular) return true;
  }
  for (const it of items) {
    if (it.font in named) continue;
    for (const ch of it.s) if (unmappedChar(ch.codePointAt(0)!)) return true;
  }
  return false;
}
