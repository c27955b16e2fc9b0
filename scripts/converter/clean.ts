/**
 * Step 2 — clean: text → lines, with page furniture removed (docs/un-document-anatomy.md,
 * "Page furniture").
 *
 * Drops what the PDF/Word extraction added around the report text, each drop recorded in the
 * ledger with its line and reason: running headers (`A/74/36`, `CCPR/C/GBR/CO/8`), running
 * footers (`19-13231 19/21`, `2 GE.23-04417`), job numbers and barcodes (`GE.23-04417 (C)
 * 090323 100323`, `*2304417*`, `请回收`) whole or inside a line, the duplicated hyperlink lines
 * printed after footnotes (kept as link targets), U+FFFD, and invisible control, zero-width and
 * bidirectional marks. A dropped run leaves a `break` marker: on such pages a footnote block ends
 * there.
 */
import { hasSpaceRun } from './chars.ts';
import { drop, type DropReason, type Ledger } from './ledger.ts';
import { joinSplitNumbers } from './split-numbers.ts';

export interface TextLine {
  kind: 'line';
  /** 1-based line number in the seed file. */
  no: number;
  /** The line without trailing white space; leading white space kept (layout hint). */
  raw: string;
  text: string;
}
export interface Blank {
  kind: 'blank';
  no: number;
}
export interface Break {
  kind: 'break';
  no: number;
}
export type Token = TextLine | Blank | Break;

export interface Cleaned {
  tokens: Token[];
  /** Link targets from dropped hyperlink lines, in first-seen order, without duplicates. */
  links: string[];
  /** Document symbols printed alone on a line (cover page or running header), with their line. */
  headerSymbols: { symbol: string; line: number }[];
  /** Two-digit years of UN job numbers in running footers (`19-13231` → 2019). */
  jobYears: number[];
  /** The source lines (after decoding), for the accounting check. */
  sources: string[];
}

const URL_LINE = /^(?:https?:\/\/)\S+$/;
/** A UN document symbol alone on a line: a series of 1–6 capitals, then `/`-separated parts, one with a digit. */
export const SYMBOL_LINE = /^[A-Z]{1,6}\/(?=[^\s]*\d)[A-Za-z0-9.()-]+(?:\/[A-Za-z0-9.()-]+)*$/;
/**
 * The same as printed on covers after extraction: the series' letters spaced apart (`C EDAW/…`,
 * `C E R D/…`) and a note mark after it (`CEDAW/C/NSR/CO/9*`, reissued for technical reasons).
 */
const GLUED_LINE = /^[A-Z]{1,6}\/[A-Za-z0-9./()-]+$/;
/** Where the second of two glued symbols may start: a series (one of the UN's) and a `/`, then a part character. */
const GLUED_SECOND = /(?:A|E|S|CCPR|CAT|CRC|CEDAW|CERD|CMW|CRPD|CED|HRI)\/[A-Za-z0-9./()-]/y;

/**
 * A line of two symbols run together, cut after the last digit that a series and `/` follow
 * (what `^([A-Z]{1,6}\/[…]*\d)((?:A|E|…)\/[…]+)$` matched): a scan from the end, as that
 * pattern tried every cut and read the rest of the line at each, quadratic on a long line.
 */
function gluedSymbols(line: string): [string, string] | undefined {
  if (!GLUED_LINE.test(line)) return undefined;
  const first = line.indexOf('/') + 2; // the first symbol ends with a digit after its series' `/`
  for (let cut = line.length - 3; cut >= first; cut--) {
    const c = line.charCodeAt(cut - 1);
    if (c < 0x30 || c > 0x39) continue;
    GLUED_SECOND.lastIndex = cut;
    if (GLUED_SECOND.test(line)) return [line.slice(0, cut), line.slice(cut)];
  }
  return undefined;
}
/**
 * Each part is taken whole (`(?=(…+))\3`, a possessive `+`), as in cover-fields' SYMBOL: a shorter
 * part is followed by a part character, which neither `/`, `*` nor the end accepts, so giving
 * characters back only cost time (recheck found the backtracking polynomial with a larger budget).
 */
