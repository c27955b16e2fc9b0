/**
 * Step 3 — structure: cleaned lines → cover lines, headings, numbered paragraphs, items and
 * footnote texts, with wrapped lines re-joined (docs/un-document-anatomy.md).
 *
 * Structure is decided from the whole document, not line by line. Paragraph numbers run 1…N
 * through the document, so the longest chain of numbered lines counting up by one is the
 * backbone (`backbone`): a numbered line on it is a paragraph, a numbered line off it that looks
 * like a heading is a numbered sub-heading (`1. 条约机构` restarts under each section). The body
 * starts at the first heading, contents page, backbone paragraph or opener (`大会，`,
 * `主席先生，`); the lines before it are the cover page.
 */
import type { Token, TextLine } from './clean.ts';
import { CONTENTS_TITLE, readContents, type ContentsEntry } from './contents.ts';
import type { DraftBlock, DraftDiagnostic, DraftHeading, DraftNote } from './draft.ts';
import { OPENER } from './front.ts';
import { lineJoiner, type LineJoiner } from './join.ts';
import { drop, keep, type Ledger } from './ledger.ts';
import { endsSentence, headingLine, isRoman, itemLine, looksLikeHeading, numbered } from './lines.ts';
import { fromSuperscript } from './numerals.ts';

export interface Structured {
  /** The tokens before the body: the cover page and title block. */
  front: Token[];
  blocks: DraftBlock[];
  notes: DraftNote[];
  /** `*` notes printed at the foot of the first page (they belong to the title). */
  starNotes: string[];
  contents: ContentsEntry[];
  diagnostics: DraftDiagnostic[];
}

const NOTE_RULE = /^[_＿]{5,}$/;
const BARE_NOTE = /^(\d{1,3})\s+(\S.*)$/;
const SUP_NOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/;
const STAR_NOTE = /^(\*{1,3})\s*(\S.*)$/;
/** A resolution's preamble opens with its body (`大会，`); each preambular paragraph then ends with `，`. */
const PREAMBLE_OPENER = /^(?:大会|人权理事会|安全理事会|经济及社会理事会|[\u4e00-\u9fff、]{2,24}委员会)\s*[，,]$/;
/** The closing lines of a resolution: `2023年12月19日` / `第50次全体会议`. */
const CLOSING = /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?第\s*\d+\s*次(?:全体)?会议$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
/** Prose: a line long enough, or ending a sentence, that no cover field is. */
const PROSE_MIN = 30;

/**
 * The paragraph backbone: indexes (into `lines`) of the longest chain of numbered lines whose
 * numbers count up by one (a gap of up to three is allowed, for a paragraph lost in extraction).
 * Linear: for each number the best chain ending at its latest line is kept.
 */
export function backbone(lines: TextLine[]): Set<number> {
  const best = new Map<number, { length: number; at: number }>();
  const prev: number[] = [];
  let top: { length: number; at: number } | undefined;
  lines.forEach((t, i) => {
    const m = numbered(t.text);
    if (!m) return;
    let from: { length: number; at: number } | undefined;
    for (let gap = 1; gap <= 4 && !from; gap++) from = best.get(m.n - gap);
    // A no-space `1.正文` counts only right after its predecessor (`3.99亿` is no paragraph).
    if (!m.spaced && !(m.n === 1 || best.has(m.n - 1))) return;
    const here = { length: (from?.length ?? 0) + 1, at: i };
    prev[i] = from ? from.at : -1;
    const existing = best.get(m.n);
    if (!existing || here.length >= existing.length) best.set(m.n, here);
    if (!top || here.length >= top.length) top = here;
  });
  const chain = new Set<number>();
  if (!top || top.length < 2) return chain;
  for (let i = top.at; i >= 0; i = prev[i] ?? -1) chain.add(i);
  return chain;
}

/** Where the body begins: index into `lines`, or -1 when the text has no recognisable body start. */
function bodyStart(lines: TextLine[], chain: Set<number>): number {
  let firstPara = Infinity;
  for (const i of chain) firstPara = Math.min(firstPara, i);
  for (let i = 0; i < lines.length && i < firstPara; i++) {
    const text = lines[i]!.text;
    if (CONTENTS_TITLE.test(text) || OPENER.test(text)) return i;
    const h = headingLine(text);
    if (h && (h.rest === '' || looksLikeHeading(h.rest))) return i;
  }
  if (firstPara !== Infinity) return firstPara;
  // No numbered paragraphs and no headings: the body is the first run of prose.
  return lines.findIndex(
    (l) => !l.text.startsWith('*') && ((l.text.length >= 8 && /[。！？]$/.test(l.text)) || (l.text.length >= PROSE_MIN && /[。！？]/.test(l.text))),
  );
}

