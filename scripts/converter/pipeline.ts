/**
 * The conversion of one seed, as a pure function: bytes (+ manifest entry) → validated report
 * model, its MDX and its JSON. decode → clean → structure → footnotes + cross-references
 * (assemble) → metadata → serialise. Throws SeedError for input that cannot be converted.
 */
import { createHash } from 'node:crypto';
import { assemble } from './assemble.ts';
import { clean } from './clean.ts';
import { markCountries } from '../model/countries.ts';
import { extractFigures } from './figures.ts';
import type { DraftBlock, DraftDiagnostic, DraftNote } from './draft.ts';
import { SeedError } from './errors.ts';
import { readFront, type FrontMeta } from './constructs/cover.ts';
import { readSummary } from './constructs/summary.ts';
import { isInfographic, unstructured } from './constructs/infographic.ts';
import { dropCounts, keep, newLedger, reclaim, totals, unaccounted, type Ledger } from './ledger.ts';
import type { ContentsEntry } from './constructs/contents.ts';
import type { Cleaned, TextLine, Token } from './clean.ts';
import { joinLines } from './join.ts';
import type { ManifestEntry } from '../model/manifest.ts';
import { inferMeta } from './metadata.ts';
import { markParagraphCitations } from './paras.ts';
import { repairLinks } from './repair.ts';
import { reportSchema, zodIssues, type Block, type Diagnostic, type Inline, type Note, type Report } from '../model/schema.ts';
import { modelJson, toMdx } from './serialize.ts';
import { structure } from './structure.ts';
import { applyFurniture, applyHeadings, layoutMessage } from './readers/apply.ts';
import { readSource } from './readers/index.ts';
import type { Layout } from './readers/layout.ts';

/** Drops that mark the end of the cover page: the contents, a page footer, the first page's job number. */
const COVER_ENDS = new Set(['table-of-contents', 'running-footer', 'job-number', 'barcode', 'recycle-mark']);

export interface Converted {
  report: Report;
  mdx: string;
  json: string;
}

