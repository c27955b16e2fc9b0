/**
 * A PDF's bold headings are read from its fonts' names, which pdf.js gives only with a second
 * parse of the page (its operator list: a fifth of the reading time of Chromium's PDFs). The
 * reader asks for them only where a row's weight depends on a font not yet named
 * (scripts/converter/readers/pdf-rows.ts): a row with an item in a font known not to be bold is
 * not bold, whatever its other fonts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PdfItem } from '../../scripts/converter/readers/pdf-extract.ts';
import { extractPdf } from '../../scripts/converter/readers/pdf-extract.ts';
import { needsFontNames } from '../../scripts/converter/readers/pdf-rows.ts';
import { layoutPdf } from '../../scripts/converter/readers/pdf.ts';

const item = (s: string, x: number, y: number, font: string, size = 12): PdfItem => ({ s, x, y, size, w: s.length * size * 0.5, font });
const NAMED = { g_f1: 'AAAAAA+NotoSerifCJKsc-Regular', g_f2: 'BAAAAA+NotoSerifCJKsc-Bold' };

describe("which pages need their fonts' names", () => {
  it('a row with an item in a font known not to be bold needs no other names', () => {
    assert.equal(needsFontNames([item('人权', 72, 700, 'g_f1'), item('理事会', 96, 700, 'g_new')], NAMED), false);
  });
  it('a row whose inked items are all in bold or unnamed fonts needs them', () => {
    assert.equal(needsFontNames([item('4.', 72, 700, 'g_f2'), item('性别平等', 90, 700, 'g_new')], NAMED), true);
    assert.equal(needsFontNames([item('碑意义的裁决。', 72, 700, 'g_new')], NAMED), true);
  });
  it('rows are the layout’s: a raised reference joins its line, the next line is a row of its own', () => {
    const line = item('人权理事会', 72, 700, 'g_f1');
    assert.equal(needsFontNames([line, item('1', 140, 705, 'g_new', 7)], NAMED), false);
    assert.equal(needsFontNames([line, item('决议', 72, 680, 'g_new')], NAMED), true);
  });
  it('an item without ink decides nothing', () => {
    assert.equal(needsFontNames([item('人权', 72, 700, 'g_f1'), item(' ', 96, 700, 'g_new')], NAMED), false);
    assert.equal(needsFontNames([item(' ', 72, 700, 'g_new')], NAMED), false);
  });
  it('a character without a Unicode map in an unnamed font needs its name (the error names the font)', () => {
    assert.equal(needsFontNames([item('人权', 72, 700, 'g_f1'), item('\ue001\ue002', 96, 700, 'g_new')], NAMED), true);
  });
});

/** A PDF of the given pages (each a content stream) with four standard fonts, as pdf.js reads it. */
function pdf(pages: string[]): Uint8Array {
  const fonts = ['Helvetica', 'Helvetica-Bold', 'Courier', 'Times-Bold'];
  const first = 3 + fonts.length;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ...fonts.map((f) => `<< /Type /Font /Subtype /Type1 /BaseFont /${f} /Encoding /WinAnsiEncoding >>`),
    ...pages.flatMap((content, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fonts.map((_, k) => `/F${k + 1} ${3 + k} 0 R`).join(' ')} >> >> /Contents ${first + 2 * i + 1} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ]),
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const line = (font: number, y: number, ...runs: [number, string][]) =>
  `BT /F${font} 12 Tf 72 ${y} Td ${runs.map(([f, s], i) => `${i ? `/F${f} 12 Tf ` : ''}(${s}) Tj`).join(' ')} ET`;

describe('the reader asks pdf.js for fonts’ names only where a row’s weight depends on them', () => {
  // Page 1: a bold heading and a body line; page 2: a body line ending in a new, regular font;
  // page 3: a heading in a new bold font. All type is 12 pt: weight is the headings' only evidence.
  const file = pdf([
    [line(2, 760, [2, 'Heading one']), line(1, 700, [1, 'Body text of the first page.'])].join('\n'),
    [line(1, 760, [1, 'Body text that ends in '], [3, 'code.']), line(1, 700, [1, 'More body text.'])].join('\n'),
    [line(4, 760, [4, 'Second heading']), line(1, 700, [1, 'Body text of the last page.'])].join('\n'),
  ]);

  it('a font new on a page whose rows are already decided is not named, and the headings are still read', async () => {
    const read = await extractPdf(file.slice());
    const named = Object.values(read.fonts).sort();
    assert.deepEqual(named, ['Helvetica', 'Helvetica-Bold', 'Times-Bold'], 'Courier (page 2, beside Helvetica) needed no name');
    const { layout } = layoutPdf('three.pdf', read);
    assert.deepEqual(
      [...layout!.headings].map(([no, evidence]) => [layout!.lines[no], layout!.pageOf[no], evidence]),
      [
        ['Heading one', 1, 'bold'],
        ['Second heading', 3, 'bold'],
      ],
    );
  });
});