export function structure(tokens: Token[], knownUrls: ReadonlySet<string>, ledger: Ledger): Structured {
  const diagnostics: DraftDiagnostic[] = [];
  const blocks: DraftBlock[] = [];
  const notes: DraftNote[] = [];
  const starNotes: string[] = [];
  let contents: ContentsEntry[] = [];
  const lines = tokens.filter((t): t is TextLine => t.kind === 'line');
  const chain = backbone(lines);
  const onChain = new Set([...chain].map((i) => lines[i]!));
  const startLine = bodyStart(lines, chain);
  const startToken = startLine < 0 ? tokens.length : tokens.indexOf(lines[startLine]!);
  const front = tokens.slice(0, startToken);
  const width = lineWidth(lines);

  let nextPara = 1;
  let nextSub = 1;
  /** The body block that continuation lines join (survives a footnote block). */
  let body: DraftBlock | undefined;
  /** The note that continuation lines join while inside a page-bottom block. */
  let note: DraftNote | undefined;
  let inNoteBlock = false;
  let awaitingTitle: DraftHeading | undefined;
  /** The letter of the last lettered item, for nesting roman items under it. */
  let lastLetter: string | undefined;
  let blankBefore = false;
  let lastLine: TextLine | undefined;
  let preamble = false;

  /** Continuation lines per block, joined once at the end (linear even for a huge paragraph). */
  const joiners = new Map<{ text: string }, LineJoiner>();
  const append = (target: { text: string }, t: TextLine) => {
    keep(ledger, t.no, t.text);
    let joiner = joiners.get(target);
    if (!joiner) joiners.set(target, (joiner = lineJoiner(target.text, knownUrls)));
    joiner.add(t.text);
  };
  const open = (block: DraftBlock, t: TextLine) => {
    keep(ledger, t.no, t.text);
    blocks.push(block);
    body = block;
    note = undefined;
    inNoteBlock = false;
    awaitingTitle = block.type === 'heading' && block.text === '' ? block : undefined;
    if (block.type !== 'item') lastLetter = undefined;
    if (block.type === 'paragraph') preamble = block.n === undefined && (preamble || PREAMBLE_OPENER.test(block.text));
  };
  const heading = (t: TextLine, level: 1 | 2 | 3, kind: DraftHeading['kind'], label: string, key: string, text: string) => {
    open({ type: 'heading', line: t.no, level, kind, label, key, text }, t);
    if (level < 3) nextSub = 1;
  };

  for (let i = startToken; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'blank') {
      blankBefore = true;
      continue;
    }
    if (t.kind === 'break') {
      inNoteBlock = false;
      note = undefined;
      continue;
    }
    const previous = lastLine;
    const afterBlank = blankBefore;
    lastLine = t;
    blankBefore = false;
    const text = t.text;

    if (CONTENTS_TITLE.test(text)) {
      const read = readContents(tokens, i);
      for (const l of read.lines) drop(ledger, l.no, l.text, 'table-of-contents');
      contents = contents.concat(read.entries);
      i = read.end - 1;
      continue;
    }
    if (NOTE_RULE.test(text)) {
      drop(ledger, t.no, text, 'note-rule');
      inNoteBlock = true;
      note = undefined;
      continue;
    }
    if (awaitingTitle) {
      keep(ledger, t.no, text);
      awaitingTitle.text = text;
      awaitingTitle = undefined;
      continue;
    }

    const sup = SUP_NOTE.exec(text);
    if (sup) {
      keep(ledger, t.no, text);
      notes.push({ line: t.no, mark: sup[1]!, n: fromSuperscript(sup[1]!), style: 'superscript', text: sup[2]! });
      note = undefined;
      continue;
    }
    if (inNoteBlock) {
      const star = STAR_NOTE.exec(text);
      const bare = BARE_NOTE.exec(text);
      if (star) {
        keep(ledger, t.no, text);
        starNotes.push(star[2]!);
        note = undefined;
        continue;
      }
      if (bare && !onChain.has(t) && !numbered(text)) {
        keep(ledger, t.no, text);
        note = { line: t.no, mark: bare[1]!, n: Number(bare[1]), style: 'bare', text: bare[2]! };
        notes.push(note);
        continue;
      }
      if (note && !startsBlock(t, onChain)) {
        append(note, t);
        continue;
      }
      inNoteBlock = false;
      note = undefined;
    }

    const h = headingLine(text);
    const num = numbered(text);
    const item = itemLine(text);
    if (h && !(num && onChain.has(t)) && (h.rest === '' || looksLikeHeading(h.rest) || (h.kind === 'chapter' && isLongTitle(h.rest)))) {
      if (h.kind === 'annex') heading(t, 1, 'chapter', h.label, h.key, h.rest);
      else heading(t, h.level, h.kind, h.label, h.key, h.rest);
    } else if (num && (onChain.has(t) || num.spaced)) {
      const n = num.n;
      const sub = !onChain.has(t) && looksLikeHeading(num.rest) && (n === nextSub || chain.size > 0);
      if (sub) {
        heading(t, 3, 'subsection', `${n}.`, String(n), num.rest);
        nextSub = n + 1;
      } else {
        if (n !== nextPara) {
          diagnostics.push({
            code: n > nextPara ? 'paragraph-gap' : 'paragraph-order',
            line: t.no,
            message:
              n > nextPara
                ? `paragraph numbers jump from ${nextPara - 1} to ${n}`
                : `paragraph ${n} follows paragraph ${nextPara - 1} (duplicated or out of order)`,
          });
        }
        nextPara = Math.max(nextPara, n + 1);
        open({ type: 'paragraph', line: t.no, n, text: num.rest }, t);
      }
    } else if (item) {
      // `(i)` after `(h)` and `(v)` after `(u)` are letters; a roman label after any other letter is nested under it.
      const nextLetter = lastLetter && lastLetter.length === 1 ? String.fromCharCode(lastLetter.charCodeAt(0) + 1) : undefined;
      const nested = isRoman(item.label) && lastLetter !== undefined && item.label !== nextLetter;
      if (!nested) lastLetter = item.label;
      const keepLetter = lastLetter;
      open({ type: 'item', line: t.no, label: item.label, text: item.rest, ...(nested && keepLetter ? { parent: keepLetter } : {}) }, t);
      if (nested) lastLetter = keepLetter;
    } else if (isUnnumberedSubheading(t, previous, body, tokens, i, onChain)) {
      heading(t, 3, 'subsection', '', '', text);
    } else if (CLOSING.test(text) && body?.type === 'paragraph' && body.n !== undefined && previous && endsSentence(previous.text)) {
      open({ type: 'paragraph', line: t.no, text }, t);
    } else if (body && body.type !== 'heading' && body.type !== 'figure' && !startsNewProse(body, previous, afterBlank, text, width, preamble)) {
      append(body, t);
    } else {
      open({ type: 'paragraph', line: t.no, text }, t);
    }
  }
  for (const [target, joiner] of joiners) target.text = joiner.text();
  if (awaitingTitle)
    diagnostics.push({ code: 'heading-untitled', line: awaitingTitle.line, message: `heading ${awaitingTitle.label} has no title line after it` });
  return { front, blocks, notes, starNotes, contents, diagnostics };
}

