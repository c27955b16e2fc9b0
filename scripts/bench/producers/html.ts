/**
 * Producer one: the report as an HTML page in the UN layout, printed to PDF by Chromium
 * (Playwright's page.pdf with Debian's chromium, scripts/util/chromium.ts). A small paginator in the
 * page fills A4 pages block by block and sets each page's notes at its foot under a rule, in
 * smaller type, with superscript references in the text; pages after the first carry the
 * symbol as running header, every page a footer with the job number and page number, the first
 * page the cover's masthead (two columns) and the job number with its language code.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../util/chromium.ts';
import { mastheadOf, type Printable, type Run } from './printable.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runsHtml(runs: Run[]): { html: string; refs: number[] } {
  const refs: number[] = [];
  const html = runs
    .map((r) => {
      if (typeof r === 'string') return esc(r);
      refs.push(r.ref);
      return `<sup>${r.ref}</sup>`;
    })
    .join('');
  return { html, refs };
}

export function toHtml(doc: Printable): string {
  const blocks = doc.blocks.map((b) => {
    const { html, refs } = runsHtml(b.runs);
    // An indented line (an infographic's leading space) is set indented.
    const indent = b.kind === 'line' && /^\s/.test(html) ? ' indent' : '';
    return { cls: (b.kind === 'heading' ? `h${b.level ?? 2}` : b.kind) + indent, html, refs };
  });
  const notes = Object.fromEntries([...doc.notes].map(([n, t]) => [n, esc(t)]));
  const cover = doc.cover.map((l) => `<div class="cover">${esc(l)}</div>`).join('');
  const mast = mastheadOf(doc);
  const column = (lines: string[]) => lines.map((l) => `<div>${esc(l) || '&nbsp;'}</div>`).join('');
  const masthead = `<div class="mast"><div class="organ">${column(mast.left)}</div><div class="sym">${column(mast.right)}</div></div>`;
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 0 }
body { margin: 0; font-family: 'Noto Serif CJK SC', serif; font-size: 10pt; line-height: 14pt }
.page { width: 210mm; height: 297mm; position: relative; page-break-after: always; overflow: hidden }
.head { position: absolute; top: 10mm; left: 25mm; right: 25mm; font-size: 9pt; font-weight: bold }
.page.even .head { text-align: left } .page.odd .head { text-align: right }
.foot { position: absolute; bottom: 10mm; left: 25mm; right: 25mm; font-size: 8pt; display: flex; justify-content: space-between }
.content { position: absolute; top: 22mm; bottom: 22mm; left: 25mm; right: 25mm; display: flex; flex-direction: column }
.body { flex: none } .notes { margin-top: auto; font-size: 8pt; line-height: 10pt }
.notes:not(:empty)::before { content: ''; display: block; width: 40mm; border-top: 0.5pt solid #000; margin-bottom: 3pt }
.para, .item, .cover { margin: 0 0 10pt } .item { padding-left: 2em }
.line { margin: 0; white-space: pre-wrap; tab-size: 3 } .indent { padding-left: 2em } .space { height: 14pt }
.h1 { font-weight: bold; font-size: 11pt; margin: 6pt 0 10pt } .h2, .h3 { font-weight: bold; margin: 4pt 0 10pt }
sup { font-size: 6.5pt; vertical-align: 4pt; line-height: 0 }
.mast { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 1pt solid #000; margin-bottom: 12pt; padding-bottom: 4pt }
.mast .organ { font-size: 14pt; font-weight: bold } .mast .sym { font-size: 9pt; text-align: right } .mast .sym div:first-child { font-size: 12pt }
</style></head><body><script>
const BLOCKS = ${JSON.stringify(blocks)};
const NOTES = ${JSON.stringify(notes)};
const HEADER = ${JSON.stringify(esc(doc.header ?? doc.symbol))}, JOB = ${JSON.stringify(doc.job)};
const COVER = ${JSON.stringify(cover)};
const MAST = ${JSON.stringify(masthead)};
let count = 0;
function newPage() {
  count++;
  const page = document.createElement('div');
  page.className = 'page ' + (count % 2 ? 'odd' : 'even');
  const first = count === 1;
  page.innerHTML = (first ? '' : '<div class="head">' + HEADER + '</div>') +
    '<div class="content"><div class="body"></div><div class="notes"></div></div>' +
    '<div class="foot">' + (first ? '<span>' + JOB + ' (C)</span><span>*' + JOB.replace(/\\D/g, '') + '*</span>' : count % 2 ? '<span>' + JOB + '</span><span>' + count + '</span>' : '<span>' + count + '</span><span>' + JOB + '</span>') + '</div>';
  document.body.appendChild(page);
  return { content: page.querySelector('.content'), body: page.querySelector('.body'), notes: page.querySelector('.notes') };
}
let cur = newPage();
cur.body.innerHTML = MAST + COVER;
const placed = new Set();
const over = () => cur.content.scrollHeight > cur.content.clientHeight + 1;
for (const b of BLOCKS) {
  const add = () => {
    const el = document.createElement('div');
    el.className = b.cls;
    el.innerHTML = b.html;
    cur.body.appendChild(el);
    const added = [];
    for (const n of b.refs) {
      if (placed.has(n) || !(n in NOTES)) continue;
      const note = document.createElement('div');
      note.innerHTML = n + ' ' + NOTES[n];
      cur.notes.appendChild(note);
      placed.add(n);
      added.push([n, note]);
    }
    return [el, added];
  };
  let [el, added] = add();
  if (over() && cur.body.children.length > 1) {
    el.remove();
    for (const [n, note] of added) { note.remove(); placed.delete(n); }
    cur = newPage();
    add();
  }
}
</script></body></html>`;
}

/** Print the HTML rendering to PDF with Chromium. */
export async function printPdf(doc: Printable): Promise<Buffer> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.setContent(toHtml(doc), { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: false });
  } finally {
    await browser.close();
  }
}
