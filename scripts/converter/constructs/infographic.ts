/**
 * Step 3 (alternative) — structure for text without numbered paragraphs, such as the
 * infographic pages of the Secretary-General's report: groups of lines → key figures
 * (a number line followed by its caption), headings, prose paragraphs, photo captions (the text
 * before a credit line `（纽约，2023 年 4 月）© 联合国图库 / …`, with that credit); the rest (map
 * labels, chart ticks, page furniture repeated on a line) is debris, dropped and counted.
 * Columns extracted out of order are put back where the text says so (`readingOrder`).
 */
import type { Token, TextLine } from '../clean.ts';
import type { DraftBlock, DraftDiagnostic, DraftParagraph } from '../draft.ts';
import { lineJoiner } from '../join.ts';
import { drop as dropText, keep, type Ledger } from '../ledger.ts';
import { headingLine, numbered } from '../lines.ts';
import { backbone } from './backbone.ts';

export interface Unstructured {
  blocks: DraftBlock[];
  /** Where the reading order was repaired, or could not be (`reading-order`). */
  diagnostics: DraftDiagnostic[];
}

/**
 * Infographic pages, not a report: no paragraph backbone, no headings, and mostly short lines
 * (labels, figures, captions) with figures printed on lines of their own. Prose that the structure
 * step cannot read never comes here: it is shown as text, with a warning.
 */
export function isInfographic(tokens: Token[]): boolean {
  const lines = tokens.filter((t): t is TextLine => t.kind === 'line');
  if (lines.length < 10 || backbone(lines).size >= 2) return false;
  if (lines.some((l) => headingLine(l.text) && !numbered(l.text))) return false;
  const short = lines.filter((l) => l.text.length <= 16).length;
  const figures = lines.filter((l) => FIGURE_LINE.test(l.text)).length;
  return short / lines.length >= 0.4 && figures >= 3;
}

/** A figure as printed on its own line: `47 000`, `3.99亿美元`, `11`, `43.15%`. */
export const FIGURE_LINE = /^\d+(?:[ ,]\d{3})*(?:\.\d+)?\s*(?:[万亿]\s*)?(?:美元|%|％)?$/;
const SENTENCE = /[。！？；]/;
const MAX_HEADING = 16;
/** Map and chart notes: `a\t 提及科索沃时…`. */
const NOTE_MARK = /^[a-z]\t/;

export function unstructured(tokens: Token[], knownUrls: ReadonlySet<string>, ledger: Ledger): Unstructured {
  const groups = splitGroups(tokens);
  const blocks: DraftBlock[] = [];
  const seen = new Set<string>();
  const drop = (lines: TextLine[]) => {
    for (const l of lines) dropText(ledger, l.no, l.text, 'infographic-debris');
  };
  const join = (lines: TextLine[]) => {
    const joiner = lineJoiner('', knownUrls);
    for (const l of lines) joiner.add(l.text);
    return untab(joiner.text());
  };
  const take = (lines: TextLine[]) => {
    for (const l of lines) keep(ledger, l.no, l.text);
  };

  const texts = groups.map(join);
  const headingBefore = (gi: number) => isHeadingBefore(groups, texts, gi);

  /** The group each block came from: a credit or an attribution belongs to the block of the group just before it. */
  const from = new Map<DraftBlock, number>();
  groups.forEach((group, gi) => {
    const count = blocks.length;
    settleGroup(group, gi, texts[gi]!);
    for (const b of blocks.slice(count)) from.set(b, gi);
  });
  return readingOrder(blocks);

  function settleGroup(group: TextLine[], gi: number, text: string): void {
    const last = blocks.at(-1);
    const previous = last?.type === 'paragraph' && from.get(last) === gi - 1 ? last : undefined;
    if (isCredit(text)) {
      take(group);
      if (previous && !previous.photo && !previous.caption) {
        previous.photo = true;
        previous.text = `${previous.text} ${text}`;
      } else blocks.push({ type: 'paragraph', line: group[0]!.no, photo: true, text });
      return;
    }
    if (previous && body(previous) && !previous.by && isPullQuote(previous.text) && isAttribution(group, text, headingBefore(gi))) {
      take(group);
      previous.by = text;
      return;
    }
    const figureAt = group.findIndex((l, i) => FIGURE_LINE.test(l.text) && i + 1 < group.length && /^[\u4e00-\u9fff\d]/.test(group[i + 1]!.text));
    if (figureAt >= 0) {
      drop(group.slice(0, figureAt));
      const line = group[figureAt]!;
      take(group.slice(figureAt));
      blocks.push({ type: 'figure', line: line.no, value: line.text, caption: join(group.slice(figureAt + 1)) });
      return;
    }
    if (seen.has(text) || (!SENTENCE.test(text) && isRepeatedFurniture(text))) {
      drop(group);
      return;
    }
    seen.add(text);
    const first = group[0]!;
    const kept = isProse(text) || headingBefore(gi) || (group.length === 1 && isCountedStatement(text));
    if (kept) take(group);
    if (isProse(text)) {
      if (group.length > 1 && isHeadingText(first.text) && isProse(join(group.slice(1)))) {
        blocks.push({ type: 'heading', line: first.no, level: 1, kind: 'chapter', label: '', key: '', text: first.text });
        blocks.push({ type: 'paragraph', line: group[1]!.no, text: join(group.slice(1)) });
      } else {
        blocks.push({ type: 'paragraph', line: first.no, text });
      }
    } else if (headingBefore(gi)) {
      blocks.push({ type: 'heading', line: first.no, level: 1, kind: 'chapter', label: '', key: '', text });
    } else if (group.length === 1 && isCountedStatement(text)) {
      blocks.push({ type: 'paragraph', line: first.no, text, caption: true });
    } else {
      drop(group);
    }
  }
}

