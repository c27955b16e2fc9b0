/**
 * The printed table of contents (docs/un-document-anatomy.md, "Contents"): recognised so that it
 * is never repeated as headings or body text, and read so that the body can be checked against
 * what it promises (a heading, a paragraph range).
 *
 * Forms: `目录` / `目 录 ( 续 )`, column heads (`段次 页次`, `章次`, `页次`), entries that end in a
 * page number, maybe after a paragraph range (`一. 导言 1-5 3`), with or without dotted leaders
 * (`二、工作方法…………21-40 6`; extraction may run range and page together), an entry's title
 * wrapped onto a second line, annex lists (`附件`). A contents page set as a table may come out of
 * extraction one cell per line (the title, then its paragraph range, then its page), and its page
 * may open with the column heads alone when `目录` was lost before them.
 */
import type { TextLine, Token } from '../clean.ts';
import type { ContentsEntry } from '../draft.ts';
import { drop } from '../ledger.ts';
import { headingLine, narrow } from '../lines.ts';
import type { BodyState } from './state.ts';

export type { ContentsEntry };

export const CONTENTS_TITLE = /^目\s*录(?:\s*[(（]\s*续\s*[)）])?$/;
const COLUMN_HEADS = /^(?:(?:段\s*次|页\s*次|章\s*次|段落|页码)\s*)+$/;
/** Column heads only a contents page prints (`段次`, `页次`, `章次`): a line of them opens one even without `目录`. */
const CONTENTS_HEADS = /^(?:(?:段\s*次|页\s*次|章\s*次)\s*)+$/;
/**
 * One cell of a contents table read one cell per line: a paragraph range (`1-48`), a paragraph or
 * page number (`55`, `7`), or a front-matter page in small roman numerals (`x`, `iii`).
 */
const NUMBER_CELL = /^(?:\d{1,4}(?:\s*[-–—]\s*\d{1,4})?|[ivxl]{1,6})$/;
/** A page in small roman numerals at an entry's end (the summary and front matter: `内容提要 x`). */
const ROMAN_PAGE = /(?<=[\s.…·。])[ivxl]{1,6}$/;

/** Does a contents page start at this line: its title `目录`, or its column heads (`章次`, `段次 页次`)? */
export function isContentsStart(text: string): boolean {
  return CONTENTS_TITLE.test(text) || CONTENTS_HEADS.test(text);
}
const LEADERS = /(?:\.{3,}|…{2,}|·{3,}|。{3,}|\.(?:\s\.){2,})/;
/** A page number (maybe after a paragraph range) at the end, set off by a tab, spaces or leaders. */
const TRAILING_NUMBERS = /(?:\t|\s{1,}|[.…·。])\s*(?:\d{1,4}\s*[-–—]\s*\d{1,4}\s*)?\d{1,4}$/;

/**
 * The body's handler: a contents title (`目录`) starts the contents page, which is read to its
 * last line, dropped from the text (`table-of-contents`) and kept as entries.
 */
export function contentsPage(t: TextLine, state: BodyState): boolean {
  if (!isContentsStart(t.text)) return false;
  const read = readContents(state.tokens, state.at);
  for (const l of read.lines) drop(state.ledger, l.no, l.text, 'table-of-contents');
  state.contents = state.contents.concat(read.entries);
  state.at = read.end - 1;
  return true;
}

/**
 * A page number (maybe after a paragraph range) glued to the entry's title (`B.届会和议程2-42`,
 * `一.组织事项和其他事项1`): read as an entry on a contents page only, where no body text stands.
 */
const GLUED_NUMBERS = /[\u4e00-\u9fff》）)”.…]\d{1,4}(?:[-–—]\d{1,5})?$/;

/** Is this line (text or layout) an entry of a contents page? */
function isContentsEntry(t: TextLine): boolean {
  if (t.raw.length > 300) return false;
  return (
    COLUMN_HEADS.test(t.text) ||
    LEADERS.test(t.text) ||
    TRAILING_NUMBERS.test(t.raw) ||
    GLUED_NUMBERS.test(t.text) ||
    ROMAN_PAGE.test(t.text) ||
    /^附\s*件$/.test(t.text)
  );
}

/**
 * The contents lines from `tokens[start]` (the title line) on: returns the index after the last
 * contents line and the entries read. A line without numbers belongs to the contents only when
 * the next line completes it (a wrapped title), or when number cells follow it (a table read one
 * cell per line: title, paragraph range, page).
 */
