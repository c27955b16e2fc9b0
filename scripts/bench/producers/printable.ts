/**
 * A report as a printer lays it out in the UN's layout: what the producers (html.ts, docx.ts)
 * render, made from a seed's text and the model the text path made of it. The body is the
 * model's blocks (headings, numbered paragraphs, items) with their note references; the cover is
 * the seed's own lines before the body; an infographic, which has no body of paragraphs, is
 * printed line by line as the seed has it.
 */
import type { Report } from '../../model/schema.ts';

export type Run = string | { ref: number };
export interface PrintBlock {
  kind: 'heading' | 'para' | 'item' | 'line' | 'space';
  level?: 1 | 2 | 3;
  runs: Run[];
}
export interface Printable {
  symbol: string;
  /** The running header's text (the symbol unless given). */
  header?: string;
  /** The UN job number, `GE.19-12345`. */
  job: string;
  /**
   * The first page's masthead in its two columns (`联合国`, `大会` | the symbol, `Distr.: General`,
   * the date, the languages); unless given, `联合国` | the symbol.
   */
  masthead?: { left: string[]; right: string[] };
  cover: string[];
  blocks: PrintBlock[];
  notes: Map<number, string>;
}

const FURNITURE = new Set([
  'running-header',
  'running-footer',
  'job-number',
  'barcode',
  'recycle-mark',
  'hyperlink-line',
  'note-rule',
  'replacement-char',
  'control-char',
]);

function runs(content: Report['notes'][number]['content']): Run[] {
  return content.map((c) => (c.type === 'text' ? c.value : c.type === 'noteRef' ? { ref: c.n } : c.text));
}

/** The masthead's two columns: the one given, or `联合国` | the symbol. */
export function mastheadOf(doc: Printable): { left: string[]; right: string[] } {
  return doc.masthead ?? { left: ['联合国'], right: [doc.symbol] };
}

export function printable(report: Report, seedText: string): Printable {
  const source = seedText.replace(/\r\n?/g, '\n').split('\n');
  const droppedWhole = new Set<number>();
  for (const d of report.dropped) if (FURNITURE.has(d.reason) && source[d.line - 1]?.trim() === d.text.trim()) droppedWhole.add(d.line);
  const keepLine = (no: number) => !droppedWhole.has(no) && !!source[no - 1]?.trim() && !/^[_＿]{5,}$/.test(source[no - 1]!.trim());
  const symbol = report.meta.symbol ?? report.meta.symbols[0] ?? '';
  const yy = String(report.meta.year ?? 2023).slice(-2);
  const digits = String(10000 + (parseInt(report.source.sha256.slice(0, 6), 16) % 89999));
  const job = `GE.${yy}-${digits}`;
  const notes = new Map(
    report.notes.map((n) => [
      n.n,
      runs(n.content)
        .filter((r): r is string => typeof r === 'string')
        .join(''),
    ]),
  );

  if (report.blocks.some((b) => b.type === 'figure')) {
    // An infographic: its lines as printed, a blank line kept as space.
    const blocks: PrintBlock[] = source.map((l, i) =>
      keepLine(i + 1)
        ? {
            kind: 'line',
            runs: [
              l
                .replace(/\uFFFD/g, '')
                .replace(/^\s+/, ' ')
                .trimEnd(),
            ],
          }
        : { kind: 'space', runs: [] },
    );
    return { symbol, job, cover: [], blocks, notes };
  }
  const first = report.blocks.find((b) => (b.type === 'heading' && b.label) || (b.type === 'paragraph' && b.n !== undefined) || b.type === 'list');
  const start = first?.line ?? 1;
  const cover: string[] = [];
  for (let no = 1; no < start; no++) if (keepLine(no)) cover.push(source[no - 1]!.trim());
  const blocks: PrintBlock[] = [];
  for (const b of report.blocks) {
    if (b.line < start) continue;
    if (b.type === 'heading') blocks.push({ kind: 'heading', level: b.level as 1 | 2 | 3, runs: [b.label ? `${b.label} ` : '', ...runs(b.content)] });
    else if (b.type === 'paragraph') blocks.push({ kind: 'para', runs: [b.n !== undefined ? `${b.n}. ` : '', ...runs(b.content)] });
    else if (b.type === 'list') for (const item of b.items) blocks.push({ kind: 'item', runs: [`(${item.label.split('-').at(-1)}) `, ...runs(item.content)] });
  }
  return { symbol, job, cover, blocks, notes };
}
