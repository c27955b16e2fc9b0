/**
 * What a single line can be, as UN documents print it (docs/un-document-anatomy.md, "Headings",
 * "Paragraphs", "Items"). Pure recognisers; which of the candidates a line really is depends on
 * the whole document and is decided by the structure step.
 *
 * Every recogniser returns the printed label (what the model keeps as `label` / `n`) and the
 * rest of the line, so the text accounting can count both.
 */
import { fromChinese } from './numerals.ts';

/** Full-width digits, letters, stops and brackets → ASCII, for recognition only (text is kept as printed). */
export function narrow(text: string): string {
  let i = 0;
  while (i < text.length && !isFullWidth(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function isFullWidth(c: number): boolean {
  return c >= 0xff01 && c <= 0xff5e;
}

/** One UTF-16 code unit as `narrow` maps it. */
function narrowUnit(c: number): number {
  return isFullWidth(c) ? c - 0xfee0 : c;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export interface Labelled {
  /** The label exactly as printed (`1.`, `１．`, `一、`, `(a)`, `第一章`). */
  printed: string;
  /** The text after the label, trimmed; may be empty. */
  rest: string;
}

export interface NumberedLine extends Labelled {
  n: number;
  /** `1. 正文` with a space (the usual form) or `1.正文` / `１．正文` (accepted only in sequence). */
  spaced: boolean;
}

/**
 * Up to 7 digits: a seed within SEED_MAX_BYTES (seed-file.ts) cannot hold 10 million paragraphs,
 * so no report's numbering runs out (with 4 digits, everything after paragraph 9 999 was folded
 * into one paragraph).
 */
export const NUMBERED = /^(\d{1,7})([.．])(\s*)(\S.*)$/;

/** A year or a day of a month glued to a paragraph number (`1.2019年3月`, `1.7月30日`): no decimal reads so. */
const GLUED_DATE = /^(?:\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日)/;

/**
 * `1. 正文`, `1.正文`, `１．正文`, and a number glued to a date (`1.2019年3月…`, not spaced);
 * never `3.99亿` (a decimal) nor `2019.` alone.
 */
export function numbered(text: string): NumberedLine | undefined {
  if (!mayBeNumbered(text)) return undefined;
  const m = NUMBERED.exec(narrow(text));
  if (!m) return undefined;
  const rest = m[4]!;
  const spaced = m[3]!.length > 0;
  if (!spaced && /^\d/.test(rest) && !GLUED_DATE.test(rest)) return undefined;
  const n = Number(m[1]);
  if (!n) return undefined;
  const cut = m[1]!.length + 1 + m[3]!.length;
  return { n, spaced, printed: text.slice(0, cut).trim(), rest: text.slice(cut).trim() };
}

export interface DecimalLine extends Labelled {
  n: number;
  sub: number;
}

const DECIMAL = /^(\d{1,3})[.．](\d{1,2})(\s*)(\S.*)$/;

/**
 * `2.1 正文`, `2.1正文`, `2.12010年…` (2.1 glued to a year): the decimal paragraph numbers of
 * treaty bodies' Views. A candidate only (`3.5%` reads the same): the decimal backbone decides.
 */
export function decimalNumbered(text: string): DecimalLine | undefined {
  if (!mayBeNumbered(text)) return undefined;
  const narrowed = narrow(text);
  let m = DECIMAL.exec(narrowed);
  if (!m) return undefined;
  // `2.12010年`: the sub-number is what stands before a glued year.
  const year = /^(\d{1,2}?)(\d{4}\s*年)/.exec(`${m[2]}${m[3]}${m[4]}`);
  if (year && year[1]) m = [m[0], m[1]!, year[1], '', `${m[2]}${m[3]}${m[4]}`.slice(year[1].length)] as unknown as RegExpExecArray;
  else if (/^[\d.．%‰]/.test(m[4]!) || (!m[3] && /^(?:[%‰亿万千百]|个|倍|年|岁|月)/.test(m[4]!))) return undefined;
  const cut = m[1]!.length + 1 + m[2]!.length + m[3]!.length;
  return { n: Number(m[1]), sub: Number(m[2]), printed: text.slice(0, cut).trim(), rest: text.slice(cut).trim() };
}

export interface HeadingLine extends Labelled {
  level: 1 | 2;
  kind: 'chapter' | 'section' | 'annex';
  /** The number or letter for the stable id (`2`, `a`, `annex-1`). */
  key: string;
  label: string;
}

/**
 * The blank run after `章` is taken whole (`(?=(\s+))\2`, a possessive `\s+`): giving some of it
 * back never lets `(.*)$` match where it did not, and trying every split took quadratic time on a
 * long run (issue 25). The title is group 3.
 */
const CHAPTER = /^第\s*([一二三四五六七八九十百]+)\s*章(?:(?=(\s+))\2|$|(?=[\u4e00-\u9fff《“]))(.*)$/;
const CN_HEADING = /^([一二三四五六七八九十]+)\s*[.．、]\s*(.+)$/;
const LETTER_HEADING = /^([A-Z])[.．](\s*)(\S.*)$/;
const ANNEX = /^附\s*件\s*([一二三四五六七八九十]*)(?:\s+|$)(.*)$/;
/** The patterns `headingLine` tries, on the narrowed line. */
export const HEADING_PATTERNS = [CHAPTER, CN_HEADING, LETTER_HEADING, ANNEX];
/** The characters a heading can start with (after `narrow`): what the heading patterns begin with. */
const HEADING_FIRST = new Set([...'第附一二三四五六七八九十ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => c.charCodeAt(0)));

/**
 * Whether a line can be a heading, from its first character alone: most lines cannot, and are
 * then not narrowed nor matched. Never false where a heading pattern matches (tests/converter/chars.test.ts).
 */
export function mayBeHeading(text: string): boolean {
  return HEADING_FIRST.has(narrowUnit(text.charCodeAt(0)));
}

/** Whether a line can be a numbered paragraph (NUMBERED), from its first character alone. */
export function mayBeNumbered(text: string): boolean {
  return isDigit(narrowUnit(text.charCodeAt(0)));
}

/** `第一章` (title on this or the next line), `一.` / `一、` / `一.导言`, `A.` / `A.导言`, `附件一`. */
export function headingLine(text: string): HeadingLine | undefined {
  if (!mayBeHeading(text)) return undefined;
  const t = narrow(text);
  let m: RegExpExecArray | null;
  if ((m = CHAPTER.exec(t))) {
    const n = fromChinese(m[1]!);
    return {
      level: 1,
      kind: 'chapter',
      key: String(n ?? m[1]),
      label: `第${m[1]}章`,
      printed: text.slice(0, text.length - m[3]!.length).trim(),
      rest: m[3]!.trim(),
    };
  }
  if ((m = CN_HEADING.exec(t))) {
    const n = fromChinese(m[1]!);
    if (n === undefined) return undefined;
    const rest = text.slice(text.length - m[2]!.length).trim();
    return { level: 1, kind: 'chapter', key: String(n), label: `${m[1]}.`, printed: text.slice(0, text.length - m[2]!.length).trim(), rest };
  }
  if ((m = LETTER_HEADING.exec(t))) {
    // `A.导言` without a space is a heading only when CJK follows (`A.B.C.` or `U.S.` are not).
    if (!m[2] && !/^[\u4e00-\u9fff《“]/.test(m[3]!)) return undefined;
    return {
      level: 2,
      kind: 'section',
      key: m[1]!.toLowerCase(),
      label: `${m[1]}.`,
      printed: text.slice(0, text.length - m[3]!.length).trim(),
      rest: text.slice(text.length - m[3]!.length).trim(),
    };
  }
  if ((m = ANNEX.exec(t)) && (m[1] || !m[2])) {
    const n = m[1] ? fromChinese(m[1]) : 1;
    return {
      level: 1,
      kind: 'annex',
      key: `annex-${n ?? 1}`,
      label: `附件${m[1]}`,
      printed: text.slice(0, text.length - m[2]!.length).trim(),
      rest: m[2]!.trim(),
    };
  }
  return undefined;
}

export interface ItemLine extends Labelled {
  label: string;
}

const ITEM = /^[(（]\s*([a-z]{1,2}|[ivx]{1,5})\s*[)）]\s*(.*)$/;

/** `(a) 正文`, `(a)正文`, `（a）正文`, `(i) 正文`, `(aa) 正文`. */
export function itemLine(text: string): ItemLine | undefined {
  const m = ITEM.exec(text);
  if (!m || !m[2]) return undefined;
  return { label: m[1]!, printed: text.slice(0, text.length - m[2].length).trim(), rest: m[2].trim() };
}

/** Roman numerals as item labels (`i`…`xx`), for nesting under lettered items. */
export function isRoman(label: string): boolean {
  return /^(?:x{0,2})(?:ix|iv|v?i{0,3})$/.test(label) && label !== '';
}

/** Heading shape: short, with no sentence punctuation (footnote marks ignored). */
export function looksLikeHeading(text: string): boolean {
  const bare = text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '').trim();
  return bare.length <= 40 && !/[。；：！？;:]/.test(bare) && !/[，,、]$/.test(bare);
}

/** Where a paragraph of running text ends: a sentence-final mark, maybe followed by a note mark. */
export function endsSentence(text: string): boolean {
  return /[。！？；：”」』）)]\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3})?$/.test(text);
}