export function convertSeed(file: string, bytes: Uint8Array, manifest?: ManifestEntry): Converted {
  // A text file is decoded; an official file (PDF, .docx, .doc) is read for its layout (readers/).
  const { text, encoding, layout } = readSource(file, bytes);
  const ledger = newLedger();
  const cleaned = clean(text, ledger);
  if (layout) cleaned.tokens = applyFurniture(cleaned.tokens, layout, ledger);
  const links = new Set(cleaned.links);
  const drafts: DraftDiagnostic[] = [];
  // One push per diagnostic: their number grows with the input, and push(...many) overflows the stack.
  const add = (items: readonly DraftDiagnostic[]) => {
    for (const d of items) drafts.push(d);
  };
  const { front, blocks: draftBlocks, notes: draftNotes, coverEnd } = draftOf(cleaned, links, ledger, drafts, layout);
  if (!draftBlocks.length) throw new SeedError('no-text', file, 'no report text found after cleaning');
  add(dropDiagnostics(ledger));
  const defaultBody = (manifest?.body ?? front.body) === '人权理事会' || cleaned.headerSymbols[0]?.symbol.startsWith('A/HRC/') ? 'A/HRC' : 'A';
  const assembled = repairLinks(
    mapInlines(assemble(draftBlocks, draftNotes, { links: cleaned.links, defaultBody }), (c, ibid) => markCountries(markParagraphCitations(c, ibid))),
  );
  add(assembled.diagnostics);
  const { meta, slug, diagnostics } = inferMeta({
    file,
    front,
    headerSymbols: cleaned.headerSymbols,
    coverEnd,
    jobYears: cleaned.jobYears,
    blocks: assembled.blocks,
    notes: assembled.notes,
    manifest,
  });
  add(diagnostics);

  const figures = extractFigures(assembled.blocks, (d) => drafts.push(d), meta.title);
  const candidate = {
    slug,
    source: { file, sha256: createHash('sha256').update(bytes).digest('hex'), encoding },
    meta,
    blocks: assembled.blocks,
    notes: assembled.notes,
    stats: statsOf(assembled, ledger, cleaned.sources),
    dropped: [...ledger.drops].sort((a, b) => a.line - b.line),
    warnings: drafts
      .map((d): Diagnostic => ({
        level: 'warning',
        code: d.code,
        file,
        ...(d.line ? { line: d.line } : {}),
        message: layout ? layoutMessage(layout, d.code, d.message, d.line) : d.message,
      }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    figures,
  };
  const lost = unaccounted(ledger, cleaned.sources);
  if (lost.length) {
    candidate.warnings.push({
      level: 'warning',
      code: 'text-unaccounted',
      file,
      line: lost[0]!.line,
      message: `${lost.length} lines whose text is neither on the page nor listed as dropped (a converter defect; first: line ${lost[0]!.line})`,
    });
  }
  const parsed = reportSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new SeedError('invalid-model', file, `converted model is invalid: ${zodIssues(parsed.error)}`);
  }
  const report = parsed.data;
  return { report, mdx: toMdx(report), json: modelJson(report) };
}

/** The text read into draft blocks and notes, with the cover's metadata and where the cover page ends. */
interface Draft {
  front: FrontMeta;
  blocks: DraftBlock[];
  notes: DraftNote[];
  coverEnd: number;
}

/**
 * Structure and cover page (constructs/): infographic pages as key figures and prose, any other
 * text as the cover page, the body's constructs and the notes. Diagnostics go into `drafts`.
 */
function draftOf(cleaned: Cleaned, links: ReadonlySet<string>, ledger: Ledger, drafts: DraftDiagnostic[], layout?: Layout): Draft {
  if (isInfographic(cleaned.tokens)) {
    const { blocks, diagnostics } = unstructured(cleaned.tokens, links, ledger);
    drafts.push(...diagnostics);
    return { front: readFront([], ledger).meta, blocks, notes: [], coverEnd: Infinity };
  }
  const s = structure(cleaned.tokens, links, ledger);
  // An official file's layout decides headings the text reads as paragraphs (readers/apply.ts).
  if (layout) s.blocks = applyHeadings(s.blocks, layout, s.diagnostics);
  const read = readFront(s.front, ledger);
  const front = read.meta;
  if (s.summary) summaryAfterContents(s.summary, front, ledger);
  if (s.starNotes.length) front.notice = [front.notice, ...s.starNotes].filter(Boolean).join('\n');
  // The cover page ends where the body, the contents or the first page's furniture begins.
  const pageEnd = ledger.drops.filter((d) => COVER_ENDS.has(d.reason)).reduce((min, d) => Math.min(min, d.line), Infinity);
  const coverEnd = Math.min(s.blocks[0]?.line ?? Infinity, pageEnd);
  // A symbol alone on a cover line is the report's own: kept in meta.symbols, not a running header.
  reclaim(ledger, (d) => d.reason === 'running-header' && d.line < coverEnd);
  const blocks = [...explanatoryBlocks(read.explanatory, links, ledger), ...prefaceBlocks(read.rest, links, ledger), ...s.blocks];
  const promised = front.summaryLabel ? s.contents.filter((e) => e.title.replace(/\s+/g, '') !== front.summaryLabel) : s.contents;
  for (const d of [s.diagnostics, read.diagnostics, coverDiagnostics(read.rest), contentsDiagnostics(promised, s.blocks)].flat()) drafts.push(d);
  if (!s.blocks.some((b) => b.type === 'paragraph' && b.n !== undefined) && looksNumbered(cleaned.tokens)) {
    drafts.push({
      code: 'no-paragraphs',
      message: 'the text has numbered lines but none became a numbered paragraph: check the paragraph numbering (docs/un-document-anatomy.md, "Paragraphs")',
    });
  }
  return { front, blocks, notes: s.notes, coverEnd };
}

/** The report's counts: numbered paragraphs, notes, headings by kind, key figures, drops and the text accounting. */
function statsOf(assembled: { blocks: Block[]; notes: Note[] }, ledger: Ledger, sources: readonly string[]) {
  const count = (kind: string) => assembled.blocks.filter((b) => b.type === 'heading' && b.kind === kind).length;
  return {
    paragraphs: assembled.blocks.filter((b) => b.type === 'paragraph' && b.n !== undefined).length,
    notes: assembled.notes.length,
    headings: { chapter: count('chapter'), section: count('section'), subsection: count('subsection') },
    figures: assembled.blocks.filter((b) => b.type === 'figure').length,
    dropped: dropCounts(ledger),
    accounting: totals(ledger, sources),
  };
}

/**
 * Apply an inline step (paragraph citations, countries) to every block, list item and note;
 * a note's step also gets the symbol its `同上` (ibid) repeats.
 */
function mapInlines<T extends { blocks: Block[]; notes: Note[] }>(model: T, step: (content: Inline[], ibid?: string) => Inline[]): T {
  const blocks = model.blocks.map((b): Block => {
    if (b.type === 'list') return { ...b, items: b.items.map((item) => ({ ...item, content: step(item.content) })) };
    if (b.type === 'figure') return b;
    return { ...b, content: step(b.content) };
  });
  return { ...model, blocks, notes: model.notes.map((n) => ({ ...n, content: step(n.content, n.ibid) })) };
}

/** Cover lines that were no field and not the title: unnumbered paragraphs before the body, never lost. */
function prefaceBlocks(rest: TextLine[], links: ReadonlySet<string>, ledger: Ledger): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let last: TextLine | undefined;
  for (const line of rest) {
    keep(ledger, line.no, line.text);
    const current = blocks.at(-1);
    if (current?.type === 'paragraph' && last && line.no === last.no + 1 && !/[。！？]$/.test(last.text))
      current.text = joinLines(current.text, line.text, links);
    else blocks.push({ type: 'paragraph', line: line.no, text: line.text });
    last = line;
  }
  return blocks;
}

