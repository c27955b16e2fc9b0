/**
 * The conversion of one seed, as a pure function: bytes (+ manifest entry) → validated report
 * model, its MDX and its JSON. decode → clean → structure → footnotes + cross-references
 * (assemble) → metadata → serialise. Throws SeedError for input that cannot be converted.
 */
import { createHash } from 'node:crypto';
import { assemble } from './assemble.ts';
import { clean } from './clean.ts';
import { markCountries } from './countries.ts';
import { extractFigures } from './figures.ts';
import { decode } from './decode.ts';
import type { DraftDiagnostic } from './draft.ts';
import { SeedError } from './errors.ts';
import { readFront } from './front.ts';
import { unstructured } from './infographic.ts';
import type { ManifestEntry } from './manifest.ts';
import { inferMeta } from './metadata.ts';
import { markParagraphCitations } from './paras.ts';
import { repairLinks } from './repair.ts';
import { reportSchema, type Block, type Diagnostic, type Inline, type Note, type Report } from './schema.ts';
import { toMdx } from './serialize.ts';
import { hasNumberedParagraphs, structure } from './structure.ts';

export interface Converted {
  report: Report;
  mdx: string;
  json: string;
}

export function convertSeed(file: string, bytes: Uint8Array, manifest?: ManifestEntry): Converted {
  const { text, encoding } = decode(bytes, file);
  const cleaned = clean(text);
  const links = new Set(cleaned.links);
  const dropped = { ...cleaned.dropped };
  const drafts: DraftDiagnostic[] = [];

  let front = readFront([]);
  let draftBlocks;
  let draftNotes = [] as ReturnType<typeof structure>['notes'];
  if (hasNumberedParagraphs(cleaned.tokens)) {
    const s = structure(cleaned.tokens, links);
    front = readFront(s.front);
    draftBlocks = s.blocks;
    draftNotes = s.notes;
    if (s.tocLines) dropped['table-of-contents'] = s.tocLines;
    drafts.push(...s.diagnostics);
  } else {
    const u = unstructured(cleaned.tokens, links);
    draftBlocks = u.blocks;
    if (u.debrisLines) {
      dropped['infographic-debris'] = u.debrisLines;
      drafts.push({ code: 'text-dropped', ...(u.firstDebrisLine ? { line: u.firstDebrisLine } : {}), message: `${u.debrisLines} lines of infographic debris (labels, chart ticks, repeated page furniture) dropped` });
    }
  }
  if (!draftBlocks.length) throw new SeedError('no-text', file, 'no report text found after cleaning');
  if (cleaned.dropped['replacement-char']) {
    drafts.push({ code: 'text-dropped', line: cleaned.firstLine['replacement-char']!, message: `${cleaned.dropped['replacement-char']} U+FFFD replacement characters dropped` });
  }
  if (cleaned.dropped['nul-char']) {
    drafts.push({ code: 'text-dropped', line: cleaned.firstLine['nul-char']!, message: `${cleaned.dropped['nul-char']} NUL characters dropped` });
  }

  const defaultBody = (manifest?.body ?? front.body) === '人权理事会' || cleaned.headerSymbols[0]?.startsWith('A/HRC/') ? 'A/HRC' : 'A';
  const assembled = repairLinks(mapInlines(assemble(draftBlocks, draftNotes, { links: cleaned.links, defaultBody }), (c, ibid) =>
    markCountries(markParagraphCitations(c, ibid)),
  ));
  drafts.push(...assembled.diagnostics);
  const { meta, slug, diagnostics } = inferMeta({
    file,
    front,
    headerSymbols: cleaned.headerSymbols,
    jobYears: cleaned.jobYears,
    blocks: assembled.blocks,
    notes: assembled.notes,
    manifest,
  });
  drafts.push(...diagnostics);

  const figures = extractFigures(assembled.blocks, (d) => drafts.push(d));
  const count = (kind: string) => assembled.blocks.filter((b) => b.type === 'heading' && b.kind === kind).length;
  const candidate = {
    slug,
    source: { file, sha256: createHash('sha256').update(bytes).digest('hex'), encoding },
    meta,
    blocks: assembled.blocks,
    notes: assembled.notes,
    stats: {
      paragraphs: assembled.blocks.filter((b) => b.type === 'paragraph' && b.n !== undefined).length,
      notes: assembled.notes.length,
      headings: { chapter: count('chapter'), section: count('section'), subsection: count('subsection') },
      figures: assembled.blocks.filter((b) => b.type === 'figure').length,
      dropped: Object.fromEntries(Object.entries(dropped).sort(([a], [b]) => a.localeCompare(b))),
    },
    warnings: drafts
      .map((d): Diagnostic => ({ level: 'warning', code: d.code, file, ...(d.line ? { line: d.line } : {}), message: d.message }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    figures,
  };
  const parsed = reportSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SeedError('invalid-model', file, `converted model is invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  const report = parsed.data;
  return { report, mdx: toMdx(report), json: `${JSON.stringify(report, null, 2)}\n` };
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