/**
 * A tab on these pages separates a label from what it labels (a map note's mark from its note,
 * `a\t 提及…`; a figure from its unit): on the page the run of blanks around it is one space, as
 * the reader sees it, and a copy of the text holds no tab. Blanks without a tab stay as they are.
 */
export function untab(text: string): string {
  return text.replace(/[ \t]+/g, (run) => (run.includes('\t') ? ' ' : run));
}

/** A photo credit: `（纽约，2023 年 4 月 ) © 联合国图库 / 曼努埃尔·埃利亚斯`, `( 内罗毕，2022 年 8 月 )。© 人权高专办`. */
function isCredit(text: string): boolean {
  return text.length <= 80 && /©/.test(text) && /^[（(]/.test(text);
}

/** Group `gi` is one short line heading the prose of the group after it (not a map or chart note); `texts` are the groups' texts. */
function isHeadingBefore(groups: TextLine[][], texts: string[], gi: number): boolean {
  const after = groups[gi + 1];
  return groups[gi]!.length === 1 && isHeadingText(texts[gi]!) && !!after && isProse(texts[gi + 1]!) && !NOTE_MARK.test(after[0]!.text);
}

/** A paragraph that is one quotation and nothing else (`“人权不是…基础。”`): a pull-quote. */
const PULL_QUOTE = /^[“「『"][^“”「」『』"]+[”」』"][。.]?$/;
/** The dash an attribution line may open with: `——某某`, `—某某`, `－－某某`. */
const ATTRIBUTION_DASH = /^(?:——|—|－－|--)\s*\S/;
/** How long an attribution line may be: a name with a title, never a passage. */
const MAX_ATTRIBUTION = 40;

function isPullQuote(text: string): boolean {
  return PULL_QUOTE.test(text.trim());
}

/**
 * The line under a pull-quote that says who said it: short (one or two lines, at most 40
 * characters), no sentence and no figure. Opening with a dash (`——某某`), it is one whatever
 * follows; without a dash (`某机构主任某某`), only when it is not a heading over the prose after
 * it (`heading`).
 */
function isAttribution(group: TextLine[], text: string, heading: boolean): boolean {
  if (group.length > 2 || text.length > MAX_ATTRIBUTION || SENTENCE.test(text) || FIGURE_LINE.test(text) || NOTE_MARK.test(group[0]!.text)) return false;
  return ATTRIBUTION_DASH.test(text) || !heading;
}

/** Sentence-closing punctuation a paragraph ends with when its last sentence is whole. */
const CLOSED = /[。！？；：…”’」』）)\]】.!?]$/;
/** A text that starts inside a sentence: a fragment of at most 4 characters before its first full stop (`传工作。我们…`); a whole sentence is longer. */
const MID_SENTENCE = /^[^“‘《（(「『【\s]{1,4}[。！？；]/;

const body = (b: DraftBlock): b is DraftParagraph => b.type === 'paragraph' && !b.photo && !b.caption && b.n === undefined;

/**
 * Columns an extraction put out of order: a paragraph that ends mid-sentence (`…方案拟订和宣`)
 * is continued by the one paragraph that begins mid-sentence (`传工作。我们…`), wherever that is;
 * the two become one paragraph, at the place of whichever came first (the continuation usually
 * comes first when a page's second column was read before its first). Joined with a warning that
 * names both lines; a paragraph ending mid-sentence with no single continuation is only warned about.
 */
export function readingOrder(input: DraftBlock[]): Unstructured {
  const blocks = [...input];
  const diagnostics: DraftDiagnostic[] = [];
  const open = blocks.filter((b): b is DraftParagraph => body(b) && !CLOSED.test(b.text.trim()));
  const used = new Set<DraftParagraph>();
  for (const start of open) {
    const rest = blocks.filter((b): b is DraftParagraph => body(b) && b !== start && !used.has(b) && MID_SENTENCE.test(b.text));
    const tail = `…${start.text.trim().slice(-8)}`;
    if (rest.length !== 1) {
      const why = rest.length
        ? `${rest.length} paragraphs (lines ${rest.map((b) => b.line).join(', ')}) could continue it`
        : 'no paragraph begins mid-sentence to continue it';
      diagnostics.push({
        code: 'reading-order',
        line: start.line,
        message: `a paragraph ends mid-sentence ("${tail}") and ${why}: the page may read out of order there`,
      });
      continue;
    }
    const next = rest[0]!;
    used.add(next);
    const joined: DraftParagraph = { type: 'paragraph', line: start.line, text: `${start.text.trimEnd()}${next.text.trimStart()}` };
    const at = Math.min(blocks.indexOf(start), blocks.indexOf(next));
    blocks.splice(blocks.indexOf(start), 1);
    blocks.splice(blocks.indexOf(next), 1);
    blocks.splice(at, 0, joined);
    diagnostics.push({
      code: 'reading-order',
      line: start.line,
      message: `a paragraph ends mid-sentence ("${tail}") and the one at line ${next.line} begins mid-sentence ("${next.text.trim().slice(0, 8)}…"): joined into one paragraph in that order; check it reads right`,
    });
  }
  return { blocks, diagnostics };
}

function isProse(text: string): boolean {
  return SENTENCE.test(text) || text.length >= 40;
}

/**
 * A map or chart caption that states a count in a sentence of its own
 * (`联合国在世界各地 103 个地点维护人权`): kept as text, since it is a figure a reader can cite.
 */
function isCountedStatement(text: string): boolean {
  const cjk = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return cjk >= 8 && /[\u4e00-\u9fff]\s*\d+\s*[个名次份项所处]\s*[\u4e00-\u9fff]/.test(text);
}

function isHeadingText(text: string): boolean {
  return text.length <= MAX_HEADING && !/[\d。，；：、“”《(（]/.test(text);
}

/** A line that repeats a run of 5+ characters (`促进和保护人权 促进和保护人权`) is page furniture. */
function isRepeatedFurniture(text: string): boolean {
  if (text.length > 200) return false;
  for (let len = 5; len * 2 <= text.length; len++) {
    for (let i = 0; i + len * 2 <= text.length; i++) {
      if (text.indexOf(text.slice(i, i + len), i + len) >= 0) return true;
    }
  }
  return false;
}

/** Runs of lines without blank lines; a line indented by the layout starts a new run. */
function splitGroups(tokens: Token[]): TextLine[][] {
  const groups: TextLine[][] = [];
  let current: TextLine[] = [];
  const flush = () => {
    if (current.length) groups.push(current);
    current = [];
  };
  for (const t of tokens) {
    if (t.kind !== 'line') flush();
    else {
      if (/^\s/.test(t.raw) || NOTE_MARK.test(t.text)) flush();
      current.push(t);
    }
  }
  flush();
  return groups;
}
