/**
 * `npm run dev` on a copy of the project with the pinned test seeds: a seed edited or removed
 * while the server runs shows up in the served pages, and in search (the dev server indexes the
 * content when it starts and again when a model changes), with no dependency-scan error at start.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { appendFileSync, cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/util/chromium.ts';
import { projectCopy } from '../../scripts/bench/site-bench.ts';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';
import { root, seedFiles, seedsDir } from '../helpers.ts';

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Poll `check` until it returns true or `ms` pass; the error quotes the server's log. */
async function until(what: string, check: () => Promise<boolean>, log: () => string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for: ${what}\n--- dev server log ---\n${log().slice(-3000)}`);
}

/**
 * The search page's results for `q` (their addresses, best first) and its status line, as a reader
 * sees them in the browser. Vite's dependency optimizer reloads a page once when its first visit
 * finds a dependency to optimize (its documented behaviour, seen here as "Execution context was
 * destroyed"): the search is then asked again, as a reader would see it after the reload.
 */
async function searchDev(browser: Browser, port: number, q: string): Promise<{ urls: string[]; status: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await searchOnce(browser, port, q);
    } catch (error) {
      if (attempt >= 3 || !/Execution context was destroyed/.test((error as Error).message)) throw error;
    }
  }
}

async function searchOnce(browser: Browser, port: number, q: string): Promise<{ urls: string[]; status: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/search.html?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(
      () => document.documentElement.dataset.searchDone || /出错/.test(document.getElementById('search-status')?.textContent ?? ''),
      null,
      {
        timeout: 60_000,
      },
    );
    const urls = await page.locator('.result').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.url ?? ''));
    return { urls, status: (await page.locator('#search-status').textContent()) ?? '' };
  } finally {
    await page.close();
  }
}

test('a seed edited while the dev server runs is reconverted, served and searchable; a removed seed loses its page', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'un-hr-dev-'));
  projectCopy(root, dir);
  cpSync(seedsDir, join(dir, 'seeds'), { recursive: true });
  convertAll({ seedsDir: join(dir, 'seeds'), outDir: join(dir, 'content'), fs: { ...fs, join } as unknown as RunOptions['fs'], log: () => {} });
  const port = await freePort();
  const server = spawn(process.execPath, [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The copy's own content/ (the test command points CONTENT_DIR at the pinned build).
    env: { ...process.env, CONTENT_DIR: join(dir, 'content'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  let log = '';
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  after(() => {
    if (process.env.DEV_LOG) writeFileSync(process.env.DEV_LOG, log);
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  const page = (slug: string) => fetch(`http://127.0.0.1:${port}/reports/${slug}.html`);
  await until(
    'the dev server serves a-74-36',
    async () => (await page('a-74-36')).ok,
    () => log,
  );
  assert.doesNotMatch(log, /Failed to run dependency scan/);
  // The downloads are written by the build, not by Astro (scripts/tasks/data-files.ts): the dev server answers them from the same function.
  const download = (path: string) => fetch(`http://127.0.0.1:${port}/data/${path}`);
  const bib = await download('a-74-36.bib');
  assert.equal(bib.headers.get('content-type'), 'application/x-bibtex; charset=utf-8');
  assert.match(await bib.text(), /^@techreport\{a-74-36,\n[^]*\n {2}number = \{A\/74\/36\},\n/);
  assert.equal(((await (await download('a-hrc-55-69.figures.json')).json()) as { report: { symbol: string } }).report.symbol, 'A/HRC/55/69');

  const browser = await chromium.launch(chromiumLaunchOptions);
  after(() => browser.close());
  const bySymbol = await searchDev(browser, port, 'A/74/36');
  assert.doesNotMatch(bySymbol.status, /出错/);
  assert.equal(bySymbol.urls[0], 'reports/a-74-36.html');

  const first = seedFiles.find((f) => f.startsWith('001'))!;
  appendFileSync(join(dir, 'seeds', first), '\n122. 开发服务器测试新增的一段。\n');
  await until(
    'paragraph 122 appears',
    async () => (await (await page('a-74-36')).text()).includes('开发服务器测试新增的一段。'),
    () => log,
  );
  await until(
    'search finds paragraph 122',
    async () => (await searchDev(browser, port, '开发服务器测试新增')).urls.includes('reports/a-74-36.html#p-122'),
    () => log,
  );

  const fourth = seedFiles.find((f) => f.startsWith('004'))!;
  renameSync(join(dir, 'seeds', fourth), join(dir, fourth));
  await until(
    'a-hrc-55-69 is gone',
    async () => (await page('a-hrc-55-69')).status === 404,
    () => log,
  );
  assert.equal((await page('a-74-36')).status, 200);
  assert.equal((await download('a-hrc-55-69.figures.json')).status, 404);
});
