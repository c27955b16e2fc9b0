/**
 * What a reader downloads to read a report page: the HTML with its inlined CSS, compressed,
 * and the script it carries. Reading must need no script file (the issue's "0 KB of JS"); the
 * small inline enhancements (theme choice, copy-citation buttons) are counted, not forbidden.
 * `node scripts/bench/page-weight.ts [dist]` prints the table; `npm run bench` appends it.
 */
import { readdirSync, readFileSync } from 'node:fs';
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
