/**
 * Step 3 — structure: cleaned lines → cover lines, headings, numbered paragraphs, items and
 * footnote texts, with wrapped lines re-joined (docs/un-document-anatomy.md).
 *
 * Structure is decided from the whole document, not line by line: the paragraph backbone
 * (constructs/backbone.ts) and the body start (constructs/body-start.ts) are found first; the
 * lines before the body are the cover page (constructs/cover.ts). Each body line then goes to the
 * constructs in a fixed order, one module per construct of the anatomy document
 * (constructs/*.ts, in the style of mdast-util-to-markdown's handlers): the first that takes the
 * line wins, recording what it read in the state passed to it (constructs/state.ts).
 */
import type { Token, TextLine } from './clean.ts';
import type { DraftBlock, DraftDiagnostic, DraftNote } from './draft.ts';
import type { Ledger } from './ledger.ts';
import { backbone, decimalBackbone } from './constructs/backbone.ts';
import { bodyStart } from './constructs/body-start.ts';
import { contentsPage, type ContentsEntry } from './constructs/contents.ts';
import { heading, headingTitle, SUMMARY_LABEL, summaryInBody, unnumberedSubheading } from './constructs/headings.ts';
import { item } from './constructs/items.ts';
import { endNoteBlock, noteBlock, noteRule, superscriptNote, titleStarNote } from './constructs/notes.ts';
import { closingLines, lineWidth, numberedLine, prose } from './constructs/paragraphs.ts';
import { joinContinuations, newBodyState, type BodyState, type Construct } from './constructs/state.ts';

export interface Structured {
  /** The tokens before the body: the cover page and title block. */
  front: Token[];
  blocks: DraftBlock[];
  notes: DraftNote[];
  /** `*` notes printed at the foot of the first page (they belong to the title). */
  starNotes: string[];
  contents: ContentsEntry[];
  /** The report's summary when it is printed after the contents page, not on the cover. */
  summary?: { label: TextLine; lines: (TextLine | 'gap')[] };
  diagnostics: DraftDiagnostic[];
}

/**
 * The constructs a body line can be, in the order they are tried. The order is part of the rules:
 * a contents page or a note block is recognised before the line could be read as body text, a
 * heading's title line is taken before anything else, and `prose` takes whatever is left.
 */
const CONSTRUCTS: readonly Construct[] = [
  contentsPage,
  noteRule,
  headingTitle,
  superscriptNote,
  noteBlock,
  titleStarNote,
  heading,
  summaryInBody,
  numberedLine,
  item,
  unnumberedSubheading,
  closingLines,
  prose,
];

export function structure(tokens: Token[], knownUrls: ReadonlySet<string>, ledger: Ledger): Structured {
  const lines = tokens.filter((t): t is TextLine => t.kind === 'line');
  // Views number their paragraphs 1.1, 1.2, 2.1 …: that backbone wins where it is the longer one.
  const whole = backbone(lines);
  const decimals = decimalBackbone(lines);
  const decimal = decimals.size >= whole.size && decimals.size > 0;
  const chain = decimal ? decimals : whole;
  const onChain = new Set([...chain].map((i) => lines[i]!));
  const startLine = bodyStart(lines, chain);
  const startToken = startLine < 0 ? tokens.length : tokens.indexOf(lines[startLine]!);
  const front = tokens.slice(0, startToken);
  const titleMarked = front.some((t) => t.kind === 'line' && t.text.endsWith('*') && !t.text.startsWith('*'));
  const coverSummary = front.some((t) => t.kind === 'line' && SUMMARY_LABEL.test(t.text));
  const state = newBodyState(tokens, startToken, { chain, onChain, decimal, titleMarked, width: lineWidth(lines), coverSummary }, knownUrls, ledger);
  readBody(state);
  joinContinuations(state);
  const { blocks, notes, starNotes, contents, summary, diagnostics, awaitingTitle } = state;
  if (awaitingTitle)
    diagnostics.push({ code: 'heading-untitled', line: awaitingTitle.line, message: `heading ${awaitingTitle.label} has no title line after it` });
  return { front, blocks, notes, starNotes, contents, ...(summary ? { summary } : {}), diagnostics };
}

/** Hand each line of the body, from `state.at` on, to the first construct that takes it. */
function readBody(state: BodyState): void {
  const { tokens } = state;
  let lastLine: TextLine | undefined;
  let blankBefore = false;
  for (; state.at < tokens.length; state.at++) {
    const t = tokens[state.at]!;
    if (t.kind === 'blank') {
      blankBefore = true;
      continue;
    }
    if (t.kind === 'break') {
      endNoteBlock(state);
      continue;
    }
    state.previous = lastLine;
    state.afterBlank = blankBefore;
    lastLine = t;
    blankBefore = false;
    for (const construct of CONSTRUCTS) if (construct(t, state)) break;
  }
}