const COVER_SYMBOL = /^([A-Z](?: ?[A-Z]){0,5})\/((?=[^\s]*\d)(?=([A-Za-z0-9.()-]+))\3(?:\/(?=([A-Za-z0-9.()-]+))\4)*)(\*{0,3})$/;
const FOOTER_LINE = /^(?:(\d{2})-\d{5}\s+\d+\/\d+|\d+\/\d+\s+(\d{2})-\d{5})$/;
/** `GE.23-04417 (C) 090323 100323`, `2 GE.23-04417`, `GE.23-04417 3`, `23-04417 (C)`. */
const JOB = String.raw`(?:\d{1,3}[ \t]+)?(?:GE\.)?(\d{2})-\d{5}(?:[ \t]*\([A-Z]\))?(?:[ \t]+\d{6}){0,2}(?:[ \t]+\d{1,3})?`;
const JOB_LINE = new RegExp(`^${JOB}$`);
const GE_ANYWHERE = /(?:\d{1,3}[ \t]+)?GE\.\d{2}-\d{5}(?:[ \t]*\([A-Z]\))?(?:[ \t]+\d{6}){0,2}(?:[ \t]+\d{1,3}(?!\d))?/g;
const BARCODE = /\*\d{7,8}\*/g;
const RECYCLE = /^请\s*回\s*收$/;
const PAGE_OF = /^\d{1,3}\s*\/\s*\d{1,3}$/;
/**
 * A run of line or paragraph separators, read whole: its neighbours decide what it becomes (a
 * lookbehind and lookahead around the run backtracked over it, which recheck found polynomial).
 */
