/**
 * `npm run bench:search` (after `npm run build`): what search costs a reader.
 *
 * - index size per MB of indexed text (Pagefind's index, filter and fragment files, and the whole
 *   Pagefind bundle with its script and WebAssembly);
 * - bytes a visitor downloads for a first search on the hosted site (every script, wasm, index
 *   and fragment file the search page fetches until the first results show, as transferred with
 *   gzip for text files; the page's own HTML is listed apart) — goal ≤ 300 KB;
 * - time from typing to results on a warm page (median and worst over the issue's queries,
 *   including the 50 ms the search box waits for typing to pause) — goal ≤ 200 ms;
 * - offline index size (raw and gzip), and the offline zip.
 *
 * Serves dist/ from an in-process static server and drives Debian's Chromium with Playwright.
 * Prints a table and writes bench/results/search.json.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, createGzip } from 'node:zlib';
import { chromium } from 'playwright';
import { allRecords, readReports } from './search/records.ts';
import { defaultZipPath } from './offline-zip.ts';
import { parseCli } from './cli.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, parseCli('npm run bench:search [-- DIST]', { allowPositionals: true, options: {} }, 1).positionals[0] ?? 'dist');
const queries = ['函件', '外地办事处', '疫苗', '酷刑受害者', 'A/HRC/40/38', '普遍定期审议', '48/141', '2391(2017)'];
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
};

/** Bytes of every file under a folder. */
function folderBytes(dir: string, keep: (path: string) => boolean = () => true): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && keep(join(e.parentPath, e.name)))
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

/** A static server for dist/ that gzips text files, as a real host would. */
function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = types[extname(file)];
    const gzip = type !== undefined && /gzip/.test(String(req.headers['accept-encoding']));
    res.writeHead(200, { 'content-type': type ?? 'application/octet-stream', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  if (!existsSync(join(dist, 'pagefind'))) throw new Error('no dist/pagefind: run `npm run build` first');
  const records = allRecords(readReports(join(root, 'content')));
  const textMB = records.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1e6;
  const pf = join(dist, 'pagefind');
  const indexBytes = folderBytes(pf, (p) => /\.pf_(index|fragment|filter|meta)$/.test(p));
  const bundleBytes = folderBytes(pf);
  // Every shard's fragments (the index is in shards: pagefind/ and pagefind/<n>/).
  const fragments = readdirSync(pf, { recursive: true }).filter((p) => String(p).endsWith('.pf_fragment')).length;
  const bundleFiles = readdirSync(pf, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  // The manifest and every shard (scripts/search/offline.ts); gzip is counted file by file, as a zip stores them.
  const offlineDir = join(dist, 'search', 'offline');
  const offlineFiles = readdirSync(offlineDir).map((f) => readFileSync(join(offlineDir, f)));
  const minisearch = readFileSync(join(dist, 'search', 'minisearch.js'));
  const zipBytes = existsSync(join(root, defaultZipPath)) ? statSync(join(root, defaultZipPath)).size : NaN;

  const { server, url } = await serve();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const transferred: number[] = [];
    const files: string[] = [];
    let pageBytes = 0;
    context.on('requestfinished', async (req) => {
      const sizes = await req.sizes();
      const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
      if (req.resourceType() === 'document') pageBytes += bytes;
      else {
        transferred.push(bytes);
        files.push(new URL(req.url()).pathname);
      }
    });
    // The search page starts loading Pagefind as soon as it opens: count from there.
    await page.goto(`${url}search.html`);
    await page.waitForLoadState('networkidle');
    const done = () => page.evaluate(() => document.documentElement.dataset.searchDone ?? '');
    /** Type a query; the page itself times input event → results drawn (data-search-ms). */
    const typeAndWait = async (q: string) => {
      const before = await done();
      await page.fill('#search-q', q);
      await page.waitForFunction((b) => (document.documentElement.dataset.searchDone ?? '') !== b, before, { polling: 5 });
      return Number(await page.evaluate(() => document.documentElement.dataset.searchMs));
    };
    const coldMs = await typeAndWait(queries[0]!);
    await page.waitForLoadState('networkidle');
    const firstSearchBytes = transferred.reduce((a, b) => a + b, 0);
    const firstSearchFiles = files.length;
    // BENCH_VERBOSE=1 lists what the first search downloaded.
    if (process.env.BENCH_VERBOSE) files.forEach((f, i) => console.error(`${(transferred[i]! / 1024).toFixed(1).padStart(7)} KB  ${f}`));
    // Warm: every query once to load its chunks, then timed.
    for (const q of queries) await typeAndWait(q);
    const warm: number[] = [];
    for (const q of queries) {
      await typeAndWait('人权');
      warm.push(await typeAndWait(q));
    }
    const result = {
      node: process.version,
      load1: Number(loadavg()[0]!.toFixed(1)),
      records: records.length,
      textMB: Number(textMB.toFixed(3)),
      pagefind: {
        indexKB: Math.round(indexBytes / 1024),
        indexKBPerTextMB: Math.round(indexBytes / 1024 / textMB),
        bundleKB: Math.round(bundleBytes / 1024),
        fragments,
        bundleFiles,
        firstSearchKB: Math.round(firstSearchBytes / 1024),
        searchPageKB: Math.round(pageBytes / 1024),
        firstSearchRequests: firstSearchFiles,
        firstSearchMs: coldMs,
        warmMedianMs: median(warm),
        warmMaxMs: Math.max(...warm),
      },
      offline: {
        indexKB: Math.round(offlineFiles.reduce((n, b) => n + b.length, 0) / 1024),
        indexGzipKB: Math.round(offlineFiles.reduce((n, b) => n + gzipSync(b).length, 0) / 1024),
        indexFiles: offlineFiles.length,
        minisearchKB: Math.round(minisearch.length / 1024),
        zipMB: Number((zipBytes / 1e6).toFixed(2)),
      },
    };
    const rows: [string, string, string][] = [
      ['indexed text', `${result.textMB} MB (${result.records} records)`, ''],
      ['Pagefind index', `${result.pagefind.indexKB} KB = ${result.pagefind.indexKBPerTextMB} KB per MB of text`, ''],
      ['Pagefind bundle (index + JS + wasm)', `${result.pagefind.bundleKB} KB in ${result.pagefind.bundleFiles} files (${result.pagefind.fragments} fragments)`, ''],
      ['first search download (scripts, wasm, index, fragments; page HTML not counted)', `${result.pagefind.firstSearchKB} KB in ${result.pagefind.firstSearchRequests} requests (+ ${result.pagefind.searchPageKB} KB page)`, '≤ 300 KB'],
      ['first search time', `${result.pagefind.firstSearchMs} ms`, ''],
      ['typing → results, warm (median / worst)', `${result.pagefind.warmMedianMs} / ${result.pagefind.warmMaxMs} ms`, '≤ 200 ms'],
      ['offline index', `${result.offline.indexKB} KB in ${result.offline.indexFiles} files (${result.offline.indexGzipKB} KB gzip) + MiniSearch ${result.offline.minisearchKB} KB`, ''],
      ['offline zip', `${result.offline.zipMB} MB`, ''],
    ];
    console.log(`| measure | value | goal |\n|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);
    console.log(`(load ${result.load1})`);
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    writeFileSync(join(root, 'bench', 'results', 'search.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
