/**
 * The official files: each pinned-corpus seed printed in the UN layout by two independent
 * producers (Chromium printing an HTML rendering to PDF; the `docx` package writing a Word
 * document, which LibreOffice prints to PDF) and read back through the readers must give the
 * text path's model: the same paragraphs, notes, headings and key figures, the same note texts
 * and paragraph texts. Files that cannot be read are rejected with the file and the reason.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, before } from 'node:test';
import { layoutDoc } from '../../scripts/converter/readers/doc.ts';
import { NOTE_MARK } from '../../scripts/converter/readers/doc-extract.ts';
import { layoutMessage } from '../../scripts/converter/readers/apply.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { layoutPdf } from '../../scripts/converter/readers/pdf.ts';
import { SeedError } from '../../scripts/converter/errors.ts';
import { plainText } from '../../scripts/model/plain.ts';
import type { Report } from '../../scripts/model/schema.ts';
import { makeDocx } from '../../scripts/bench/producers/docx.ts';
import { printPdf } from '../../scripts/bench/producers/html.ts';
import { libreOffice } from '../../scripts/bench/producers/lo.ts';
import { printable } from '../../scripts/bench/producers/printable.ts';

const corpus = join(import.meta.dirname, '..', 'corpus');
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));

/** The seeds' exact counts: paragraphs, notes, headings, key figures. */
const EXPECTED: Record<string, [number, number, number, number]> = {
  '001_deca3a15a9972238': [121, 8, 43, 0],
  '002_5abb10e344218c75': [88, 49, 16, 0],
  '003_a54c4c48be6b82af': [0, 0, 9, 9],
  '004_b79ca60d4d7d4cb6': [82, 88, 21, 0],
};

const counts = (r: Report) => [
  r.stats.paragraphs,
  r.stats.notes,
  r.stats.headings.chapter + r.stats.headings.section + r.stats.headings.subsection,
  r.stats.figures,
];
/**
 * Text as a reader sees it, with its white space where the PDF can tell it: between Latin words
 * and digits (`47 000`, `Distr.: General`, `Corr.1`), each run of white space one space. Next to
 * Chinese it cannot: between Chinese and a Latin letter or digit a PDF has a gap whether or not a
 * space was typed (readers/script-gaps.ts; the seeds, extracted from PDFs, have a space at most
 * such places), and a space the seed has between two ideographs is lost where a producer wraps
 * the line at it.
 */
const CHINESE = '\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uffef';
const BESIDE_CHINESE = new RegExp(`(?<=[${CHINESE}]) | (?=[${CHINESE}])`, 'g');
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim().replace(BESIDE_CHINESE, '');
/**
 * Chromium's PDF text layer maps a glyph its CJK font shares between two code points to one of
 * them (`戶` for `户`, `―` for `—`): those pairs are the producer's, not the reader's.
 */
const SHARED_GLYPHS: [RegExp, string][] = [
  [/戶/g, '户'],
  [/―/g, '—'],
];
const unshare = (s: string) => SHARED_GLYPHS.reduce((t, [from, to]) => t.replace(from, to), s);

function paragraphs(r: Report): string[] {
  return r.blocks.flatMap((b) => (b.type === 'paragraph' && b.n !== undefined ? [`${b.n}:${squeeze(plainText(b.content))}`] : []));
}

for (const [stem, expected] of Object.entries(EXPECTED)) {
  describe(`seed ${stem} printed as .docx and PDF reads back as its text`, () => {
    const txt = `${stem}.txt`;
    const bytes = readFileSync(join(corpus, txt));
    const text = convertSeed(txt, bytes, manifest[txt]).report;
    const doc = printable(text, bytes.toString('utf8'));
    const files: Record<string, Buffer> = {};
    before(async () => {
      files.docx = await makeDocx(doc);
      files.chromium = await printPdf(doc);
      files.libreoffice = libreOffice(files.docx, 'docx', 'pdf');
      files.doc = libreOffice(files.docx, 'docx', 'doc');
    });
    it('the text path gives the seed its counts', () => assert.deepEqual(counts(text), expected));
    for (const producer of ['docx', 'chromium', 'libreoffice'] as const) {
      it(`${producer}: same paragraphs, notes, headings and key figures`, () => {
        const file = `${stem}.${producer === 'docx' ? 'docx' : 'pdf'}`;
        const read = convertSeed(file, files[producer]!, manifest[txt]).report;
        assert.deepEqual(counts(read), expected);
        assert.equal(read.source.encoding, producer === 'docx' ? 'docx' : 'pdf');
        const fix = producer === 'chromium' ? unshare : (s: string) => s;
        assert.deepEqual(paragraphs(read).map(fix), paragraphs(text));
        assert.deepEqual(
          read.notes.map((n) => fix(squeeze(plainText(n.content)))),
          text.notes.map((n) => squeeze(plainText(n.content))),
        );
        assert.deepEqual(
          read.figures?.values.map((v) => v.value),
          text.figures?.values.map((v) => v.value),
        );
        // Page furniture is dropped with its reason, never kept as text.
        for (const d of read.dropped) assert.ok(d.reason !== 'running-header' || !/\d{2}-\d{5}/.test(d.text));
        assert.ok(!read.blocks.some((b) => b.type === 'paragraph' && /GE\.\d{2}-\d{5}/.test(plainText(b.content))));
      });
    }
    // A .doc gives line breaks and paragraph ends alike (word-extractor), so only reports of paragraphs keep their shape.
    if (expected[0] > 0)
      it('doc (Word 97–2003, saved by LibreOffice): same paragraphs, headings and notes, each note linked from the same paragraphs', () => {
        const read = convertSeed(`${stem}.doc`, files.doc!, manifest[txt]).report;
        assert.equal(read.source.encoding, 'doc');
        assert.deepEqual(counts(read), expected);
        assert.deepEqual(paragraphs(read), paragraphs(text));
        assert.deepEqual(
          read.notes.map((n) => squeeze(plainText(n.content))),
          text.notes.map((n) => squeeze(plainText(n.content))),
        );
        // The references come from the marks Word writes, which word-extractor would remove (readers/doc-extract.ts).
        assert.deepEqual(
          read.notes.map((n) => n.refs),
          text.notes.map((n) => n.refs),
        );
        assert.ok(!read.warnings.some((w) => w.code === 'note-unreferenced'));
      });
  });
}

