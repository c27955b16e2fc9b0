/**
 * Step 3 — structure (report-shaped text): cleaned lines → headings, numbered paragraphs,
 * lettered items and footnote texts, with wrapped lines re-joined.
 *
 * Paragraph numbers run 1…N through the whole report while numbered sub-headings (`1. 条约机构`)
 * restart under each section, so a line `N. …` is a paragraph when N is the next paragraph
 * number, and a sub-heading when N is the next sub-heading number and the line looks like one.
 */
import type { Token, TextLine } from './clean.ts';
import type { DraftBlock, DraftDiagnostic, DraftHeading, DraftNote } from './draft.ts';
import { lineJoiner, type LineJoiner } from './join.ts';
import { fromChinese, fromSuperscript } from './numerals.ts';

export interface Structured {
  front: TextLine[];
  blocks: DraftBlock[];
  notes: DraftNote[];
  tocLines: number;
  diagnostics: DraftDiagnostic[];
}

const CHAPTER = /^第([一二三四五六七八九十百]+)章$/;
const CN_HEADING = /^([一二三四五六七八九十]+)\s*[.．、]\s*(.+)$/;
const LETTER_HEADING = /^([A-Z])\.\s+(.+)$/;
const NUMBERED = /^(\d{1,4})\.\s+(.+)$/;
const ITEM = /^\(([a-z]{1,2})\)\s*(.+)$/;
const NOTE_RULE = /^_{5,}$/;
const BARE_NOTE = /^(\d{1,3})\s+(\S.*)$/;
const SUP_NOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/;
const TOC_TITLE = /^目\s*录$/;
const TOC_ENTRY = /(?:\t\s*\d+\s*$|\.{3,}|…{2,}|^\t?页次$)/;

/** True when a report-shaped structure (numbered paragraphs 1, 2 …) is present. */
export function hasNumberedParagraphs(tokens: Token[]): boolean {
  let next = 1;
  for (const t of tokens) {
    if (t.kind !== 'line') continue;
    const m = NUMBERED.exec(t.text);
    if (m && Number(m[1]) === next) next++;
    if (next > 2) return true;
  }
  return false;
}

function isStart(t: TextLine): boolean {
  return CHAPTER.test(t.text) || CN_HEADING.test(t.text) || TOC_TITLE.test(t.text) || /^1\.\s+\S/.test(t.text);
}

/** Heading shape: short, with no sentence punctuation (footnote marks ignored). */
export function looksLikeHeading(text: string): boolean {
  const bare = text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '').trim();
  return bare.length <= 40 && !/[。；：！？;:]/.test(bare) && !/[，,、]$/.test(bare);
}

