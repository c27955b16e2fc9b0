/**
 * The paragraph backbone (docs/un-document-anatomy.md §0): paragraph numbers run 1…N through a
 * document, so the longest chain of numbered lines counting up by one is the paragraphs. A
 * numbered line on it is a paragraph (constructs/paragraphs.ts); a numbered line off it that
 * looks like a heading is a numbered sub-heading (`1. 条约机构` restarts under each section).
 */
import type { TextLine } from '../clean.ts';
import { numbered } from '../lines.ts';

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
