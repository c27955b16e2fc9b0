/**
 * What a reader downloads to read a report page: the HTML with its inlined CSS, compressed,
 * and the script it carries. Reading must need no script file (the issue's "0 KB of JS"); the
 * small inline enhancements (theme choice, copy-citation buttons) are counted, not forbidden.
 * `node scripts/bench/page-weight.ts [dist]` prints the table; `npm run bench` appends it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { parseCli } from '../util/cli.ts';

type Node = DefaultTreeAdapterMap['node'];

export interface PageWeight {
  page: string;
  htmlBytes: number;
  /** gzip -9 of the HTML file, which holds the page's only stylesheet inline. */
  gzipBytes: number;
  /** Stylesheets and scripts loaded from files: no stylesheet; one deferred enhancement script (search/page.js). */
  externalStyles: number;
  externalScripts: number;
  /** UTF-8 bytes of inline `<script>` text (progressive enhancement only). */
  inlineScriptBytes: number;
  inlineStyleBytes: number;
}

/** Weigh one page's HTML. Pure. */
export function pageWeight(page: string, html: string): PageWeight {
  const w: PageWeight = {
    page,
    htmlBytes: Buffer.byteLength(html),
    gzipBytes: gzipSync(html, { level: 9 }).length,
    externalStyles: 0,
    externalScripts: 0,
    inlineScriptBytes: 0,
    inlineStyleBytes: 0,
  };
  const text = (node: Node) => ('childNodes' in node ? node.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : '')).join('') : '');
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      if (node.tagName === 'script') {
        if (attr('src') !== undefined) w.externalScripts += 1;
        else w.inlineScriptBytes += Buffer.byteLength(text(node));
      } else if (node.tagName === 'style') w.inlineStyleBytes += Buffer.byteLength(text(node));
      else if (node.tagName === 'link' && attr('rel')?.split(/\s+/).includes('stylesheet')) w.externalStyles += 1;
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html));
  return w;
}

/** Every report page of a build (`<dist>/reports/*.html`), by file name. */
export function reportPageWeights(dist: string): PageWeight[] {
  const dir = join(dist, 'reports');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => pageWeight(`reports/${f}`, readFileSync(join(dir, f), 'utf8')));
}

/** A page's size as the bench reports it: its path, HTML bytes and gzip -9 bytes. */
export interface PageSize {
  page: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The largest HTML page of a built site, and the largest outside `reports/` (the pages that list
 * the corpus: catalogue, figures, countries, documents, search), which must stay bounded as the
 * corpus grows (docs/scale.md). A report page's size is its own text's.
 */
export function largestPages(dist: string): { any: PageSize; list: PageSize | undefined } {
  let any: { page: string; bytes: number } | undefined;
  let list: { page: string; bytes: number } | undefined;
  const visit = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) visit(join(dir, e.name), path);
      else if (e.name.endsWith('.html')) {
        const bytes = statSync(join(dir, e.name)).size;
        if (!any || bytes > any.bytes) any = { page: path, bytes };
        if (!path.startsWith('reports/') && (!list || bytes > list.bytes)) list = { page: path, bytes };
      }
    }
  };
  visit(dist, '');
  if (!any) throw new Error(`no HTML page in ${dist}`);
  const sized = (p: { page: string; bytes: number }): PageSize => ({ ...p, gzipBytes: gzipSync(readFileSync(join(dist, p.page)), { level: 9 }).length });
  return { any: sized(any), list: list && sized(list) };
}

const KB = 1024;
const kb = (n: number) => (n / KB).toFixed(1);

/** A Markdown table of page weights, KB = 1024 bytes. */
export function pageWeightTable(weights: readonly PageWeight[]): string {
  const rows = weights.map(
    (w) =>
      `| ${w.page} | ${kb(w.htmlBytes)} | ${kb(w.inlineStyleBytes)} | ${kb(w.gzipBytes)} | ${w.externalScripts + w.externalStyles} | ${w.inlineScriptBytes} |`,
  );
  return ['| report page | HTML+CSS KB | of which CSS KB | gzip KB | script/style files | inline JS bytes |', '|---|--:|--:|--:|--:|--:|', ...rows].join('\n');
}

if (import.meta.main)
  console.log(
    pageWeightTable(
      reportPageWeights(parseCli('npx node scripts/bench/page-weight.ts [DIST]', { allowPositionals: true, options: {} }, 1).positionals[0] ?? 'dist'),
    ),
  );
