/**
 * Producer two: the report as a Word document made with the `docx` package, in the UN layout:
 * real footnotes (Word places them at the page foot and numbers them), a first-page header with
 * the masthead in two columns (a table), a running header with the symbol, footers with the job
 * number (and language code on the first page) and the page number, bold headings. LibreOffice
 * (lo.ts) prints it to PDF: a second, independent PDF producer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { mastheadOf, type Printable, type Run } from './printable.ts';

export async function makeDocx(doc: Printable): Promise<Buffer> {
  const used = new Set<number>();
  const runs = (list: Run[], bold = false, size = 20) =>
    list.map((r) => {
      if (typeof r === 'string') return new TextRun({ text: r, bold, size });
      used.add(r.ref);
      return new FootnoteReferenceRun(r.ref);
    });
  const children: Paragraph[] = doc.cover.map((l) => new Paragraph({ children: [new TextRun({ text: l, size: 20 })], spacing: { after: 200 } }));
  // An infographic's lines: one paragraph per group, its lines separated by line breaks.
  let lines: TextRun[] = [];
  const flush = () => {
    if (lines.length) children.push(new Paragraph({ children: lines, spacing: { after: 200 } }));
    lines = [];
  };
  for (const b of doc.blocks) {
    if (b.kind === 'line') lines.push(new TextRun({ text: b.runs.join(''), size: 20, ...(lines.length ? { break: 1 } : {}) }));
    else if (b.kind === 'space') flush();
    else {
      flush();
      children.push(
        new Paragraph({
          children: runs(b.runs, b.kind === 'heading', b.kind === 'heading' && b.level === 1 ? 22 : 20),
          spacing: { after: 200 },
          ...(b.kind === 'item' ? { indent: { left: 560 } } : {}),
        }),
      );
    }
  }
  flush();
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const n of used) footnotes[n] = { children: [new Paragraph({ children: [new TextRun({ text: doc.notes.get(n) ?? '', size: 16 })] })] };
  const cell = (text: string, size: number, bold: boolean, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableCell({ children: [new Paragraph({ alignment, children: [new TextRun({ text, size, bold })] })], width: { size: 50, type: WidthType.PERCENTAGE } });
  // The masthead: the organ in large bold type on the left, the symbol and the fields on the right.
  const mast = mastheadOf(doc);
  const masthead = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: Array.from(
      { length: Math.max(mast.left.length, mast.right.length) },
      (_, i) =>
        new TableRow({
          children: [cell(mast.left[i] ?? '', 28, true, AlignmentType.LEFT), cell(mast.right[i] ?? '', i === 0 ? 24 : 18, false, AlignmentType.RIGHT)],
        }),
    ),
  });
  const digits = doc.job.replace(/\D/g, '');
  const document = new Document({
    styles: { default: { document: { run: { font: 'Noto Serif CJK SC', size: 20 } } } },
    footnotes,
    sections: [
      {
        properties: { titlePage: true },
        headers: {
          first: new Header({ children: [masthead] }),
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.header ?? doc.symbol, bold: true, size: 18 })] })],
          }),
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [new TextRun({ text: `${doc.job} (C)    *${digits}*`, size: 16 })] })] }),
          default: new Footer({
            children: [
              new Paragraph({ children: [new TextRun({ text: `${doc.job}    `, size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 })] }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
