/**
 * The offline reader's first search, as the site bench measures it: the zip unpacked into a
 * temporary folder, `打开我.html` opened from disk in Chromium, its link to the catalogue
 * followed, the query typed into the header's search box and sent; timed until the results are
 * drawn (the search page sets `data-search-done`), with the scripts the search loaded from disk
 * (it must load only what the query needs, not the whole index).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
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

/** Unpack `zip` and time its first search for `query` from 打开我.html. */
export async function offlineFirstResult(zip: string, query = '函件'): Promise<OfflineFirst> {
  const dir = mkdtempSync(join(tmpdir(), 'un-hr-offline-first-'));
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (const [path, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
      if (path.endsWith('/')) continue;
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), data);
    }
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
