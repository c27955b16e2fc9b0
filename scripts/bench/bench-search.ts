/**
 * `npm run bench:search [-- --sizes 4,100]`: what search costs, hosted and offline.
 *
 * Size 4 is the four seeds: the project's own `dist/` (run `npm run build` first). Any other size
 * is a synthetic corpus (scripts/bench/synthetic.ts) built with the real `scripts/commands/build.ts --json` in a
 * throwaway copy of the project, which also gives the search steps' share of the build.
 *
 * For each site:
 * - index: the Pagefind bundle (files, KB) and its offline form (search/offline/ in the zip, the
 *   same files as scripts), and the offline zip;
 * - first query: bytes and requests from opening the search page to the first results, hosted
 *   (served with gzip, as a host would) and offline (the zip unpacked into a temporary folder,
 *   opened from file://, bytes as read from disk);
 * - time: first query on a fresh page, and typing → results on a warm page (median and worst
 *   over the queries, including the 50 ms the box waits for typing to pause).
 *
 * Drives Debian's Chromium with Playwright. Prints a table and writes bench/results/search.json.
 */
import { execFileSync } from 'node:child_process';
import { chromiumLaunchOptions } from '../util/chromium.ts';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { allRecords, readReports } from '../search/records.ts';
import { defaultZipPath, zipRoot } from '../zip/offline-zip.ts';
import { OFFLINE_DIR } from '../search/classic.ts';
import { parseCli } from '../util/cli.ts';
import { projectCopy } from './site-bench.ts';
import { unpackZip } from './offline-first.ts';
import { indexingSeconds } from '../tasks/search.ts';
import { searchTable, writeBenchmarksDoc, type QueryCost, type SearchMeasure as SiteSearch } from './doc.ts';
import { makeCorpus, readSeeds, writeCorpus } from './synthetic.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The queries; the first is the first query of a fresh page. */
const queries = ['函件', '外地办事处', '疫苗', '酷刑受害者', 'A/HRC/40/38', '普遍定期审议', '48/141', '2391(2017)'];
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Files and bytes under a folder. */
function folder(dir: string): { files: number; KB: number } {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return { files: files.length, KB: Math.round(files.reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0) / 1024) };
}

/** A static server for a dist/ folder that gzips text files, as a real host would. */
function serve(dist: string): Promise<{ server: Server; url: string }> {
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
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
    }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * One reader: opens `search.html?q=<first query>` (hosted or from disk), counts what the page
 * loads until the results are drawn, then types each query on the warm page.
 */
async function measureReader(browser: Browser, base: string, fileBytes: (url: string) => number | undefined): Promise<QueryCost> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  let bytes = 0;
  let requests = 0;
  const sizes: Promise<void>[] = [];
  let counting = true;
  context.on('requestfinished', (req) => {
    if (!counting || req.resourceType() === 'document' || req.resourceType() === 'stylesheet') return;
    requests++;
    const local = fileBytes(req.url());
    if (local !== undefined) bytes += local;
    else
      sizes.push(
        req.sizes().then(
          (s) => void (bytes += s.responseBodySize + s.responseHeadersSize),
          () => undefined,
        ),
      );
  });
  const started = Date.now();
  await page.goto(`${base}search.html?q=${encodeURIComponent(queries[0]!)}`);
  await page.waitForFunction(() => document.documentElement.dataset.searchDone, null, { polling: 5, timeout: 120_000 });
  const firstMs = Date.now() - started;
  counting = false;
  await Promise.all(sizes);
  const first = { firstKB: Math.round(bytes / 1024), firstRequests: requests, firstMs };
  const done = () => page.evaluate(() => document.documentElement.dataset.searchDone ?? '');
  /** Type a query; the page itself times input event → results drawn (data-search-ms). */
  const typeAndWait = async (q: string) => {
    const before = await done();
    await page.fill('#search-q', q);
    await page.waitForFunction((b) => (document.documentElement.dataset.searchDone ?? '') !== b, before, { polling: 5, timeout: 120_000 });
    return Number(await page.evaluate(() => document.documentElement.dataset.searchMs));
  };
  for (const q of queries) await typeAndWait(q);
  const warm: number[] = [];
  for (const q of queries) {
    await typeAndWait('人权');
    warm.push(await typeAndWait(q));
  }
  await context.close();
  return { ...first, warmMedianMs: median(warm), warmMaxMs: Math.max(...warm) };
}

