/**
 * Search, hosted (Pagefind over `astro preview`) and offline (the build's zip, unzipped into a
 * temporary folder and opened from file:// with no server). The test queries must land
 * on the same report and block in both, with the same filters. Expectations come from the
 * report models and the search records built from them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { allRecords, readReports, reportName } from '../../scripts/search/records.ts';
import { zipRoot } from '../../scripts/offline-zip.ts';
import { contentDir, zipPath } from '../pinned.ts';
import { inlineText, reports } from './model.ts';

/** The search records as the build makes them (chart titles as the maintainer file renames them). */
const records = allRecords(readReports(contentDir));
const bySeed = (n: number) => {
  const r = reports.find((x) => x.source.file.startsWith(String(n).padStart(3, '0') + '_'));
  if (!r) throw new Error(`no report from seed ${n}`);
  return r;
};
const url = (slug: string, id: string) => `reports/${slug}.html#${id}`;
const headingId = (slug: string, text: string) => {
  const r = reports.find((x) => x.slug === slug)!;
  const h = r.blocks.find((b) => b.type === 'heading' && inlineText(b.content) === text);
  if (!h) throw new Error(`${slug} has no heading ${text}`);
  return h.id;
};
const paragraphId = (slug: string, n: number) => {
  const r = reports.find((x) => x.slug === slug)!;
  const p = r.blocks.find((b) => b.type === 'paragraph' && b.n === n);
  if (!p) throw new Error(`${slug} has no paragraph ${n}`);
  return p.id;
};
/** Records whose text holds `q` as written (spaces ignored). */
const holding = (q: string) => records.filter((r) => r.text.replace(/\s+/g, '').includes(q.replace(/\s+/g, '')));

const first = bySeed(1);
const second = bySeed(2);
const fourth = bySeed(4);
/** Reports with a section heading 普遍定期审议 (the UPR section). */
const uprSections = reports.flatMap((r) =>
  r.blocks.filter((b) => b.type === 'heading' && inlineText(b.content) === '普遍定期审议').map((b) => ({ report: r, id: b.id })),
);

/** The test queries: the block that must come first. */
const topOf: Record<string, string> = {
  函件: url(fourth.slug, headingId(fourth.slug, '函件')),
  外地办事处: url(first.slug, paragraphId(first.slug, 2)),
  'A/HRC/40/38': url(first.slug, paragraphId(first.slug, 11)),
  普遍定期审议: url(uprSections[0]!.report.slug, uprSections[0]!.id),
};

let offlineRoot = '';
test.beforeAll(() => {
  const zip = unzipSync(new Uint8Array(readFileSync(zipPath)));
  offlineRoot = mkdtempSync(join(tmpdir(), 'un-hr-offline-'));
  for (const [name, data] of Object.entries(zip)) {
    if (name.endsWith('/')) continue;
    const path = join(offlineRoot, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
});
test.afterAll(() => rmSync(offlineRoot, { recursive: true, force: true }));

const sites = [
  { name: 'hosted', page: (q: string) => `search.html?q=${encodeURIComponent(q)}` },
  { name: 'offline', page: (q: string) => pathToFileURL(join(offlineRoot, zipRoot, 'search.html')).href + `?q=${encodeURIComponent(q)}` },
] as const;

/** Console errors and failed requests of a page, to assert none at the end of a test. */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`${r.url()} ${r.failure()?.errorText}`));
  return errors;
}

async function search(page: Page, address: string): Promise<string[]> {
  await page.goto(address);
  await page.waitForFunction(() => document.documentElement.dataset.searchDone);
  return page.locator('.result').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.url ?? ''));
}

