/**
 * The line model every reader of an official file (PDF, .docx, .doc) produces, and how it meets
 * the text path (docs/input-formats.md).
 *
 * A reader turns positions, sizes, fonts and styles into lines of text in reading order, each
 * with its role: body text, a note (its mark first, as superscript digits, continuation lines
 * already joined), page furniture (with the reason it is furniture), or a heading set apart by
 * weight or size. `toSource` writes those lines as the text the converter's text path reads
 * (one line per source line, a blank line between paragraphs, superscript digits for note
 * references), and keeps the layout's facts beside it by line number, so the pipeline can let
 * the layout decide where the text alone would guess: furniture is dropped with its reason, a
 * heading by type becomes a heading.
 */
import type { DropReason } from '../ledger.ts';
import { IDEOGRAPHS, RADICALS } from './radicals.ts';

export type Role = 'body' | 'cover' | 'heading' | 'note' | 'furniture';

export interface LayoutLine {
  text: string;
  /** 1-based page (0 where the format has no pages: .docx, .doc). */
  page: number;
  role: Role;
  /** Why furniture is furniture (only for `furniture`). */
  reason?: DropReason;
  /** What the layout saw: `bold`, `size 14.0pt`, `repeats on 5 pages at y=812`; for the model's warnings. */
  evidence?: string;
  /** A new paragraph starts here (a blank line goes before it in the text). */
  paragraph?: boolean;
}

export interface Layout {
  format: 'pdf' | 'docx' | 'doc';
  pages: number;
  /** Per source line (1-based), furniture to drop and why. */
  furniture: Map<number, { reason: DropReason; evidence: string }>;
  /** Source lines set as headings, with what set them apart. */
  headings: Map<number, string>;
  /** Per source line (1-based), its page (0 where the format has none). */
  pageOf: number[];
  /** Per source line (1-based), its text. */
  lines: string[];
}

export interface Source {
  text: string;
  encoding: string;
  layout?: Layout;
}

/** Superscript digits, the text path's note-reference encoding. */
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscript(n: number | string): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
}

const IDEOGRAPH = new Map([...RADICALS].map((r, i) => [r, IDEOGRAPHS[i]!]));

/**
 * Glyphs that PDF producers map to the Kangxi radicals (U+2F00–U+2FD5) or the CJK radicals
 * supplement when the same glyph serves the ideograph (`⼀` for `一`, `⻢` for `马`): read back as
 * the ideograph (radicals.ts).
 */
export function unifyRadicals(text: string): string {
  return /[\u2e80-\u2fdf]/.test(text) ? text.replace(/[\u2e80-\u2fdf]/g, (c) => IDEOGRAPH.get(c) ?? c) : text;
}

/** The lines as the text path's source text, and the layout's facts keyed by its line numbers. */
export function toSource(lines: LayoutLine[], format: Layout['format'], pages: number): Source {
  const out: string[] = [];
  const layout: Layout = { format, pages, furniture: new Map(), headings: new Map(), pageOf: [0], lines: [''] };
  const push = (text: string, page: number) => {
    out.push(text);
    layout.pageOf.push(page);
    layout.lines.push(text);
    return out.length;
  };
  for (const line of lines) {
    // A line break inside a paragraph (Word's Shift+Enter) starts a new source line, as a wrap does.
    const parts = line.text.split(/[\n\r\u2028\u2029]+/).filter((p) => p.trim());
    parts.forEach((text, i) => {
      if (i === 0 && (line.paragraph || line.role === 'heading') && out.length && out.at(-1) !== '') push('', line.page);
      const no = push(text, line.page);
      if (line.role === 'furniture') layout.furniture.set(no, { reason: line.reason ?? 'running-header', evidence: line.evidence ?? '' });
      if (line.role === 'heading') layout.headings.set(no, line.evidence ?? '');
    });
  }
  return { text: out.join('\n'), encoding: format, layout };
}