async function measureSite(reports: number, dir: string, zip: string, build?: SiteSearch['build']): Promise<SiteSearch> {
  const dist = join(dir, 'dist');
  if (!existsSync(join(dist, 'pagefind')) || !existsSync(zip)) throw new Error(`${dist}: no search index or zip; run \`npm run build\` first`);
  const records = allRecords(readReports(join(dir, 'content')));
  // The offline reader's copy: the zip unpacked (only the zip has the offline search scripts).
  const unpacked = mkdtempSync(join(tmpdir(), 'un-hr-unzipped-'));
  await unpackZip(zip, unpacked);
  const site = join(unpacked, zipRoot);
  const { server, url } = await serve(dist);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const fromDisk = (u: string) => (u.startsWith('file://') ? statSync(fileURLToPath(u.split('?')[0]!)).size : undefined);
    const hosted = await measureReader(browser, url, () => undefined);
    const offline = await measureReader(browser, pathToFileURL(site).href + '/', fromDisk);
    return {
      reports,
      load1: Number(loadavg()[0]!.toFixed(1)),
      blocks: records.length,
      textMB: Number((records.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1e6).toFixed(2)),
      index: folder(join(dist, 'pagefind')),
      offlineIndex: folder(join(site, OFFLINE_DIR)),
      zipMB: existsSync(zip) ? Number((statSync(zip).size / 1e6).toFixed(2)) : NaN,
      hosted,
      offline,
      ...(build ? { build } : {}),
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(unpacked, { recursive: true, force: true });
  }
}

/** A synthetic site of `n` reports, built for real in a throwaway copy; measured, then removed. */
async function synthetic(n: number): Promise<SiteSearch> {
  const dir = mkdtempSync(join(tmpdir(), `un-hr-search-${n}-`));
  try {
    projectCopy(root, dir);
    writeCorpus(makeCorpus(readSeeds(join(root, 'seeds')), n), join(dir, 'seeds'));
    console.error(`search ${n}: building (load ${loadavg()[0]!.toFixed(1)})…`);
    const json = join(dir, 'build.json');
    execFileSync(process.execPath, [join(dir, 'scripts', 'commands', 'build.ts'), '--json', json], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CI: '1' },
    });
    const outcome = JSON.parse(readFileSync(json, 'utf8')) as { seconds: number; steps: { name: string; seconds: number; detail: string }[] };
    const step = (name: string) => outcome.steps.find((s) => s.name === name)?.seconds ?? 0;
    // Indexing time: the step's time less what it waited for Astro (scripts/tasks/search.ts).
    const pagefindStep = outcome.steps.find((s) => s.name === 'pagefind');
    const indexing = pagefindStep ? indexingSeconds(pagefindStep) : 0;
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const build = {
      seconds: r1(outcome.seconds),
      pagefind: r1(indexing),
      zip: r1(step('zip')),
      searchShare: Math.round((indexing / outcome.seconds) * 1000) / 10,
    };
    console.error(`search ${n}: built in ${build.seconds} s (pagefind ${build.pagefind} s, zip with the offline scripts ${build.zip} s); measuring…`);
    return await measureSite(n, dir, join(dir, defaultZipPath), build);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { values: flags } = parseCli('npm run bench:search -- [--sizes 4,100,1000]', { options: { sizes: { type: 'string', default: '4' } } });
const sizes = flags.sizes.split(',').map(Number);
const results: SiteSearch[] = [];
for (const n of sizes) results.push(n === 4 ? await measureSite(4, root, join(root, defaultZipPath)) : await synthetic(n));
console.log(searchTable(results));
const file = join(root, 'bench', 'results', 'search.json');
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
// Sizes measured in separate runs are kept: a size measured now replaces its old entry.
const previous: SiteSearch[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).results ?? []) : [];
const all = [...previous.filter((p) => !results.some((r) => r.reports === p.reports)), ...results].sort((a, b) => a.reports - b.reports);
writeFileSync(file, `${JSON.stringify({ node: process.version, queries, results: all }, null, 2)}\n`);
writeBenchmarksDoc(root);
console.log('wrote docs/benchmarks.md');
