/**
 * Reader for PDF: text items with their positions, sizes and fonts (pdfjs-dist, through
 * sync.ts) → the line model (docs/input-formats.md, "PDF").
 *
 * Layout is evidence, read from the whole document:
 * - a line is the items on one baseline; an item in smaller type above the baseline is a
 *   superscript, and a superscript number is a note reference (written as superscript digits);
 * - page furniture is what repeats at the same place on the pages (a line in the top or bottom
 *   band whose text, digits aside, recurs at the same height on at least a third of the pages):
 *   dropped with its reason, running header or footer;
 * - the notes are the lines in smaller type below the last line of body type on a page; a note
 *   starts with the next note number, and a page whose note area starts otherwise continues the
 *   previous page's last note, which the two parts are joined into;
 * - a heading is a line set in bold or in larger type than the body;
 * - a new paragraph is a gap wider than the usual line spacing;
 * - the first page's masthead is read by its columns: the left column, then the right.
 * Where the text alone would guess otherwise (a bare number after a sentence as a reference, a
 * page number inside a sentence), the layout decides.
 */
import { joinLines } from '../join.ts';
import { SeedError } from '../errors.ts';
import { superscript, toSource, unifyRadicals, type LayoutLine, type Source } from './layout.ts';
import { checkSize } from './limits.ts';
import type { PdfItem, PdfPage, PdfRead } from './pdf-extract.ts';
import { BOLD, groupRows, unmappedChar } from './pdf-rows.ts';
import { closeScriptGaps, meetAcrossScripts, WIDE_GAP_EMS } from './script-gaps.ts';
import { extractSync } from './sync.ts';

export function readPdf(file: string, bytes: Uint8Array): Source {
  checkSize(file, bytes, 'PDF');
  if (!/^\s*%PDF-/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)))) throw new SeedError('damaged', file, 'not a PDF (no %PDF- header)');
  const read = extractSync<PdfRead>('pdf', file, bytes);
  return layoutPdf(file, read);
}

interface Row {
  page: number;
  y: number;
  size: number;
  items: PdfItem[];
  text: string;
  bold: boolean;
  /** The row split at wide gaps (columns), each with its left edge. */
  segments: { x: number; text: string }[];
}

