/**
 * Step 5 — footnotes: find the references in the text and pair them with the notes.
 *
 * Two encodings reach this step (the third, `[A/HRC/53/27](#)`, is a citation inside a note
 * and is read by the inline step): superscript digits (`¹²³`) and, in PDF page-bottom blocks,
 * bare numbers after punctuation (`…工作情况。1 报告…`). A bare number is a reference only
 * when it is the next note number expected; numbers followed by a counter word are counts.
 */
import type { DraftDiagnostic, DraftNote } from './draft.ts';
import { fromSuperscript, SUPERSCRIPT_RUN } from './numerals.ts';

export type Segment = string | { ref: number; id: string };

export interface Referenced {
  /** Per input text, the text split around its references. */
  segments: Segment[][];
  /** Per note number, the anchors of its references, in reading order. */
  refs: Map<number, string[]>;
  diagnostics: DraftDiagnostic[];
}

const COUNTER = /^\s?[名个项次年月日号份笔届%％亿万多余家所起件条点周岁倍]/;

export function findReferences(
  texts: { text: string; line: number }[],
  notes: DraftNote[],
): Referenced {
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
  const bare = notes.filter((n) => n.style === 'bare').map((n) => n.n).sort((a, b) => a - b);
  let expected = 0;

  const segments = texts.map(({ text, line }) => {
    const out: Segment[] = [];
    let rest = text;
    for (;;) {
      const sup = SUPERSCRIPT_RUN.exec(rest);
      SUPERSCRIPT_RUN.lastIndex = 0;
      const bareHit = expected < bare.length ? findBare(rest, bare.slice(expected, expected + 3)) : undefined;
      if (!sup && !bareHit) break;
      if (sup && (!bareHit || sup.index <= bareHit.index)) {
        const n = fromSuperscript(sup[0]);
        out.push(rest.slice(0, sup.index));
        if (numbers.has(n)) out.push(anchor(n));
        else {
          diagnostics.push({ code: 'note-missing', line, message: `footnote reference ${sup[0]} (${n}) has no note` });
          out.push(sup[0]);
        }
        rest = rest.slice(sup.index + sup[0].length);
      } else {
        const hit = bareHit!;
        out.push(rest.slice(0, hit.index).replace(/\s$/, ''));
        out.push(anchor(hit.n));
        expected = bare.indexOf(hit.n) + 1;
        rest = rest.slice(hit.index + hit.length).replace(/^\s+(?=[\u4e00-\u9fff])/, '');
      }
    }
    out.push(rest);
    return out.filter((s) => s !== '');
  });

  for (const note of notes) {
    if (!refs.has(note.n)) {
      diagnostics.push({ code: 'note-unreferenced', line: note.line, message: `footnote ${note.mark} is never referenced in the text` });
    }
  }
  return { segments, refs, diagnostics };
}

/** The earliest bare reference to one of the candidate note numbers, after punctuation. */
function findBare(text: string, candidates: number[]): { index: number; length: number; n: number } | undefined {
  let best: { index: number; length: number; n: number } | undefined;
  for (const n of candidates) {
    const re = new RegExp(`(?<=[。，；：、”’）)」』.;])\\s?${n}(?=\\s|$)`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (COUNTER.test(text.slice(m.index + m[0].length))) continue;
      if (!best || m.index < best.index) best = { index: m.index, length: m[0].length, n };
      break;
    }
  }
  return best;
}