/** A chapter title may be long (`五. 特别报告员…年度会议`) but is never a sentence. */
function isLongTitle(text: string): boolean {
  return text.length <= 80 && !/[。；！？]$/.test(text) && !/[。；！？].*[。；！？]/.test(text);
}

function startsBlock(t: TextLine, onChain: Set<TextLine>): boolean {
  return !!headingLine(t.text) || onChain.has(t) || !!numbered(t.text)?.spaced || !!itemLine(t.text);
}

/**
 * A short unnumbered heading of concluding observations (`教育`, `卫生`): a heading-shaped line
 * after a finished sentence (or a heading), right before a numbered paragraph.
 */
function isUnnumberedSubheading(
  t: TextLine,
  previous: TextLine | undefined,
  body: DraftBlock | undefined,
  tokens: Token[],
  i: number,
  onChain: Set<TextLine>,
): boolean {
  if (t.text.length > 20 || !looksLikeHeading(t.text) || /[，,。；;：:]/.test(t.text) || /^\d/.test(t.text)) return false;
  if (body && body.type !== 'heading' && !(previous && endsSentence(previous.text))) return false;
  for (let j = i + 1; j < tokens.length; j++) {
    const next = tokens[j]!;
    if (next.kind === 'line') return onChain.has(next);
  }
  return false;
}

/**
 * In unnumbered text (a preamble, a speech, text before the first numbered paragraph), a line
 * starts a new paragraph when the previous line finished a sentence and either a blank line
 * separates them or the previous line stopped short of the full line width.
 */
function startsNewProse(body: DraftBlock, previous: TextLine | undefined, afterBlank: boolean, text: string, width: number, preamble: boolean): boolean {
  if (body.type !== 'paragraph' || body.n !== undefined || !previous) return false;
  if (/^[，。；：、）)]/.test(text)) return false;
  const prev = previous.text;
  if (preamble && /[，,；;。]$/.test(prev)) return true;
  // A salutation (`主席先生，` / `各位阁下，`) is a paragraph of its own.
  if (OPENER.test(prev) && !OPENER.test(text)) return true;
  if (afterBlank && endsSentence(prev)) return true;
  return width > 0 && /[。！？；：，,]$/.test(prev) && prev.length < width * 0.75;
}

/** The typical full line width of the wrapped text (90th percentile of line lengths). */
function lineWidth(lines: TextLine[]): number {
  // Too few lines to know the full width: rely on blank lines alone.
  if (lines.length < 20) return 0;
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)]!;
}
