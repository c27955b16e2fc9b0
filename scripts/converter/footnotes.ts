/**
 * Step 5 — footnotes: find the references in the text and pair them with the notes.
 *
 * Two encodings reach this step (the third, `[A/HRC/53/27](#)`, is a citation inside a note
 * and is read by the inline step): superscript digits (`¹²³`) and, in PDF page-bottom blocks,
 * bare numbers after punctuation (`…工作情况。1 报告…`). A bare number is a reference only
 * when it is the next note number expected; numbers followed by a counter word are counts.
 */
import type { DraftDiagnostic, DraftNote } from './draft.ts';
import { fromSuperscript } from './numerals.ts';

export type Segment = string | { ref: number; id: string };

export interface Referenced {
  /** Per input text, the text split around its references. */
  segments: Segment[][];
  /** Per note number, the anchors of its references, in reading order. */
  refs: Map<number, string[]>;
  diagnostics: DraftDiagnostic[];
}

const COUNTER = /^\s?[名个项次年月日号份笔届%％亿万多余家所起件条点周岁倍]/;
/** A superscript run, or a bare number right after punctuation (and at most one space) and before white space or the end. */
/**
 * A bare reference's digit run is taken whole (`(?=(\d+))\1`, a possessive `+`): a shorter run is
 * followed by a digit, never by a blank or the end, so giving digits back only cost time (recheck
 * found the backtracking polynomial). The number is group 1.
 */
const TOKEN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[。，；：、”’）)」』》.;])\s?(?=(\d+))\1(?=\s|$)/g;

export function findReferences(texts: { text: string; line: number }[], notes: DraftNote[]): Referenced {
  const numbers = new Set(notes.map((n) => n.n));
  const refs = new Map<number, string[]>();
  const diagnostics: DraftDiagnostic[] = [];
  const anchor = (n: number) => {
    const list = refs.get(n) ?? [];
    const id = list.length ? `fnref-${n}-${list.length + 1}` : `fnref-${n}`;
    list.push(id);
    refs.set(n, list);
    return { ref: n, id };
  };
  const bare = notes
    .filter((n) => n.style === 'bare')
    .map((n) => n.n)
    .sort((a, b) => a - b);
  const bareIndex = new Map<number, number>();
  bare.forEach((n, i) => bareIndex.has(n) || bareIndex.set(n, i));
  let expected = 0;

  // One left-to-right pass per text: each candidate token is looked at once (linear time).
  const segments = texts.map(({ text, line }) => {
    const out: Segment[] = [];
    let last = 0;
    for (const m of text.matchAll(TOKEN)) {
      const end = m.index + m[0].length;
      if (m[1] === undefined) {
        const n = fromSuperscript(m[0]);
        out.push(text.slice(last, m.index));
        if (numbers.has(n)) out.push(anchor(n));
        else {
          diagnostics.push({ code: 'note-missing', line, message: `footnote reference ${m[0]} (${n}) has no note` });
          out.push(m[0]);
        }
        last = end;
        continue;
      }
      // A bare number is a reference when it is one of the next three note numbers expected.
      const n = Number(m[1]);
      const at = bareIndex.get(n);
      if (m[1].startsWith('0') || at === undefined || at < expected || at >= expected + 3) continue;
      if (COUNTER.test(text.slice(end, end + 2))) continue;
      out.push(text.slice(last, m.index).replace(/\s$/, ''));
      out.push(anchor(n));
      expected = at + 1;
      last = end;
      let next = end;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (next > end && /[\u4e00-\u9fff]/.test(text[next] ?? '')) last = next;
    }
    out.push(text.slice(last));
    return out.filter((s) => s !== '');
  });

  for (const note of notes) {
    if (!refs.has(note.n)) {
      diagnostics.push({ code: 'note-unreferenced', line: note.line, message: `footnote ${note.mark} is never referenced in the text` });
    }
  }
  return { segments, refs, diagnostics };
}