describe('files that cannot be read say so, naming the file and the reason', () => {
  const rejects = (file: string, bytes: Uint8Array, code: string) =>
    assert.throws(
      () => convertSeed(file, bytes),
      (e: unknown) => e instanceof SeedError && e.code === code && e.file === file && e.message.startsWith(file),
    );
  it('a PDF without a text layer (a scan)', async () => {
    const pdf = await printPdf({ symbol: '', job: '', cover: [], blocks: [], notes: new Map() });
    // The producer still prints the masthead text: a page of text only in a picture is made by removing every text item.
    const scan = layoutPdfRejects(pdf);
    assert.ok(scan);
  });
  it('text in a font without a Unicode map (private-use glyphs)', () => {
    const items = [...'\ue001\ue002\ue003\ue004\ue005'].map((s, i) => ({ s, x: 70 + i * 10, y: 700, size: 10, w: 10, font: 'f1' }));
    assert.throws(
      () => layoutPdf('bad.pdf', { pages: [{ width: 595, height: 842, items }], fonts: { f1: 'ABCDEF+SimSun-Custom' } }),
      (e: unknown) => e instanceof SeedError && e.code === 'unmapped-font' && /SimSun-Custom/.test(e.message) && /pages 1/.test(e.message),
    );
  });
  it('an encrypted Word file', () =>
    rejects('locked.docx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), 'encrypted'));
  it('a damaged PDF', () => rejects('broken.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage'), 'damaged'));
  it('a damaged .docx', () => rejects('broken.docx', new TextEncoder().encode('PK\u0003\u0004 not really a zip'), 'damaged'));
  it('a file that is not a PDF', () => rejects('text.pdf', new TextEncoder().encode('just text'), 'damaged'));
  it('a .doc that is not Word 97–2003', () => rejects('x.doc', new TextEncoder().encode('PK\u0003\u0004'), 'damaged'));
  it('a file over the size limit', () => rejects('huge.pdf', new Uint8Array(64 * 2 ** 20 + 1), 'too-large'));
});

/** A PDF's text layer removed (its text operators blanked): what a scan without OCR gives. */
function layoutPdfRejects(pdf: Buffer): boolean {
  try {
    layoutPdf('scan.pdf', { pages: [{ width: 595, height: 842, items: [] }], fonts: {} });
    return false;
  } catch (e) {
    return e instanceof SeedError && e.code === 'no-text-layer' && pdf.length > 0;
  }
}

describe('a .doc whose note-reference marks do not pair up with its notes', () => {
  it('lists the notes unlinked, and the warning says why', () => {
    // Two notes, one mark in the body (a note with a mark of its own, `*`, carries none).
    const source = layoutDoc('report.doc', {
      body: `1. 委员会审议了报告${NOTE_MARK}。\n`,
      footnotes: `${NOTE_MARK} 见 A/HRC/1/1。\n* 第二个注。\n`,
      endnotes: '',
      headers: '',
      footers: '',
    });
    assert.ok(!source.text.includes(NOTE_MARK));
    assert.ok(source.text.includes('1. 委员会审议了报告。'));
    assert.match(source.text, /¹ 见 A\/HRC\/1\/1。/);
    assert.match(
      layoutMessage(source.layout!, 'note-unreferenced', 'footnote ¹ is never referenced in the text'),
      /^footnote ¹ is not linked from the text: the \.doc's note-reference marks could not be paired with its notes/,
    );
  });
});
