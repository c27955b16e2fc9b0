/**
 * How the site shows a reworded paragraph or note (ReportChanges.astro, "本版变更"): the one
 * changed span between the shared beginning and end, with a little context around it, cut at
 * word and number boundaries. Display only: the difference itself (which passages were reworded,
 * their old and new text) is the model's (scripts/model/changes.ts).
 */

/** A rewording shown as the changed middle between the shared beginning and end. */
export interface Rewording {
  /** Shared text before the change, cut to its last `context` characters (`…` when cut). */
  before: string;
  removed: string;
  added: string;
  after: string;
}

/**
 * Runs of text a cut must not split, as code-point spans: numbers with their separators and
 * percent sign (`1,234.5`, `50 %`), words and symbols (`A/HRC/55/69`).
 */
const TOKEN = /[A-Za-z0-9\uFF10-\uFF19]+(?:[/.,:\-][A-Za-z0-9\uFF10-\uFF19]+)*(?: ?[%\uFF05])?/g;

function tokenSpans(text: string): [number, number][] {
  // UTF-16 offset → code-point index.
  const cp: number[] = [];
  let n = 0;
  for (const ch of text) {
    cp.push(n);
    if (ch.length === 2) cp.push(n);
    n += 1;
  }
  cp.push(n);
  return [...text.matchAll(TOKEN)].map((m) => [cp[m.index]!, cp[m.index + m[0].length]!]);
}

/** The token a cut before code point `i` would split, if any. */
function splitAt(spans: [number, number][], i: number): [number, number] | undefined {
  return spans.find(([s, e]) => s < i && i < e);
}

/**
 * Where two wordings differ: the longest shared prefix and suffix are kept as context around
 * the one changed span, so a reader sees `…人权高专办<del></del><ins>（修订本）</ins>为庆祝…`
 * instead of two whole paragraphs. No boundary falls inside a number or a word: `150 %` →
 * `250 %` is shown as `150 %` → `250 %`, not as a changed `1` before a shared `50 %`, and the
 * context is widened rather than cut to `…0 %`.
 */
export function rewording(old: string, now: string, context = 24): Rewording {
  const a = [...old];
  const b = [...now];
  const ta = tokenSpans(old);
  const tb = tokenSpans(now);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  for (let moved = true; moved;) {
    moved = false;
    const s = Math.min(splitAt(ta, start)?.[0] ?? start, splitAt(tb, start)?.[0] ?? start);
    if (s < start) [start, moved] = [s, true];
    const ea = splitAt(ta, a.length - end)?.[1];
    const eb = splitAt(tb, b.length - end)?.[1];
    const e = Math.min(ea === undefined ? end : a.length - ea, eb === undefined ? end : b.length - eb);
    if (e < end) [end, moved] = [e, true];
  }
  let from = Math.max(0, start - context);
  from = splitAt(ta, from)?.[0] ?? from;
  const tailStart = a.length - end;
  let to = Math.min(a.length, tailStart + context);
  to = splitAt(ta, to)?.[1] ?? to;
  return {
    before: (from > 0 ? '…' : '') + a.slice(from, start).join(''),
    removed: a.slice(start, tailStart).join(''),
    added: b.slice(start, b.length - end).join(''),
    after: a.slice(tailStart, to).join('') + (to < a.length ? '…' : ''),
  };
}
