/**
 * Step 3 (alternative) — structure for text without numbered paragraphs, such as the
 * infographic pages of the Secretary-General's report: groups of lines → key figures
 * (a number line followed by its caption), headings, prose paragraphs; the rest (map labels,
 * chart ticks, page furniture repeated on a line) is debris, dropped and counted.
 */
import type { Token, TextLine } from '../clean.ts';
import type { DraftBlock } from '../draft.ts';
import { lineJoiner } from '../join.ts';
import { drop as dropText, keep, type Ledger } from '../ledger.ts';
import { headingLine, numbered } from '../lines.ts';
import { backbone } from './backbone.ts';

export interface Unstructured {
  blocks: DraftBlock[];
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
    return joiner.text();
  };
  const take = (lines: TextLine[]) => {
    for (const l of lines) keep(ledger, l.no, l.text);
  };

  groups.forEach((group, gi) => {
    const figureAt = group.findIndex((l, i) => FIGURE_LINE.test(l.text) && i + 1 < group.length && /^[\u4e00-\u9fff\d]/.test(group[i + 1]!.text));
    if (figureAt >= 0) {
      drop(group.slice(0, figureAt));
      const line = group[figureAt]!;
      take(group.slice(figureAt));
      blocks.push({ type: 'figure', line: line.no, value: line.text, caption: join(group.slice(figureAt + 1)) });
      return;
    }
    const text = join(group);
    if (seen.has(text) || (!SENTENCE.test(text) && isRepeatedFurniture(text))) {
      drop(group);
      return;
    }
    seen.add(text);
    const first = group[0]!;
    const kept =
      isProse(text) ||
      (group.length === 1 && isHeadingText(text) && groups[gi + 1] && isProse(join(groups[gi + 1]!)) && !NOTE_MARK.test(groups[gi + 1]![0]!.text)) ||
      (group.length === 1 && isCountedStatement(text));
    if (kept) take(group);
    if (isProse(text)) {
      if (group.length > 1 && isHeadingText(first.text) && isProse(join(group.slice(1)))) {
        blocks.push({ type: 'heading', line: first.no, level: 1, kind: 'chapter', label: '', key: '', text: first.text });
        blocks.push({ type: 'paragraph', line: group[1]!.no, text: join(group.slice(1)) });
      } else {
        blocks.push({ type: 'paragraph', line: first.no, text });
      }
    } else if (group.length === 1 && isHeadingText(text) && groups[gi + 1] && isProse(join(groups[gi + 1]!)) && !NOTE_MARK.test(groups[gi + 1]![0]!.text)) {
      blocks.push({ type: 'heading', line: first.no, level: 1, kind: 'chapter', label: '', key: '', text });
    } else if (group.length === 1 && isCountedStatement(text)) {
      blocks.push({ type: 'paragraph', line: first.no, text, caption: true });
    } else {
      drop(group);
    }
  });
  return { blocks };
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
