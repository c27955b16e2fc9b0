/**
 * The offline reader's first search, as the site bench measures it: the zip unpacked into a
 * temporary folder, `打开我.html` opened from disk in Chromium, its link to the catalogue
 * followed, the query typed into the header's search box and sent; timed until the results are
 * drawn (the search page sets `data-search-done`), with the scripts the search loaded from disk
 * (it must load only what the query needs, not the whole index).
 */
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Unzip, UnzipInflate } from 'fflate';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../util/chromium.ts';
import { zipRoot } from '../zip/offline-zip.ts';

export interface OfflineFirst {
  /** 打开我.html opened → catalogue → query sent → results drawn. */
  ms: number;
  /** Script files the pages loaded from disk on the way, and their bytes. */
  scripts: number;
  KB: number;
}

/**
 * Unpack `zip` into `dir` as a reader's unzip would, one entry at a time: the zip of 10 000
 * reports is about a gigabyte, more than a benchmark should hold in memory at once.
 */
export async function unpackZip(zip: string, dir: string): Promise<void> {
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  let failed: Error | undefined;
  unzip.onfile = (file) => {
    if (file.name.endsWith('/')) return;
    const parts: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (error) return void (failed ??= error);
      parts.push(data);
      if (!final) return;
      mkdirSync(join(dir, file.name, '..'), { recursive: true });
      writeFileSync(join(dir, file.name), Buffer.concat(parts));
    };
    file.start();
  };
  for await (const chunk of createReadStream(zip)) unzip.push(chunk as Buffer);
  unzip.push(new Uint8Array(0), true);
  if (failed) throw failed;
}

/** Unpack `zip` and time its first search for `query` from 打开我.html. */
export async function offlineFirstResult(zip: string, query = '函件'): Promise<OfflineFirst> {
  const dir = mkdtempSync(join(tmpdir(), 'un-hr-offline-first-'));
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await unpackZip(zip, dir);
    const page = await browser.newPage({ locale: 'zh-CN' });
    let scripts = 0;
    let bytes = 0;
    page.on('requestfinished', (req) => {
      if (req.resourceType() !== 'script' || !req.url().startsWith('file://')) return;
      scripts += 1;
      bytes += statSync(fileURLToPath(req.url().split('?')[0]!)).size;
    });
    const started = performance.now();
    await page.goto(pathToFileURL(join(dir, zipRoot, '打开我.html')).href);
    await page.locator('a.go').click();
    await page.locator('#site-q').fill(query);
    await page.locator('#site-q').press('Enter');
    await page.waitForFunction(() => document.documentElement.dataset.searchDone, null, { polling: 5, timeout: 120_000 });
    const ms = Math.round(performance.now() - started);
    if ((await page.locator('#search-results > li').count()) === 0) throw new Error(`offline search for ${query} found nothing`);
    return { ms, scripts, KB: Math.round(bytes / 1024) };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  console.log(await offlineFirstResult(process.argv[2] ?? join('artifacts', 'un-hr-reports-offline.zip')));
