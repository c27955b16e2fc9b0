/**
 * The paragraph backbone (docs/un-document-anatomy.md §0): paragraph numbers run 1…N through a
 * document, so the longest chain of numbered lines counting up by one is the paragraphs. A
 * numbered line on it is a paragraph (constructs/paragraphs.ts); a numbered line off it that
 * looks like a heading is a numbered sub-heading (`1. 条约机构` restarts under each section).
 */
import type { TextLine } from '../clean.ts';
import { decimalNumbered, numbered } from '../lines.ts';

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

/** A paragraph number as a pair: `2.1` → [2, 1], `3.` → [3, 0]. */
type Label = [number, number];

function labelOf(text: string): Label | undefined {
  const d = decimalNumbered(text);
  if (d) return [d.n, d.sub];
  const m = numbered(text);
  return m ? [m.n, 0] : undefined;
}

/** The labels that may come right before `[a, b]` in decimal numbering (a sub-number may skip one, a paragraph may have none). */
function decimalPredecessors([a, b]: Label): string[] {
  if (b === 0) return [`${a - 1}.0`, ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => `${a - 1}.${k}`)];
  if (b === 1) return [`${a}.0`, `${a - 1}.0`, ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => `${a - 1}.${k}`)];
  return [`${a}.${b - 1}`, `${a}.${b - 2}`];
}

/**
 * The decimal backbone of treaty bodies' Views on communications (§4): numbers `1.1`, `1.2`,
 * `2.1` … (and whole numbers `1.`, `3.` among them) in order. Indexes of the longest such chain
 * with at least two decimal numbers; empty when the text has none (`3.5%` lines stay text).
 */
export function decimalBackbone(lines: TextLine[]): Set<number> {
  const best = new Map<string, { length: number; at: number; decimals: number }>();
  const prev: number[] = [];
  let top: { length: number; at: number; decimals: number } | undefined;
  lines.forEach((t, i) => {
    const label = labelOf(t.text);
    if (!label) return;
    let from: { length: number; at: number; decimals: number } | undefined;
    for (const key of decimalPredecessors(label)) {
      const candidate = best.get(key);
      if (candidate && (!from || candidate.length > from.length)) from = candidate;
    }
    const here = { length: (from?.length ?? 0) + 1, at: i, decimals: (from?.decimals ?? 0) + (label[1] ? 1 : 0) };
    prev[i] = from ? from.at : -1;
    const key = `${label[0]}.${label[1]}`;
    const existing = best.get(key);
    if (!existing || here.length >= existing.length) best.set(key, here);
    if (!top || here.length >= top.length) top = here;
  });
  const chain = new Set<number>();
  if (!top || top.decimals < 2 || top.length < 3) return chain;
  for (let i = top.at; i >= 0; i = prev[i] ?? -1) chain.add(i);
  return chain;
}