const LINE_SEPARATORS = /[\u2028\u2029]+/g;
const isIdeograph = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** Invisible characters that carry nothing a reader sees: controls, zero-width and bidi marks. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function clean(text: string, ledger: Ledger): Cleaned {
  const tokens: Token[] = [];
  const links: string[] = [];
  const headerSymbols: { symbol: string; line: number }[] = [];
  const jobYears: number[] = [];
  const pushBreak = (no: number) => {
    if (tokens.at(-1)?.kind !== 'break') tokens.push({ kind: 'break', no });
  };

  const sources = text.split('\n');
  const hyperlinkRun = markHyperlinkRuns(sources);
  const chrome = markWebChrome(sources);
  // A document of a few lines only may be a whole document collapsed onto a line (`unfold`).
  const collapsed = sources.filter((l) => l.trim() !== '').length <= COLLAPSED_LINES;
  sources.forEach((source, index) => {
    const no = index + 1;
    // A line or paragraph separator inside a line is a wrap: nothing between ideographs, a space elsewhere.
    let raw = source;
    if (raw.includes('\u2028') || raw.includes('\u2029'))
      raw = raw.replace(LINE_SEPARATORS, (run: string, at: number) =>
        isIdeograph(raw.charCodeAt(at - 1)) && isIdeograph(raw.charCodeAt(at + run.length)) ? '' : ' '.repeat(run.length),
      );
    raw = dropAll(raw, /\uFFFD/g, no, 'replacement-char', ledger);
    raw = dropAll(raw, INVISIBLE, no, 'control-char', ledger);
    raw = raw.trimEnd(); // linear on any run of spaces (U+3000 included)
    // No line holds a run of more than four blanks or a line terminator: every pattern that reads
    // a line can then backtrack over a blank run of bounded length only, so it stays linear.
    if (raw.includes('\r')) raw = raw.replace(/\r/g, ' ');
    if (hasSpaceRun(raw, 5)) raw = raw.replace(/(\s{4})\s+/g, '$1');
    let trimmed = raw.trim();
    let m: RegExpExecArray | null;
    let glued: [string, string] | undefined;
    if (trimmed === '') {
      tokens.push({ kind: 'blank', no });
    } else if (hyperlinkRun[index]) {
      if (!links.includes(trimmed)) links.push(trimmed);
      drop(ledger, no, trimmed, 'hyperlink-line');
      pushBreak(no);
    } else if ((glued = gluedSymbols(trimmed)) && SYMBOL_LINE.test(glued[0]) && SYMBOL_LINE.test(glued[1])) {
      // Two cover symbols run together (`E/2019/22E/C.12/2018/3`): both are the cover's.
      headerSymbols.push({ symbol: glued[0], line: no }, { symbol: glued[1], line: no });
      drop(ledger, no, trimmed, 'running-header');
      pushBreak(no);
    } else if ((m = COVER_SYMBOL.exec(trimmed))) {
      headerSymbols.push({ symbol: `${m[1]!.replace(/ /g, '')}/${m[2]}`, line: no });
      drop(ledger, no, trimmed, 'running-header');
      pushBreak(no);
    } else if ((m = FOOTER_LINE.exec(trimmed))) {
      jobYears.push(2000 + Number(m[1] ?? m[2]));
      drop(ledger, no, trimmed, 'running-footer');
      pushBreak(no);
    } else if ((m = JOB_LINE.exec(trimmed)) && /GE\.|\([A-Z]\)|\s/.test(trimmed)) {
      jobYears.push(2000 + Number(m[1]));
      drop(ledger, no, trimmed, jobReason(trimmed));
      pushBreak(no);
    } else if (RECYCLE.test(trimmed) || PAGE_OF.test(trimmed) || /^\*\d{7,8}\*$/.test(trimmed)) {
      drop(ledger, no, trimmed, RECYCLE.test(trimmed) ? 'recycle-mark' : PAGE_OF.test(trimmed) ? 'running-footer' : 'barcode');
      pushBreak(no);
    } else if (chrome[index] && !/GE\.\d{2}-\d{5}/.test(trimmed)) {
      drop(ledger, no, trimmed, 'web-chrome');
    } else {
      // Furniture glued into a line of text (a page break inside a sentence).
      const before = raw;
      raw = dropAll(raw, GE_ANYWHERE, no, jobReason, ledger, (hit) => {
        const y = /GE\.(\d{2})-/.exec(hit);
        if (y) jobYears.push(2000 + Number(y[1]));
      });
      raw = dropAll(raw, BARCODE, no, 'barcode', ledger);
      if (raw !== before) raw = raw.replace(/[ \t]{2,}/g, ' ').trimEnd();
      raw = joinSplitNumbers(raw);
      trimmed = raw.trim();
      if (trimmed === '') pushBreak(no);
      else if (!collapsed) tokens.push({ kind: 'line', no, raw, text: trimmed });
      else for (const text of unfold(trimmed)) tokens.push({ kind: 'line', no, raw: text === trimmed ? raw : text, text });
    }
  });
  return { tokens, links, headerSymbols, jobYears, sources };
}

/** Latin-script lines a Chinese UN document may carry on its cover (kept for the cover reader). */
const COVER_LATIN =
  /^(?:United Nations|General Assembly|Security Council|Economic and Social Council|Human Rights Council|Distr(?:ibution)?\.?\s*:?.*|(?:General|Limited|Restricted)|Chinese|(?:Original|Orginal)\s*:?.*|(?:English|French|Spanish|Russian|Arabic)(?:\/[A-Za-z]+)*|\d{1,2}\s*[A-Z][a-z]+\s*\d{4}|Advance (?:unedited )?version|Reissued for technical reasons.*|[A-Z]{1,6}\/\S*)$/;
/** Chinese text: ideographs, CJK punctuation or full-width forms. */
const HAS_CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * Web-page chrome around a document copied from a site (`Skip to main content`, `Header image
 * for news printout`, a sharing site's `Upload: others` / `53 views` / `TRANSCRIPT`, the language
 * menu at the foot): the Latin-script lines before the document's first Chinese line, and lines of
 * Latin words after its last, except what a UN cover prints in Latin script (symbol, distribution,
 * date, languages) and links.
 */
