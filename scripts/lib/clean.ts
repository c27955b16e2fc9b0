/**
 * Step 2 — clean: text → lines, with page furniture removed.
 *
 * Drops what the PDF/Word extraction added around the report text and counts each drop:
 * running headers (`A/74/36`), running footers (`19-13231 19/21`), the duplicated hyperlink
 * lines printed after footnotes (kept as link targets), U+FFFD replacement characters and NULs.
 * A dropped run leaves a `break` marker: on such pages a footnote block ends there.
 */

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
  /** Document symbols printed as running headers (`A/74/36`). */
  headerSymbols: string[];
  /** Two-digit years of UN job numbers in running footers (`19-13231` → 2019). */
  jobYears: number[];
  dropped: Record<string, number>;
  /** The first line of each kind of drop, for diagnostics. */
  firstLine: Record<string, number>;
}

const URL_LINE = /^(?:https?:\/\/)\S+$/;
export const SYMBOL_LINE = /^[AES]\/(?:[A-Z]+\/)?\d+(?:\/[A-Za-z0-9.]+)*$/;
const FOOTER_LINE = /^(?:(\d{2})-\d{5}\s+\d+\/\d+|\d+\/\d+\s+(\d{2})-\d{5})$/;

export function clean(text: string): Cleaned {
  const dropped: Record<string, number> = {};
  const firstLine: Record<string, number> = {};
  let lineNo = 0;
  const count = (reason: string, by = 1) => {
    dropped[reason] = (dropped[reason] ?? 0) + by;
    firstLine[reason] ??= lineNo;
  };
  const tokens: Token[] = [];
  const links: string[] = [];
  const headerSymbols: string[] = [];
  const jobYears: number[] = [];
  const pushBreak = (no: number) => {
    if (tokens.at(-1)?.kind !== 'break') tokens.push({ kind: 'break', no });
  };

  const sources = text.split('\n');
  const hyperlinkRun = markHyperlinkRuns(sources);
  sources.forEach((source, index) => {
    const no = index + 1;
    lineNo = no;
    const replacements = source.match(/\uFFFD/g)?.length ?? 0;
    if (replacements) count('replacement-char', replacements);
    const nuls = source.match(/\0/g)?.length ?? 0;
    if (nuls) count('nul-char', nuls);
    const raw = source.replace(/[\uFFFD\0]/g, '').trimEnd(); // trimEnd: linear on any run of spaces (U+3000 included)
    const trimmed = raw.trim();
    if (trimmed === '') {
      tokens.push({ kind: 'blank', no });
    } else if (hyperlinkRun[index]) {
      if (!links.includes(trimmed)) links.push(trimmed);
      count('hyperlink-line');
      pushBreak(no);
    } else if (SYMBOL_LINE.test(trimmed)) {
      headerSymbols.push(trimmed);
      count('running-header');
      pushBreak(no);
    } else if (FOOTER_LINE.test(trimmed)) {
      const m = FOOTER_LINE.exec(trimmed)!;
      jobYears.push(2000 + Number(m[1] ?? m[2]));
      count('running-footer');
      pushBreak(no);
    } else {
      tokens.push({ kind: 'line', no, raw, text: trimmed });
    }
  });
  return { tokens, links, headerSymbols, jobYears, dropped, firstLine };
}

/**
 * The duplicated hyperlink lines come in runs (each URL printed two or four times, several URLs
 * in a row). A URL alone on a line outside such a run is report text: a long URL the PDF
 * wrapped, whose rest is on the next line.
 */
function markHyperlinkRuns(sources: string[]): boolean[] {
  const isUrl = sources.map((s) => URL_LINE.test(s.replace(/[\uFFFD\0]/g, '').trim()));
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
