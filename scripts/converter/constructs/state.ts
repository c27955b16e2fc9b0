/**
 * The state of reading a report's body, passed explicitly to each construct's handler
 * (constructs/*.ts) by the dispatcher (structure.ts), in the style of mdast-util-to-markdown's
 * `state`: what has been read so far (blocks, notes, contents, diagnostics) and what the next
 * line needs to know (the open block, the open note, the next paragraph number…). A handler
 * takes one line, returns whether the line was its construct, and records what it read here.
 */
import type { TextLine, Token } from '../clean.ts';
import type { ContentsEntry, DraftBlock, DraftDiagnostic, DraftHeading, DraftNote } from '../draft.ts';
import { lineJoiner, type LineJoiner } from '../join.ts';
import { keep, type Ledger } from '../ledger.ts';

export interface BodyState {
  readonly tokens: Token[];
  /** Indexes (into the text lines) of the paragraph backbone, and the lines themselves. */
  readonly chain: Set<number>;
  readonly onChain: Set<TextLine>;
  /** The title carries note marks (`…结论性意见*`): a `*` line in the body is its note. */
  readonly titleMarked: boolean;
  /** The backbone is decimal (`1.1`, `2.1`, Views on communications): paragraphs keep their printed number. */
  readonly decimal: boolean;
  /** The typical full line width (0 when the text is too short to know). */
  readonly width: number;
  /** The cover page has a summary label (`概要`) of its own. */
  readonly coverSummary: boolean;
  readonly knownUrls: ReadonlySet<string>;
  readonly ledger: Ledger;
  /** Index into `tokens` of the line being read; a construct that reads several lines moves it to its last. */
  at: number;
  /** The text line before this one, and whether a blank line separates them. */
  previous: TextLine | undefined;
  afterBlank: boolean;

  blocks: DraftBlock[];
  notes: DraftNote[];
  /** `*` notes printed at the foot of the first page (they belong to the title). */
  starNotes: string[];
  contents: ContentsEntry[];
  /** The report's summary printed after the contents page (constructs/headings.ts): its label and lines. */
  summary: { label: TextLine; lines: (TextLine | 'gap')[] } | undefined;
  diagnostics: DraftDiagnostic[];

  nextPara: number;
  nextSub: number;
  /** The body block that continuation lines join (survives a footnote block). */
  body: DraftBlock | undefined;
  /** The note that continuation lines join while inside a page-bottom block. */
  note: DraftNote | undefined;
  inNoteBlock: boolean;
  /** A heading printed without its title (`附件一`), waiting for the title on the next line. */
  awaitingTitle: DraftHeading | undefined;
  /** The letter of the last lettered item, for nesting roman items under it. */
  lastLetter: string | undefined;
  /** Inside a resolution's preamble (constructs/preamble.ts). */
  preamble: boolean;
  /** Continuation lines per block, joined once at the end (linear even for a huge paragraph). */
  joiners: Map<{ text: string }, LineJoiner>;
}

/** A construct's handler: true when `t` was its construct (the dispatcher then reads the next line). */
export type Construct = (t: TextLine, state: BodyState) => boolean;

export function newBodyState(
  tokens: Token[],
  start: number,
  evidence: { chain: Set<number>; onChain: Set<TextLine>; decimal: boolean; titleMarked: boolean; width: number; coverSummary: boolean },
  knownUrls: ReadonlySet<string>,
  ledger: Ledger,
): BodyState {
  return {
    tokens,
    ...evidence,
    knownUrls,
    ledger,
    at: start,
    previous: undefined,
    afterBlank: false,
    blocks: [],
    notes: [],
    starNotes: [],
    contents: [],
    summary: undefined,
    diagnostics: [],
    nextPara: 1,
    nextSub: 1,
    body: undefined,
    note: undefined,
    inNoteBlock: false,
    awaitingTitle: undefined,
    lastLetter: undefined,
    preamble: false,
    joiners: new Map(),
  };
}

/** A continuation line of `target` (a block or a note): kept, and joined when the body is read. */
export function appendLine(state: BodyState, target: { text: string }, t: TextLine): void {
  keep(state.ledger, t.no, t.text);
  let joiner = state.joiners.get(target);
  if (!joiner) state.joiners.set(target, (joiner = lineJoiner(target.text, state.knownUrls)));
  joiner.add(t.text);
}

/** A new block starts at `t`: it becomes the block continuation lines join, and any note block ends. */
export function openBlock(state: BodyState, block: DraftBlock, t: TextLine): void {
  keep(state.ledger, t.no, t.text);
  state.blocks.push(block);
  state.body = block;
  state.note = undefined;
  state.inNoteBlock = false;
  state.awaitingTitle = block.type === 'heading' && block.text === '' ? block : undefined;
  if (block.type !== 'item') state.lastLetter = undefined;
}

/** Join every block's continuation lines (once, at the end of the body). */
export function joinContinuations(state: BodyState): void {
  for (const [target, joiner] of state.joiners) target.text = joiner.text();
}