for (const site of sites) {
  test.describe(`${site.name} search`, () => {
    for (const [q, top] of Object.entries(topOf)) {
      test(`${q} lands first on ${top}`, async ({ page }) => {
        const errors = watch(page);
        const got = await search(page, site.page(q));
        expect(got[0]).toBe(top);
        await expect(page.locator('#search-status')).toHaveText(`找到 ${got.length} 条结果。`);
        expect(errors).toEqual([]);
      });
    }

    test('疫苗 finds only the second seed, every block that mentions vaccines', async ({ page }) => {
      const got = await search(page, site.page('疫苗'));
      const expected = holding('疫苗').map((r) => r.url);
      expect(new Set(expected.map((u) => u.split('#')[0]))).toEqual(new Set([`reports/${second.slug}.html`]));
      expect(got.sort()).toEqual(expected.sort());
    });

    test('酷刑受害者 finds every report that counts torture victims', async ({ page }) => {
      const got = await search(page, site.page('酷刑受害者'));
      const expected = holding('酷刑受害者');
      expect(got.sort()).toEqual(expected.map((r) => r.url).sort());
      expect(new Set(expected.map((r) => r.slug)).size).toBe(3);
    });

    test('普遍定期审议 puts each report’s UPR section first within that report', async ({ page }) => {
      expect(uprSections.length).toBe(2);
      for (const { report, id } of uprSections) {
        const got = await search(page, site.page('普遍定期审议') + `&报告=${encodeURIComponent(reportName(report))}`);
        expect(got[0]).toBe(url(report.slug, id));
      }
    });

    for (const symbol of ['A/HRC/40/3', '48/141', '2391(2017)']) {
      test(`${symbol} finds exactly the blocks that cite it, as written`, async ({ page }) => {
        const got = await search(page, site.page(symbol));
        const exact = new RegExp(`(?<![0-9A-Za-z/])${symbol.replace(/[()/]/g, '\\$&')}(?![0-9A-Za-z/])`);
        const expected = records.filter((r) => exact.test(r.text)).map((r) => r.url);
        expect(expected.length).toBeGreaterThan(0);
        expect(got.sort()).toEqual(expected.sort());
        await expect(page.locator('.result-excerpt mark').first()).toHaveText(symbol);
      });
    }

    test('日内瓦毒品, cut differently by jieba and the browser, still finds its paragraph', async ({ page }) => {
      const got = await search(page, site.page('日内瓦毒品'));
      expect(got).toEqual(holding('日内瓦毒品').map((r) => r.url));
      expect(got.length).toBe(1);
    });

    test('results come twenty at a time, the rest behind a button', async ({ page }) => {
      const expected = holding('报告').length;
      const got = await search(page, site.page('报告'));
      expect(got.length).toBe(20);
      const total = Number((await page.locator('#search-status').textContent())?.match(/^找到 (\d+) 条结果。$/)?.[1]);
      expect(total).toBeGreaterThanOrEqual(expected);
      expect(expected).toBeGreaterThan(40);
      await page.locator('#search-more').click();
      await expect(page.locator('.result')).toHaveCount(40);
    });

    test('a term in no report says so', async ({ page }) => {
      const errors = watch(page);
      const got = await search(page, site.page('量子计算机'));
      expect(got).toEqual([]);
      await expect(page.locator('#search-status')).toHaveText('没有找到与“量子计算机”相符的结果。请换一个词语，或取消筛选条件。');
      expect(errors).toEqual([]);
    });

    test('filters combine, with counts that match the results', async ({ page }) => {
      const errors = watch(page);
      const notes = holding('决议').filter((r) => r.kind === 'note');
      const year = notes[0]!.filters.年份;
      expect(notes.length).toBeGreaterThan(1);
      await search(page, site.page('决议'));
      const count = Number(await page.locator('label[for="f-类型-注释"] .count').textContent());
      await page.locator('#f-类型-注释').check();
      await expect(page.locator('#search-status')).toHaveText(`找到 ${count} 条结果。`);
      const got = await page.locator('.result').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.url ?? ''));
      expect(got).toEqual(expect.arrayContaining(notes.map((r) => r.url)));
      expect(got.every((u) => /#fn-\d+$/.test(u))).toBe(true);
      expect(decodeURIComponent(page.url())).toContain('类型=注释');
      const inYear = Number(await page.locator(`label[for="f-年份-${year}"] .count`).textContent());
      await page.locator(`#f-年份-${year}`).check();
      await expect(page.locator('#search-status')).toHaveText(`找到 ${inYear} 条结果。`);
      await expect(page.locator('#f-类型-注释')).toBeChecked();
      const both = await page.locator('.result').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.url ?? ''));
      expect(both).toEqual(expect.arrayContaining(notes.filter((r) => r.filters.年份 === year).map((r) => r.url)));
      expect(both.every((u) => records.find((r) => r.url === u)?.filters.年份 === year)).toBe(true);
      expect(errors).toEqual([]);
    });

    test('a result lands on its paragraph with the terms marked', async ({ page }) => {
      const errors = watch(page);
      await search(page, site.page('外地办事处'));
      await page.locator('.result-link').first().click();
      await expect(page).toHaveURL(new RegExp(`${first.slug}\\.html\\?q=.*#${paragraphId(first.slug, 2)}$`));
      const target = page.locator(`[id="${paragraphId(first.slug, 2)}"]`);
      await expect(target).toHaveClass(/search-target/);
      await expect(target.locator('mark.search-hit')).toHaveText(['外地办事处']);
      await expect(target).toBeInViewport();
      expect(errors).toEqual([]);
    });

    test('keyboard: / focuses the header box, Enter searches, Tab and arrows reach the results', async ({ page }) => {
      const errors = watch(page);
      const home = site.page('x').replace(/search\.html\?q=x$/, 'index.html');
      await page.goto(home);
      await page.keyboard.press('/');
      await expect(page.locator('#site-q')).toBeFocused();
      await page.keyboard.type('疫苗');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.documentElement.dataset.searchDone);
      await expect(page.locator('#search-q')).toHaveValue('疫苗');
      await page.locator('#search-q').focus();
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        if (await page.locator('.result-link').first().evaluate((a) => a === document.activeElement)) break;
      }
      await expect(page.locator('.result-link').first()).toBeFocused();
      await page.locator('#search-q').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('.result-link').nth(1)).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await expect(page.locator('.result-link').first()).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${second.slug}\\.html`));
      expect(errors).toEqual([]);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header box still submits to the search page, which says search needs JavaScript', async ({ page }) => {
    await page.goto('about.html');
    await page.locator('#site-q').fill('疫苗');
    await page.locator('#site-q').press('Enter');
    await expect(page).toHaveURL(/search\.html\?q=%E7%96%AB%E8%8B%97$/);
    await expect(page.locator('#search-status')).toContainText('搜索需要启用 JavaScript');
  });
});

test('the hosted site loads Pagefind, never the offline index; the offline build loads no Pagefind', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  await search(page, sites[0].page('疫苗'));
  expect(loaded.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
  expect(loaded.filter((u) => /search\/offline\/|minisearch/.test(u))).toEqual([]);
  loaded.length = 0;
  await search(page, sites[1].page('疫苗'));
  // The manifest, then every shard there is (each report's records are in one of them).
  const shards = readdirSync(join(offlineRoot, zipRoot, 'search', 'offline')).filter((f) => f !== 'manifest.js');
  expect(shards.length).toBeGreaterThan(1);
  expect(loaded.some((u) => u.endsWith('/search/offline/manifest.js'))).toBe(true);
  expect(loaded.filter((u) => /\/search\/offline\/\d+\.js$/.test(u)).map((u) => u.split('/').pop()).sort()).toEqual(shards.sort());
  expect(loaded.filter((u) => u.includes('pagefind') || !u.startsWith('file://'))).toEqual([]);
});

test('offline search gives the hosted top result for every test query, with and without filters', async ({ page }) => {
  test.setTimeout(120_000);
  const queries = [...Object.keys(topOf), '疫苗', '酷刑受害者', '48/141', '2391(2017)'];
  const cases = queries.flatMap((q) => [q, `${q}&类型=${encodeURIComponent('段落')}`, `${q}&机构=${encodeURIComponent('人权理事会')}`]);
  for (const c of cases) {
    const [q, extra] = c.split('&');
    const hosted = await search(page, sites[0].page(q!) + (extra ? `&${extra}` : ''));
    const offline = await search(page, sites[1].page(q!) + (extra ? `&${extra}` : ''));
    expect(offline[0], c).toBe(hosted[0]);
  }
});

/** Chinese phrases sampled from the records: every heading's runs, and a 2–5 character window of every fourth block. */
function samplePhrases(): { q: string; urls: string[] }[] {
  const phrases = new Set<string>();
  records.forEach((r, i) => {
    if (r.kind === 'heading') for (const run of r.text.match(/[\u4e00-\u9fff]{2,12}/g) ?? []) phrases.add(run);
    const run = (r.text.match(/[\u4e00-\u9fff]{6,}/g) ?? [])[0];
    if (run && i % 4 === 0) phrases.add(run.slice(i % (run.length - 3), (i % (run.length - 3)) + 2 + (i % 4)));
  });
  return [...phrases].sort().map((q) => ({ q, urls: holding(q).map((r) => r.url) }));
}

for (const site of sites) {
  test(`${site.name}: every sampled Chinese phrase finds every block that holds it`, async ({ page }) => {
    test.setTimeout(180_000);
    const cases = samplePhrases();
    expect(cases.length).toBe(189);
    await page.goto(site.page(''));
    await page.waitForFunction(() => (self as unknown as { UNHRSearchEngine?: unknown }).UNHRSearchEngine);
    const missing = await page.evaluate(async (cases) => {
      const engine = (self as unknown as { UNHRSearchEngine: { search(q: string, f: object): Promise<{ hits: { load(): Promise<{ url: string }> }[] }> } }).UNHRSearchEngine;
      const out: string[] = [];
      for (const { q, urls } of cases) {
        const res = await engine.search(q, {});
        const got = await Promise.all(res.hits.map((h) => h.load().then((d) => d.url)));
        for (const u of urls) if (!got.includes(u)) out.push(`${q} → ${u}`);
      }
      return out;
    }, cases);
    expect(missing).toEqual([]);
  });
}
