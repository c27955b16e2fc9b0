/**
 * What pdfjs-dist reads from a PDF, as plain data: per page its size and its text items (text,
 * baseline position, type size, width, font). Runs in extract-worker.ts. The legacy Node build
 * is used without a worker of its own: its worker side runs in this thread, joined to the API side
 * by pdf-port.ts, which hands messages over without copying them (no download, nothing fetched:
 * the character maps for CJK fonts come from the package's own folder). Font names come from the
 * page's operator list (the only place pdf.js gives them; the text content says `g_d0_f3`),
 * which loads the fonts: `NotoSerifCJKsc-Bold` says bold where the text content alone does not.
 * It parses the page's content a second time, so it is asked for only on a page whose rows'
 * weight depends on a font not yet named (pdf-rows.ts: a row with an item in a font known not to
 * be bold is not bold, whatever its other fonts). `fonts` names those fonts, not every font. The
 * fonts' extra properties (`fontExtraProperties`: their Unicode maps and widths, copied to this
 * side) are not asked for: the name is all the reader uses.
 */
import { createRequire } from 'node:module';
import type { DocumentInitParameters, PDFWorker } from 'pdfjs-dist/types/src/display/api';
import { dirname, join } from 'node:path';
import { MAX_PAGES } from './limits.ts';
import { needsFontNames } from './pdf-rows.ts';
import { sharedWorker } from './pdf-port.ts';
import { ReadError } from './read-error.ts';

export interface PdfItem {
  s: string;
  x: number;
  y: number;
  size: number;
  w: number;
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

export interface PdfRead {
  pages: PdfPage[];
  /**
   * Font resource → the font's own name (`AAAAAA+NotoSerifCJKsc-Bold`), for the fonts a row's
   * weight or an error depends on (pdf-rows.ts, `needsFontNames`); other fonts may be missing.
   */
  fonts: Record<string, string>;
}

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));
let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs') | undefined;

/**
 * Where pdf.js's API side would install a document's fonts to show its pages: nowhere, at once.
 * With the fonts to be shown as font faces (`disableFontFace: false`), pdf.js's worker side does
 * not outline every glyph it meets in an operator list (as it must for a canvas that cannot load
 * fonts, Node's default); the reader shows nothing and only reads the fonts' names, so each font
 * face is taken and dropped here. Outlining LibreOffice's embedded CJK fonts was 8% of its PDFs'
 * reading time. Node has no `FontFace`: the reader's own stands in (a font pdf.js cannot
 * install falls back to outlines, so a missing one costs time, never text).
 */
const NO_DISPLAY = { fonts: { add: () => {}, delete: () => {} } };

class UnshownFontFace {
  readonly loaded = Promise.resolve(this);
}

/** The reader's options to pdf.js for one document: read-only, nothing shown, nothing fetched. */
function documentOptions(data: Uint8Array, worker: PDFWorker): DocumentInitParameters {
  (globalThis as { FontFace?: unknown }).FontFace ??= UnshownFontFace;
  return {
    data,
    worker,
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: false,
    useSystemFonts: false,
    ownerDocument: NO_DISPLAY as unknown as Document,
    // Images are never decoded (every image is over 0 pixels): the operator list asked for
    // font names would otherwise decode a page's images, which the reader does not use.
    maxImageSize: 0,
    stopAtErrors: false,
    verbosity: 0,
  };
}

export async function extractPdf(bytes: Uint8Array): Promise<PdfRead> {
  pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { worker, release } = await sharedWorker(pdfjs);
  let doc;
  try {
    doc = await pdfjs.getDocument(documentOptions(bytes, worker)).promise;
  } catch (error) {
    release();
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new ReadError('encrypted', 'the PDF is encrypted (password-protected); save it without a password');
    throw new ReadError('damaged', `not a readable PDF (${(error as Error).message})`);
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new ReadError('too-large', `the PDF has ${doc.numPages} pages, over the limit of ${MAX_PAGES}`);
    const pages: PdfPage[] = [];
    const fonts: Record<string, string> = {};
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      const used = new Set<string>();
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        items.push({ s: it.str, x: e!, y: f!, size: Math.hypot(c!, d!) || Math.hypot(a!, b!), w: it.width, font: it.fontName });
        used.add(it.fontName);
      }
      if (needsFontNames(items, fonts)) {
        await page.getOperatorList();
        for (const f of used) {
          if (f in fonts) continue;
          const font = page.commonObjs.has(f) ? (page.commonObjs.get(f) as { name?: string }) : undefined;
          fonts[f] = font?.name ?? f;
        }
      }
      pages.push({ width, height, items });
      page.cleanup();
    }
    return { pages, fonts };
  } finally {
    await doc.destroy().finally(release);
  }
}