/** The read PDF as the line model; rejects a PDF with no text layer or with text in unmapped glyphs. */
export function layoutPdf(file: string, read: PdfRead): Source {
  const { pages, fonts } = read;
  checkText(file, pages, fonts);
  const bodySize = modeSize(pages);
  const rows = pages.map((p, i) => toRows(p, i + 1, fonts, bodySize));
  const furniture = findFurniture(rows, pages);
  const spacing = lineSpacing(rows, furniture, bodySize);

  const lines: LayoutLine[] = [];
  let lastNote: { n: number; text: string; line: LayoutLine } | undefined;
  let nextNote = 1;
  rows.forEach((pageRows, index) => {
    const page = index + 1;
    const body = pageRows.filter((r) => !furniture.has(r));
    const lastBodyType = body.reduce((at, r, i) => (r.size >= bodySize * 0.92 ? i : at), -1);
    // The text's left edge: a line starting well right of it is indented (a leading space, as an extraction gives).
    const left = Math.min(...body.map((r) => r.items[0]?.x ?? Infinity));
    let start = 0;
    if (page === 1) start = coverColumns(body, pages[0]!.width, lines);
    let previous: Row | undefined;
    for (let i = start; i < body.length; i++) {
      const r = body[i]!;
      if (i > lastBodyType && lastBodyType >= 0 && r.size < bodySize * 0.92) {
        // The note area: a new note starts with the next number; anything else continues the last one.
        const m = noteMark(r.text);
        const n = m ? m.n : NaN;
        if (m && n === nextNote) {
          const line: LayoutLine = { text: '', page, role: 'note', paragraph: true };
          lastNote = { n, text: m.rest, line };
          lines.push(line);
          nextNote = n + 1;
        } else if (lastNote) lastNote.text = joinLines(lastNote.text, r.text);
        else lines.push({ text: r.text, page, role: 'body', paragraph: true });
        if (lastNote) lastNote.line.text = `${superscript(lastNote.n)} ${lastNote.text}`;
        continue;
      }
      const gap = previous ? previous.y - r.y : 0;
      const heading = r.bold || r.size >= bodySize * 1.15;
      let text = r.text;
      const paragraph = (previous ? gap > spacing * 1.3 || !!(previous.bold || previous.size >= bodySize * 1.15) : page === 1) || heading;
      // A reference wrapped to the start of a line belongs to the line before (a line starting with one would read as a note).
      const wrapped = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/.exec(text);
      const before = lines.findLast((l) => l.role === 'body' || l.role === 'heading');
      if (wrapped && !paragraph && before) {
        before.text += wrapped[0];
        text = text.slice(wrapped[0].length).trimStart();
      }
      lines.push({
        text: (r.items[0]!.x - left > bodySize * 1.5 ? ' ' : '') + text,
        page,
        role: heading ? 'heading' : 'body',
        // A page's first line continues the last page's paragraph unless set apart.
        paragraph,
        ...(heading ? { evidence: r.bold ? 'bold' : `${r.size.toFixed(1)}pt type, body ${bodySize.toFixed(1)}pt` } : {}),
      });
      previous = r;
    }
    for (const r of pageRows)
      if (furniture.has(r)) {
        const f = furniture.get(r)!;
        lines.push({ text: r.text, page, role: 'furniture', reason: f.reason, evidence: f.evidence });
      }
  });
  return toSource(lines, 'pdf', pages.length);
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A note's mark at the start of a line (superscript digits, or up to three digits) and the text after it. */
function noteMark(text: string): { n: number; rest: string } | undefined {
  let i = 0;
  let digits = '';
  if (SUPERSCRIPTS.includes(text[0] ?? '_')) for (; i < text.length && SUPERSCRIPTS.includes(text[i]!); i++) digits += String(SUPERSCRIPTS.indexOf(text[i]!));
  else for (; i < text.length && i < 4 && text[i]! >= '0' && text[i]! <= '9'; i++) digits += text[i];
  if (!digits || digits.length > 3 || (i < text.length && text[i]! >= '0' && text[i]! <= '9')) return undefined;
  return { n: Number(digits), rest: text.slice(i).trim() };
}

/** A PDF whose pages carry no text, or whose text comes out as private-use or unmapped glyphs, cannot be read. */
function checkText(file: string, pages: PdfPage[], fonts: Record<string, string>): void {
  let ink = 0;
  let unmapped = 0;
  const bad = new Map<string, Set<number>>();
  pages.forEach((p, i) => {
    for (const it of p.items) {
      for (const ch of it.s) {
        const c = ch.codePointAt(0)!;
        if (c <= 0x20 || c === 0x3000) continue;
        ink++;
        if (unmappedChar(c)) {
          unmapped++;
          const font = (fonts[it.font] ?? it.font).replace(/^[A-Z]{6}\+/, '');
          bad.set(font, (bad.get(font) ?? new Set()).add(i + 1));
        }
      }
    }
  });
  if (ink === 0) {
    throw new SeedError('no-text-layer', file, `the PDF's ${pages.length} pages have no text layer (a scan?); run OCR on it, or use the Word or text version`);
  }
  if (unmapped / ink > 0.02) {
    const which = [...bad]
      .slice(0, 3)
      .map(([font, on]) => `font ${font} on pages ${[...on].slice(0, 5).join(', ')}`)
      .join('; ');
    throw new SeedError(
      'unmapped-font',
      file,
      `${unmapped} of ${ink} characters come out as private-use or unmapped glyphs (a font without a Unicode map: ${which}); use the Word or text version`,
    );
  }
}

/**
 * The body's type size, to the half point: the largest size that sets at least a fifth of the
 * characters. Not simply the commonest: a report with long notes may have more characters in
 * the notes' smaller type; headings and titles are larger but few.
 */
function modeSize(pages: PdfPage[]): number {
  const count = new Map<number, number>();
  let total = 0;
  for (const p of pages)
    for (const it of p.items) {
      const size = Math.round(it.size * 2) / 2;
      const n = it.s.replace(/\s+/g, '').length;
      count.set(size, (count.get(size) ?? 0) + n);
      total += n;
    }
  const sizes = [...count].sort((a, b) => b[0] - a[0]);
  return (sizes.find(([, n]) => n >= total / 5) ?? sizes[0] ?? [10])[0];
}

/** Items on one baseline (a superscript's raised baseline included) as rows, top to bottom, left to right. */
function toRows(page: PdfPage, no: number, fonts: Record<string, string>, bodySize: number): Row[] {
  const groups = groupRows(page.items);
  return groups.map((g) => {
    const sorted = g.items.sort((a, b) => a.x - b.x);
    const main = Math.max(...sorted.filter((it) => it.s.trim()).map((it) => it.size), 0) || bodySize;
    const column = columnType(sorted, main);
    let text = '';
    const segments: { x: number; text: string }[] = [];
    let end = -Infinity;
    let inked = 0;
    let bold = 0;
    for (const it of sorted) {
      const gap = it.x - end;
      if (gap > 2.5 * main && text.trim()) {
        segments.push({ x: 0, text: '' });
      }
      if (!segments.length) segments.push({ x: it.x, text: '' });
      const seg = segments.at(-1)!;
      if (!seg.text) seg.x = it.x;
      let s = unifyRadicals(it.s);
      // Smaller and raised against its own column's type: a masthead's small right column sharing
      // a row with the large left column (`2026年5月4日` beside `人权理事会`) holds no superscript.
      const own = column.get(it)!;
      const raised = it.y - own.y > 0.15 * own.size;
      if (it.size <= own.size * 0.8 && raised && /^\d{1,3}$/.test(s.trim())) s = superscript(s.trim());
      s = closeScriptGaps(s);
      // A gap of a word space is a space; a wider one inside a line is a tab stop. Between Chinese
      // and a Latin letter or digit, only a gap of an em or more is (script-gaps.ts).
      let space = gap > 0.3 * main && text && !/\s$/.test(text) && !/^\s/.test(s) ? (gap > 1.2 * main ? '\t' : ' ') : '';
      const before = text.trimEnd();
      const after = s.trimStart();
      if (before && after && gap < WIDE_GAP_EMS * main && meetAcrossScripts(before.at(-1)!, after[0]!)) {
        text = before;
        seg.text = seg.text.trimEnd();
        s = after;
        space = '';
      }
      text += space + s;
      seg.text += (seg.text && space) + s;
      // A space item may span a whole column gap: only ink moves the line's end.
      if (it.s.trim()) end = Math.max(end, it.x + it.w);
      const ink = s.replace(/\s+/g, '').length;
      inked += ink;
      if (BOLD.test(fonts[it.font] ?? '')) bold += ink;
    }
    // A reference the producer wrapped onto a line of its own: small digits alone on a row.
    if (main <= bodySize * 0.8 && /^\d{1,3}$/.test(text.trim())) text = superscript(text.trim());
    return {
      page: no,
      y: g.y,
      size: main,
      items: sorted,
      text: text.trim(),
      bold: inked > 0 && bold === inked,
      segments: segments.filter((s) => s.text.trim()).map((s) => ({ x: s.x, text: s.text.trim() })),
    };
  });
}

/**
 * Each item's column type: the size and baseline of the largest inked item in its column (the
 * row split where the gap between items is wider than 2.5 × the row's type, as in toRows).
 */
function columnType(sorted: PdfItem[], main: number): Map<PdfItem, { y: number; size: number }> {
  const columns: PdfItem[][] = [];
  let end = -Infinity;
  for (const it of sorted) {
    if (!columns.length || (it.x - end > 2.5 * main && columns.at(-1)!.some((c) => c.s.trim()))) columns.push([]);
    columns.at(-1)!.push(it);
    if (it.s.trim()) end = Math.max(end, it.x + it.w);
  }
  const out = new Map<PdfItem, { y: number; size: number }>();
  for (const items of columns) {
    const inked = items.filter((it) => it.s.trim());
    const top = inked.reduce<PdfItem | undefined>((a, b) => (!a || b.size > a.size ? b : a), undefined) ?? items[0]!;
    for (const it of items) out.set(it, { y: top.y, size: top.size });
  }
  return out;
}

/**
 * Page furniture: a row among the first or last two of its page, in its top or bottom sixth,
 * whose words, digits aside and in any order (`GE.23-04417 3` and `4 GE.23-04417`), recur at the same height (within 3 points)
 * on at least two pages and a third of them.
 */
function findFurniture(rows: Row[][], pages: PdfPage[]): Map<Row, { reason: 'running-header' | 'running-footer'; evidence: string }> {
  const out = new Map<Row, { reason: 'running-header' | 'running-footer'; evidence: string }>();
  if (pages.length < 2) return out;
  const key = (r: Row) => r.text.replace(/\d+/g, '#').split(/\s+/).sort().join(' ') + `@${Math.round(r.y / 3)}`;
  // A header is among the first two rows of its page, a footer among the last two, in the outer sixth.
  const edge = new Set(rows.flatMap((page) => [...page.slice(0, 2), ...page.slice(-2)]));
  const band = (r: Row) => {
    const h = pages[r.page - 1]!.height;
    if (!edge.has(r)) return undefined;
    return r.y > h * (5 / 6) ? 'top' : r.y < h / 6 ? 'bottom' : undefined;
  };
  const seen = new Map<string, Set<number>>();
  for (const page of rows)
    for (const r of page) {
      if (!band(r)) continue;
      // Neighbouring heights share a key too: a baseline a point off on another page.
      for (const k of [key(r), key({ ...r, y: r.y + 3 }), key({ ...r, y: r.y - 3 })]) seen.set(k, (seen.get(k) ?? new Set()).add(r.page));
    }
  const need = Math.max(2, Math.ceil(pages.length / 3));
  for (const page of rows)
    for (const r of page) {
      const where = band(r);
      if (!where) continue;
      const on = seen.get(key(r))!;
      if (on.size >= need)
        out.set(r, {
          reason: where === 'top' ? 'running-header' : 'running-footer',
          evidence: `repeats at the same place on ${on.size} of ${pages.length} pages`,
        });
    }
  return out;
}

/** The usual distance between two body lines (the median), for telling paragraph gaps. */
function lineSpacing(rows: Row[][], furniture: Map<Row, unknown>, bodySize: number): number {
  const gaps: number[] = [];
  for (const page of rows) {
    const body = page.filter((r) => !furniture.has(r) && Math.abs(r.size - bodySize) < 0.5);
    for (let i = 1; i < body.length; i++) gaps.push(body[i - 1]!.y - body[i]!.y);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? bodySize * 1.5;
}

/**
 * The first page's masthead, read by its columns: the rows at the top of the page that have text
 * in the right half, the left column first, then the right. Returns how many rows it took.
 */
function coverColumns(rows: Row[], width: number, lines: LayoutLine[]): number {
  let end = 0;
  while (end < rows.length && rows[end]!.segments.some((s) => s.x > width * 0.45)) end++;
  if (end === 0) return 0;
  const band = rows.slice(0, end);
  for (const side of ['left', 'right'] as const)
    for (const r of band)
      for (const s of r.segments) if (s.x > width * 0.45 === (side === 'right')) lines.push({ text: s.text, page: 1, role: 'cover', paragraph: true });
  return end;
}
