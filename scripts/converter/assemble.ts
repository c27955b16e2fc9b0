/**
 * Step 7 — assemble: draft blocks + references + inline parsing → the model's blocks and notes,
 * with stable anchors: `h-2-a-1` for headings (the chain of their labels), `p-12` for
 * paragraph 12, `p-27-a` for item (a) of paragraph 27, `b-3` for unnumbered text, `cap-1` for an
 * infographic caption (numbered apart, so keeping one never moves the `b-` anchors), `fig-1`,
 * `fn-3` for note 3. A repeated anchor gets a suffix (`p-12-2`) and a warning.
 */
import { plainText } from '../model/plain.ts';
import type { DraftBlock, DraftDiagnostic, DraftNote } from './draft.ts';
import { findReferences, type Segment } from './footnotes.ts';
import { parseInline, type InlineContext } from './inline.ts';
import type { Block, Inline, Note } from '../model/schema.ts';
import { itemAnchor, noteAnchor, paragraphAnchor } from '../model/places.ts';

export interface Assembled {
  blocks: Block[];
  notes: Note[];
  diagnostics: DraftDiagnostic[];
}

export function assemble(drafts: DraftBlock[], draftNotes: DraftNote[], ctx: InlineContext): Assembled {
  const diagnostics: DraftDiagnostic[] = [];
  const texts = drafts.map((d) => ({ text: d.type === 'figure' ? d.caption : d.text, line: d.line }));
  const referenced = findReferences(texts, draftNotes);
  for (const d of referenced.diagnostics) diagnostics.push(d);
  const inline = (segments: Segment[]) => toInline(segments, ctx);

  const unique = anchors(diagnostics);

  const blocks: Block[] = [];
  const chain: string[] = [];
  /** Anchors numbered in sequence, one sequence per prefix (`b`, `cap`, `photo`, `fig`, `u`). */
  const counters = new Map<string, number>();
  const next = (prefix: string) => counters.set(prefix, (counters.get(prefix) ?? 0) + 1).get(prefix)!;
  drafts.forEach((d, i) => {
    const content = inline(referenced.segments[i]!);
    if (d.type === 'heading') {
      let key: string;
      if (d.key) {
        chain.length = d.level - 1;
        chain.push(d.key);
        key = chain.filter(Boolean).join('-');
      } else key = `u${next('u')}`;
      blocks.push({ type: 'heading', id: unique(`h-${key}`, d.line), line: d.line, level: d.level, kind: d.kind, label: d.label, content });
    } else if (d.type === 'paragraph') {
      const prefix = d.caption ? 'cap' : d.photo ? 'photo' : 'b';
      const id = d.n ? paragraphAnchor(d.label ?? d.n) : `${prefix}-${next(prefix)}`;
      const kinds = {
        ...(d.n ? { n: d.n } : {}),
        ...(d.label ? { label: d.label } : {}),
        ...(d.photo ? { photo: true as const } : {}),
        ...(d.by ? { by: d.by } : {}),
      };
      blocks.push({ type: 'paragraph', id: unique(id, d.line), line: d.line, ...kinds, content });
    } else if (d.type === 'figure') {
      blocks.push({ type: 'figure', id: unique(`fig-${next('fig')}`, d.line), line: d.line, value: d.value, caption: plainText(content) });
    } else {
      const last = blocks.at(-1);
      const owner = last?.type === 'list' ? last : undefined;
      const parent = owner ? owner.id.replace(/-list$/, '') : last && last.type !== 'heading' ? last.id : `l-${blocks.length + 1}`;
      const item = { id: unique(itemAnchor(d.parent ? itemAnchor(parent, d.parent) : parent, d.label), d.line), line: d.line, label: d.label, content };
      if (owner) owner.items.push(item);
      else blocks.push({ type: 'list', id: unique(`${parent}-list`, d.line), line: d.line, items: [item] });
    }
  });

  const noteSegments = findNoteInlines(draftNotes, ctx);
  const notes: Note[] = [];
  let lastCited: string | undefined;
  draftNotes.forEach((d, i) => {
    const content = noteSegments[i]!;
    const cited = content.filter((c) => c.type === 'doc').map((c) => (c.type === 'doc' ? c.symbol : ''));
    const ibid = /^同上/.test(d.text) ? lastCited : undefined;
    if (/^同上/.test(d.text) && !ibid) {
      diagnostics.push({ code: 'ibid-unresolved', line: d.line, message: `footnote ${d.mark} says 同上 (ibid) but no earlier note cites a document` });
    }
    lastCited = cited.at(-1) ?? ibid ?? lastCited;
    notes.push({
      id: unique(noteAnchor(d.n), d.line),
      line: d.line,
      n: d.n,
      mark: d.mark,
      content,
      refs: referenced.refs.get(d.n) ?? [],
      ...(ibid ? { ibid } : {}),
    });
  });
  return { blocks, notes, diagnostics };
}

function findNoteInlines(notes: DraftNote[], ctx: InlineContext): Inline[][] {
  return notes.map((n) => parseInline(n.text, ctx));
}

function toInline(segments: Segment[], ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  for (const s of segments) {
    // One push per node: spreading an input-sized array into push() overflows the stack (60 000 citations in one paragraph).
    if (typeof s === 'string') for (const node of parseInline(s, ctx)) out.push(node);
    else out.push({ type: 'noteRef', n: s.ref, id: s.id });
  }
  return mergeText(out);
}

function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else if (node.type !== 'text' || node.value !== '') out.push(node);
  }
  return out;
}

/**
 * Unique anchors: an id used before gets the next free suffix (`-2`, `-3` …), with a
 * `duplicate-anchor` diagnostic naming the line.
 */
function anchors(diagnostics: DraftDiagnostic[]): (id: string, line: number) => string {
  const used = new Set<string>();
  /** Per repeated anchor, the next suffix to try: the n-th repeat does not probe `-2` … `-n` again. */
  const nextSuffix = new Map<string, number>();
  return (id: string, line: number) => {
    let candidate = id;
    if (used.has(candidate)) {
      let k = nextSuffix.get(id) ?? 2;
      while (used.has(`${id}-${k}`)) k++;
      candidate = `${id}-${k}`;
      nextSuffix.set(id, k + 1);
    }
    if (candidate !== id) diagnostics.push({ code: 'duplicate-anchor', line, message: `anchor #${id} is used twice; this one is #${candidate}` });
    used.add(candidate);
    return candidate;
  };
}