function markWebChrome(sources: string[]): boolean[] {
  const chrome = sources.map(() => false);
  const first = sources.findIndex((s) => HAS_CJK.test(s));
  if (first < 0) return chrome;
  let last = sources.length - 1;
  while (last > first && !HAS_CJK.test(sources[last]!)) last -= 1;
  sources.forEach((source, i) => {
    const t = source.trim();
    if (!/[A-Za-z]/.test(t) || COVER_LATIN.test(t) || URL_LINE.test(t)) return;
    // After the text, words only (`English Français Español`): not a lone `index.html` ending a wrapped link, nor a numbered line.
    if (i < first || (i > last && /^[\p{L}|·]+(?:\s+[\p{L}|·]+)+$/u.test(t))) chrome[i] = true;
  });
  return chrome;
}

/** A text of at most this many lines may be a whole document collapsed onto one or two lines. */
const COLLAPSED_LINES = 4;
/** How long a line must be before it may hold a collapsed document. */
const COLLAPSED_MIN = 80;
/** A paragraph number inside a collapsed line: after a space or a clause's end, before the text. */
const INNER_NUMBER = /(?<=^|[\s。；;，,：:])(\d{1,3})[.．](?=\s?[^\s\d])/g;

/**
 * A whole document on one line (a web page's text, a bad extraction; the text has a few lines
 * only): when the line holds its own paragraph numbers 1, 2, 3… in order, it is cut before each, and the spaces that stood
 * for line breaks (before a Chinese character) cut it too, so the cover lines, the title, the
 * preamble's clauses and the paragraphs are lines again. Any other line is returned as it is.
 */
export function unfold(line: string): string[] {
  if (line.length < COLLAPSED_MIN || !/\s/.test(line)) return [line];
  const cuts: number[] = [];
  let next = 1;
  for (const m of line.matchAll(INNER_NUMBER)) {
    if (Number(m[1]) !== next) continue;
    cuts.push(m.index);
    next += 1;
  }
  if (cuts.length < 2) return [line];
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts, line.length]) {
    const piece = line.slice(from, cut).trim();
    // `1. 《…》`: the space after a paragraph number is no line break.
    for (const part of piece.split(/(?<!\s)\s+(?=[^\x00-\x7f]|\d{1,3}\/\d{1,4}[.．])/)) {
      if (out.length && /^\d{1,3}[.．]$/.test(out.at(-1)!) && from > 0) out[out.length - 1] += ` ${part}`;
      else if (part) out.push(part);
    }
    from = cut;
  }
  return out;
}

/** A job number with its language code or print dates is the first page's; with a page number only, a page footer. */
function jobReason(text: string): DropReason {
  return /\([A-Z]\)|\d{6}/.test(text) ? 'job-number' : 'running-footer';
}

/** Remove every match of `pattern` from `line`, recording each as a drop. */
function dropAll(
  line: string,
  pattern: RegExp,
  no: number,
  reason: DropReason | ((hit: string) => DropReason),
  ledger: Ledger,
  seen?: (hit: string) => void,
): string {
  pattern.lastIndex = 0;
  if (!pattern.test(line)) return line;
  pattern.lastIndex = 0;
  return line.replace(pattern, (hit) => {
    drop(ledger, no, hit, typeof reason === 'function' ? reason(hit) : reason);
    seen?.(hit);
    return reason === 'replacement-char' || reason === 'control-char' ? '' : ' ';
  });
}

/**
 * The duplicated hyperlink lines come in runs (each URL printed two or four times, several URLs
 * in a row). A URL alone on a line outside such a run is report text: a long URL the PDF
 * wrapped, whose rest is on the next line.
 */
function markHyperlinkRuns(sources: string[]): boolean[] {
  const isUrl = sources.map((s) => (s.includes('http') || s.includes('\uFFFD') || s.includes('\0')) && URL_LINE.test(s.replace(/[\uFFFD\0]/g, '').trim()));
  const neighbour = (i: number, step: number): number => {
    for (let j = i + step; j >= 0 && j < sources.length; j += step) {
      if (sources[j]!.trim() !== '') return j;
    }
    return -1;
  };
  return isUrl.map((url, i) => {
    if (!url) return false;
    const prev = neighbour(i, -1);
    const next = neighbour(i, 1);
    return (prev >= 0 && isUrl[prev]!) || (next >= 0 && isUrl[next]!);
  });
}