function readContents(tokens: Token[], start: number): { end: number; lines: TextLine[]; entries: ContentsEntry[] } {
  const read: Read = { lines: [], entries: [], pending: [], cells: [], end: start, inAnnexes: false };
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'line') continue;
    if (i === start || isContentsStart(t.text) || COLUMN_HEADS.test(t.text)) {
      closeCells(read);
      read.lines.push(t);
      read.end = i + 1;
      continue;
    }
    // A number cell completes the title before it; at most two (range, page) per entry.
    if (NUMBER_CELL.test(t.text) && (read.pending.length > 0 || read.cells.length === 1)) {
      read.cells.push(t);
      read.end = i + 1;
      if (read.cells.length === 2) closeCells(read);
      continue;
    }
    closeCells(read);
    if (isContentsEntry(t)) {
      addEntry(read, [...read.pending, t], [...read.pending, t].map((p) => p.text).join(''));
      read.end = i + 1;
      continue;
    }
    // Two lines without numbers in a row end the contents.
    if (read.pending.length >= 1 || t.text.length > 60) break;
    read.pending.push(t);
  }
  closeCells(read);
  return read;
}

/** What `readContents` has read so far: the lines, the entries, the open entry's title and cells. */
interface Read {
  lines: TextLine[];
  entries: ContentsEntry[];
  /** Lines without numbers waiting for the line (or cells) that completes them as an entry. */
  pending: TextLine[];
  /** Number cells read after `pending` (a table read one cell per line). */
  cells: TextLine[];
  end: number;
  inAnnexes: boolean;
}

/** The entry of the pending title and the number cells after it, if any were read. */
function closeCells(read: Read): void {
  if (read.cells.length === 0) return;
  const title = read.pending.map((p) => p.text).join('');
  addEntry(read, [...read.pending, ...read.cells], [title, ...read.cells.map((c) => c.text)].join(' '));
}

/** One entry read from `parts` (its lines), whose text is `text`. */
function addEntry(read: Read, parts: TextLine[], text: string): void {
  if (/^附\s*件$/.test(parts.at(-1)!.text)) read.inAnnexes = true;
  const entry = parseEntry(text, parts[0]!.no);
  // Under `附件`, `一. 标题` lists annex one: the body prints it as `附件一`.
  if (entry?.label && read.inAnnexes && /^[一二三四五六七八九十]+\.$/.test(entry.label)) entry.label = `附件${entry.label.slice(0, -1)}`;
  if (entry) read.entries.push(entry);
  read.lines.push(...parts);
  read.pending = [];
  read.cells = [];
}

/** The entry without its leaders, paragraph range and page number, scanned from the end. */
function withoutTrailer(text: string): string {
  let end = text.length;
  while (end > 0 && /[.…·。\s\d\-–—]/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function parseEntry(text: string, line: number): ContentsEntry | undefined {
  let t = narrow(text).replace(/\t/g, ' ').replace(ROMAN_PAGE, '');
  let from: number | undefined;
  let to: number | undefined;
  // Backtracking splits a range run into its page (`21-406`: paragraphs 21-40, page 6): the page takes at least one digit.
  const nums = /(?:(\d{1,4})\s*[-–—]\s*(\d{1,4}))?\s*\d{1,4}$/.exec(t.replace(/[.…·。\s]+(?=[\d])/g, ' ').trim());
  if (nums?.[1] && nums[2]) {
    from = Number(nums[1]);
    to = Number(nums[2]);
  } else {
    // `三. 结论 7 4`: one paragraph, then the page.
    const single = /\s(\d{1,4})\s+\d{1,4}$/.exec(t.replace(/(?<![.…·。])[.…·。]+(?=\s*\d)/g, ' ').trim());
    if (single) from = to = Number(single[1]);
  }
  t = withoutTrailer(t)
    .replace(/(?:\.{3,}|…{2,}|·{3,})/g, '')
    .trim();
  if (!t || COLUMN_HEADS.test(t)) return undefined;
  const h = headingLine(t);
  return { line, ...(h ? { label: h.label } : {}), title: h ? h.rest : t, ...(from !== undefined && to !== undefined && from <= to ? { from, to } : {}) };
}