/** The official-records note (`说明` + its text): an unlabelled heading and its paragraph. */
function explanatoryBlocks(lines: TextLine[], links: ReadonlySet<string>, ledger: Ledger): DraftBlock[] {
  const [head, ...text] = lines;
  if (!head) return [];
  keep(ledger, head.no, head.text);
  return [{ type: 'heading', line: head.no, level: 2, kind: 'section', label: '', key: '', text: head.text }, ...prefaceBlocks(text, links, ledger)];
}

function coverDiagnostics(rest: TextLine[]): DraftDiagnostic[] {
  if (!rest.length) return [];
  const first = rest[0]!;
  return [
    {
      code: 'cover-text',
      line: first.no,
      message: `${rest.length} lines before the body are no cover field nor the title; kept as text before the body (first: "${first.text.slice(0, 40)}")`,
    },
  ];
}

/** The summary printed after the contents page (constructs/headings.ts): the report's summary, under its label. */
function summaryAfterContents(summary: { label: TextLine; lines: (TextLine | 'gap')[] }, front: FrontMeta, ledger: Ledger): void {
  readSummary(summary.lines, front, ledger);
  keep(ledger, summary.label.no, summary.label.text);
  front.summaryLabel = summary.label.text.replace(/\s+/g, '');
}

/** What the contents page promises and the body lacks: a heading label, or paragraphs up to a range's end. */
function contentsDiagnostics(entries: ContentsEntry[], blocks: DraftBlock[]): DraftDiagnostic[] {
  const out: DraftDiagnostic[] = [];
  const labels = new Set(blocks.flatMap((b) => (b.type === 'heading' ? [b.label, b.text.replace(/\s+/g, '')] : [])));
  let maxPara = 0;
  for (const b of blocks) if (b.type === 'paragraph' && b.n) maxPara = Math.max(maxPara, b.n);
  for (const e of entries) {
    if (!e.title) continue;
    const title = e.title.replace(/\s+/g, '');
    if (e.label ? !labels.has(e.label) && !labels.has(title) : !labels.has(title) && !/^附\s*件/.test(e.title)) {
      out.push({
        code: 'contents-heading-missing',
        line: e.line,
        message: `the contents list "${e.label ?? ''}${e.label ? ' ' : ''}${e.title}", but the body has no such heading`,
      });
    }
    if (e.to !== undefined && e.to > maxPara) {
      out.push({
        code: 'contents-range-missing',
        line: e.line,
        message: `the contents give paragraphs ${e.from}-${e.to} for "${e.title}", but the body's paragraphs end at ${maxPara}`,
      });
    }
  }
  return out;
}

/** Lines that start like a numbered paragraph in any notation (`1. `, `１．`, `1)`, `1、`), at least three of them. */
function looksNumbered(tokens: Token[]): boolean {
  let n = 0;
  for (const t of tokens) if (t.kind === 'line' && /^[0-9０-９]{1,4}\s*[.．、)）]\s*[\u4e00-\u9fff]/.test(t.text)) n++;
  return n >= 3;
}

/** The drops a maintainer should read: unexpected characters and infographic debris, with the first lines. */
function dropDiagnostics(ledger: Ledger): DraftDiagnostic[] {
  const out: DraftDiagnostic[] = [];
  const describe: Partial<Record<string, string>> = {
    'replacement-char': 'U+FFFD replacement characters dropped',
    'control-char': 'invisible control, zero-width or bidi characters dropped',
    'infographic-debris': 'lines of infographic debris (labels, chart ticks, repeated page furniture) dropped',
  };
  for (const [reason, what] of Object.entries(describe)) {
    const drops = ledger.drops.filter((d) => d.reason === reason);
    if (!drops.length) continue;
    const lines = reason === 'infographic-debris' ? [...new Set(drops.map((d) => d.line))] : drops.map((d) => d.line);
    const sample =
      reason === 'infographic-debris'
        ? `: ${drops
            .slice(0, 3)
            .map((d) => `${d.line} "${d.text.slice(0, 20)}"`)
            .join(', ')}`
        : '';
    out.push({ code: 'text-dropped', line: drops[0]!.line, message: `${lines.length} ${what}${sample}` });
  }
  return out;
}