export function structure(tokens: Token[], knownUrls: ReadonlySet<string>): Structured {
  const diagnostics: DraftDiagnostic[] = [];
  const blocks: DraftBlock[] = [];
  const notes: DraftNote[] = [];
  const lines = tokens.filter((t): t is TextLine => t.kind === 'line');
  const startIndex = lines.findIndex(isStart);
  const front = startIndex < 0 ? [] : lines.slice(0, startIndex);

  let nextPara = 1;
  let nextSub = 1;
  /** The body block that continuation lines join (survives a footnote block). */
  let body: DraftBlock | undefined;
  /** The note that continuation lines join while inside a page-bottom block. */
  let note: DraftNote | undefined;
  let inNoteBlock = false;
  let awaitingTitle: DraftHeading | undefined;
  let inToc = false;
  let tocLines = 0;
  let started = false;
  const firstStart = startIndex < 0 ? Infinity : lines[startIndex]!.no;

  /** Continuation lines per block, joined once at the end (linear even for a huge paragraph). */
  const joiners = new Map<{ text: string }, LineJoiner>();
  const append = (target: { text: string }, text: string) => {
    let joiner = joiners.get(target);
    if (!joiner) joiners.set(target, (joiner = lineJoiner(target.text, knownUrls)));
    joiner.add(text);
  };
  const open = (block: DraftBlock) => {
    blocks.push(block);
    body = block;
    note = undefined;
    inNoteBlock = false;
    awaitingTitle = block.type === 'heading' && block.text === '' ? block : undefined;
  };
  const heading = (t: TextLine, level: 1 | 2 | 3, label: string, key: string, text: string) => {
    const kind = (['chapter', 'section', 'subsection'] as const)[level - 1]!;
    open({ type: 'heading', line: t.no, level, kind, label, key, text });
    if (level < 3) nextSub = 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'line' && !started) {
      if (t.no < firstStart) continue;
      started = true;
    }
    if (!started || t.kind === 'blank') continue;
    if (t.kind === 'break') {
      inNoteBlock = false;
      note = undefined;
      continue;
    }
    const text = t.text;

    if (inToc) {
      if (TOC_ENTRY.test(t.raw) || TOC_ENTRY.test(text)) {
        tocLines++;
        continue;
      }
      inToc = false;
    }
    if (TOC_TITLE.test(text)) {
      inToc = true;
      tocLines++;
      continue;
    }
    if (NOTE_RULE.test(text)) {
      inNoteBlock = true;
      note = undefined;
      continue;
    }
    if (awaitingTitle) {
      awaitingTitle.text = text;
      awaitingTitle = undefined;
      continue;
    }

    const sup = SUP_NOTE.exec(text);
    if (sup) {
      notes.push({ line: t.no, mark: sup[1]!, n: fromSuperscript(sup[1]!), style: 'superscript', text: sup[2]! });
      note = undefined;
      continue;
    }
    if (inNoteBlock) {
      const bare = BARE_NOTE.exec(text);
      if (bare && !NUMBERED.test(text)) {
        note = { line: t.no, mark: bare[1]!, n: Number(bare[1]), style: 'bare', text: bare[2]! };
        notes.push(note);
        continue;
      }
      if (note && !startsBlock(text)) {
        append(note, text);
        continue;
      }
      inNoteBlock = false;
      note = undefined;
    }

    let m: RegExpExecArray | null;
    if ((m = CHAPTER.exec(text))) {
      heading(t, 1, `第${m[1]}章`, String(fromChinese(m[1]!) ?? m[1]), '');
    } else if ((m = CN_HEADING.exec(text))) {
      heading(t, 1, `${m[1]}.`, String(fromChinese(m[1]!) ?? m[1]), m[2]!);
    } else if ((m = LETTER_HEADING.exec(text))) {
      heading(t, 2, `${m[1]}.`, m[1]!.toLowerCase(), m[2]!);
    } else if ((m = NUMBERED.exec(text))) {
      const n = Number(m[1]);
      const next = nextContentLine(tokens, i);
      const nextIsPara = !!next && NUMBERED.exec(next.text)?.[1] === String(nextPara);
      const sub = n === nextSub && looksLikeHeading(m[2]!) && (n !== nextPara || nextIsPara);
      if (sub) {
        heading(t, 3, `${n}.`, String(n), m[2]!);
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
        open({ type: 'paragraph', line: t.no, n, text: m[2]! });
      }
    } else if ((m = ITEM.exec(text))) {
      open({ type: 'item', line: t.no, label: m[1]!, text: m[2]! });
    } else if (body && body.type !== 'heading' && body.type !== 'figure') {
      append(body, text);
    } else {
      open({ type: 'paragraph', line: t.no, text });
    }
  }
  for (const [target, joiner] of joiners) target.text = joiner.text();
  return { front, blocks, notes, tocLines, diagnostics };
}

function startsBlock(text: string): boolean {
  return CHAPTER.test(text) || CN_HEADING.test(text) || LETTER_HEADING.test(text) || NUMBERED.test(text) || ITEM.test(text);
}

function nextContentLine(tokens: Token[], i: number): TextLine | undefined {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'line') return t;
  }
  return undefined;
}
