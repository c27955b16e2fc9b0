/**
 * Text accounting (docs/un-document-anatomy.md, "Text accounting"): every non-whitespace
 * character of a seed ends up in the model or in a listed drop with its line and reason.
 *
 * Each step that takes text into the model calls `keep` with exactly what it took (a paragraph
 * line, a printed label, a cover-page field), and each step that leaves text out calls `drop`.
 * `unaccounted` then compares, line by line, what the input held with what was kept or dropped:
 * a line whose characters went nowhere is a converter defect, reported instead of lost.
 */
import { nonSpaceLength } from './chars.ts';

/** Why text is not on the page. Each reason is explained in the anatomy document. */
export type DropReason =
  | 'running-header'
  | 'running-footer'
  | 'job-number'
  | 'barcode'
  | 'recycle-mark'
  | 'hyperlink-line'
  | 'replacement-char'
  | 'control-char'
  | 'table-of-contents'
  | 'note-rule'
  | 'masthead'
  | 'infographic-debris'
  | 'web-chrome';

export interface Drop {
  line: number;
  reason: DropReason;
  text: string;
}

export interface Ledger {
  readonly kept: Map<number, number>;
  readonly drops: Drop[];
}

export function newLedger(): Ledger {
  return { kept: new Map(), drops: [] };
}

/** Non-whitespace characters of a string (UTF-16 code units, the same on both sides of the sum). */
export function weight(text: string): number {
  return nonSpaceLength(text);
}

/** Record that `text` of line `line` went into the model. */
export function keep(ledger: Ledger, line: number, text: string): void {
  const w = weight(text);
  if (w) ledger.kept.set(line, (ledger.kept.get(line) ?? 0) + w);
}

/** Record that `text` of line `line` was left out, and why. */
export function drop(ledger: Ledger, line: number, text: string, reason: DropReason): void {
  if (weight(text)) ledger.drops.push({ line, reason, text });
}

/** Text first kept, then left out after all (an organ line once a more specific body follows). */
export function release(ledger: Ledger, line: number, text: string, reason: DropReason): void {
  ledger.kept.set(line, (ledger.kept.get(line) ?? 0) - weight(text));
  drop(ledger, line, text, reason);
}

/** Drops that turn out to be model text after all (a symbol alone on a cover line): kept instead. */
export function reclaim(ledger: Ledger, which: (d: Drop) => boolean): void {
  const stay = ledger.drops.filter((d) => !which(d));
  for (const d of ledger.drops) if (which(d)) keep(ledger, d.line, d.text);
  ledger.drops.splice(0, ledger.drops.length, ...stay);
}

/** Drops counted by reason (lines, or characters for single-character drops), sorted by reason. */
export function dropCounts(ledger: Ledger): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of ledger.drops) counts[d.reason] = (counts[d.reason] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** The three sums of the accounting: input characters, kept, dropped. */
export function totals(ledger: Ledger, sourceLines: readonly string[]): { input: number; kept: number; dropped: number } {
  let input = 0;
  for (const line of sourceLines) input += weight(line);
  let kept = 0;
  for (const n of ledger.kept.values()) kept += n;
  let dropped = 0;
  for (const d of ledger.drops) dropped += weight(d.text);
  return { input, kept, dropped };
}

/**
 * Lines whose characters are neither kept nor dropped (or kept twice), with the difference:
 * `missing > 0` means text was lost, `< 0` that it was counted twice.
 */
export function unaccounted(ledger: Ledger, sourceLines: readonly string[]): { line: number; missing: number }[] {
  const dropped = new Map<number, number>();
  for (const d of ledger.drops) dropped.set(d.line, (dropped.get(d.line) ?? 0) + weight(d.text));
  const out: { line: number; missing: number }[] = [];
  sourceLines.forEach((source, i) => {
    const line = i + 1;
    const missing = weight(source) - (ledger.kept.get(line) ?? 0) - (dropped.get(line) ?? 0);
    if (missing !== 0) out.push({ line, missing });
  });
  return out;
}
