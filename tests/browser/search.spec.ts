/**
 * Search, hosted (Pagefind over `astro preview`) and offline (the build's zip, unzipped into a
 * temporary folder and opened from file:// with no server, where the same Pagefind runs from
 * classic scripts). The test queries must land on the same report and block in both,
 * with the same filters. Expectations come from the report models and the search records.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { allRecords, readReports, reportName } from '../../scripts/search/records.ts';
import { documentPages } from '../../scripts/model/docpages.ts';
import { docPath, reportPath } from '../../scripts/model/urls.ts';
import { zipRoot } from '../../scripts/zip/offline-zip.ts';
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
const holding = (q: string) => records.filter((r) => r.kind !== 'document' && r.text.replace(/\s+/g, '').includes(q.replace(/\s+/g, '')));

/** Every symbol of every report (its own: the cover's), with the report. */
const ownSymbols = reports.flatMap((report) =>
  [...new Set([report.meta.symbol, ...report.meta.symbols].filter((s): s is string => Boolean(s)))].map((symbol) => ({ report, symbol })),
);
/** The document pages, and how the reports write each symbol. */
const docPages = documentPages(readReports(contentDir));

const first = bySeed(1);
const second = bySeed(2);
const fourth = bySeed(4);
/** Reports with a section heading 普遍定期审议 (the UPR section). */
const uprSections = reports.flatMap((r) =>
  r.blocks.filter((b) => b.type === 'heading' && inlineText(b.content) === '普遍定期审议').map((b) => ({ report: r, id: b.id })),
);

/** The test queries: the block that must come first. */
const topOf: Record<string, string[]> = {
  函件: [url(fourth.slug, headingId(fourth.slug, '函件'))],
  外地办事处: [url(first.slug, paragraphId(first.slug, 2))],
  'A/HRC/40/38': ['docs/a-hrc-40-38.html'],
  // Two section headings are exactly the query: either may come first (a tie, in Pagefind's order).
  普遍定期审议: uprSections.map((s) => url(s.report.slug, s.id)),
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
  // A request the page's own navigation cancels (the favicon of a page left at once) is no error.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`${r.url()} ${r.failure()?.errorText}`));
  return errors;
}

/** Open a search and return the matches shown, in order (a few per report). */
async function search(page: Page, address: string): Promise<string[]> {
  await page.goto(address);
  await page.waitForFunction(() => document.documentElement.dataset.searchDone);
  return shown(page);
}
const shown = (page: Page) => page.locator('.result').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.url ?? ''));

/** Search again from the page's own form (one search, no reload) and wait for its results. */
async function searchHere(page: Page, q: string): Promise<void> {
  const before = await page.evaluate(() => document.documentElement.dataset.searchDone ?? '');
  await page.evaluate((q) => {
    (document.getElementById('search-q') as HTMLInputElement).value = q;
    (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
  }, q);
  await page.waitForFunction((before) => (document.documentElement.dataset.searchDone ?? '') !== before, before);
}

/** Every match of a query, best first, as the page's engine finds them (not only those on screen). */
async function allMatches(page: Page, address: string, q: string, filters: Record<string, string> = {}): Promise<string[]> {
  await page.goto(address);
  await page.waitForFunction(() => (self as unknown as { UNHRSearchEngine?: unknown }).UNHRSearchEngine);
  return page.evaluate(
    async ([q, filters]) => {
      const engine = (self as unknown as { UNHRSearchEngine: { search(q: string, f: object): Promise<{ hits: { url: string }[] }> } }).UNHRSearchEngine;
      return (await engine.search(q, filters)).hits.map((h) => h.url);
    },
    [q, filters] as const,
  );
}

/** The status line's numbers: pages (reports and documents) and matches. */
async function totals(page: Page): Promise<{ pages: number; matches: number }> {
  const text = (await page.locator('#search-status').textContent()) ?? '';
  const m = text.match(/^在 (\d+) 个页面中找到 (\d+) 处匹配。$/);
  if (!m) throw new Error(`status: ${text}`);
  return { pages: Number(m[1]), matches: Number(m[2]) };
}

for (const site of sites) {
  test.describe(`${site.name} search`, () => {
    for (const [q, top] of Object.entries(topOf)) {
      test(`${q} lands first on ${top.join(' or ')}`, async ({ page }) => {
        const errors = watch(page);
        const got = await search(page, site.page(q));
        expect(top).toContain(got[0]);
        const groups = await page.locator('.result-group').count();
        expect((await totals(page)).pages).toBe(groups);
        expect(errors).toEqual([]);
      });
    }

    test('results are grouped by report: each report once, its title, symbol and year once, its best three matches under it', async ({ page }) => {
      await search(page, site.page('普遍定期审议'));
      const reportsFound = new Set(holding('普遍定期审议').map((r) => r.slug));
      expect(reportsFound.size).toBe(4);
      const groups = await page.locator('.result-group').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.report));
      expect(new Set(groups)).toEqual(reportsFound);
      expect(groups.length).toBe(reportsFound.size);
      for (const slug of reportsFound) {
        const group = page.locator(`.result-group[data-report="${slug}"]`);
        const report = reports.find((r) => r.slug === slug)!;
        await expect(group.locator('.group-title')).toHaveText(report.meta.title);
        if (report.meta.symbol) await expect(group.locator('.group-meta')).toContainText(report.meta.symbol);
        const n = await group.locator('.result').count();
        expect(n).toBeGreaterThan(0);
        expect(n).toBeLessThanOrEqual(3);
        // The title is not repeated on every match.
        expect(await group.locator('.result').allTextContents()).not.toContain(expect.stringContaining(report.meta.title));
      }
    });

    test('a query matching several reports shows every one of them on the first screen', async ({ page }) => {
      await search(page, site.page('酷刑受害者'));
      const slugs = [...new Set(holding('酷刑受害者').map((r) => r.slug))];
      expect(slugs.length).toBe(3);
      for (const slug of slugs) await expect(page.locator(`.result-group[data-report="${slug}"] .group-title`)).toBeInViewport();
    });

    test('“all matches in this report” shows every match of that report, the title once', async ({ page }) => {
      await search(page, site.page('报告'));
      const group = page.locator('.result-group', { has: page.locator('.group-all') }).first();
      const slug = await group.getAttribute('data-report');
      await group.locator('.group-all').click();
      await page.waitForFunction(() => document.documentElement.dataset.searchDone);
      expect(decodeURIComponent(page.url())).toContain('报告=');
      const expected = holding('报告')
        .filter((r) => r.slug === slug)
        .map((r) => r.url);
      await expect(page.locator('.result-group')).toHaveCount(1);
      expect((await shown(page)).sort()).toEqual(expected.sort());
    });

    test('疫苗 finds only the second seed, every block that mentions vaccines', async ({ page }) => {
      const got = await allMatches(page, site.page(''), '疫苗');
      const expected = holding('疫苗').map((r) => r.url);
      expect(new Set(expected.map((u) => u.split('#')[0]))).toEqual(new Set([`reports/${second.slug}.html`]));
      expect(got.sort()).toEqual(expected.sort());
    });

    test('外地办事处: the phrase as written first, and every match shown has a marked term', async ({ page }) => {
      const got = await search(page, site.page('外地办事处'));
      const phrase = holding('外地办事处').map((r) => r.url);
      expect(phrase.length).toBeGreaterThan(0);
      const all = await allMatches(page, site.page(''), '外地办事处');
      expect(all.slice(0, phrase.length).sort()).toEqual(phrase.sort());
      await page.goto(site.page('外地办事处'));
      await page.waitForFunction(() => document.documentElement.dataset.searchDone);
      for (const u of got) await expect(page.locator(`.result[data-url="${u}"] mark`).first()).toBeVisible();
    });

    test('普遍定期审议 puts each report’s UPR section first within that report', async ({ page }) => {
      expect(uprSections.length).toBe(2);
      for (const { report, id } of uprSections) {
        const got = await search(page, site.page('普遍定期审议') + `&报告=${encodeURIComponent(reportName(report))}`);
        expect(got[0]).toBe(url(report.slug, id));
      }
    });

    test('every report’s own symbol finds the report first, its document page right after', async ({ page }) => {
      expect(ownSymbols.map((s) => s.symbol)).toEqual(expect.arrayContaining(['A/74/36', 'A/HRC/55/69']));
      await page.goto(site.page(''));
      await page.waitForFunction(() => (self as unknown as { UNHRSearchEngine?: unknown }).UNHRSearchEngine);
      for (const { report, symbol } of ownSymbols) {
        await searchHere(page, symbol);
        const got = await shown(page);
        expect(got.slice(0, 2), symbol).toEqual([reportPath(report.slug), docPath(symbol)]);
        const top = page.locator('.result-group').first();
        await expect(top.locator('.group-title')).toHaveText(report.meta.title);
        await expect(top.locator('.group-meta mark').first()).toHaveText(symbol);
        await expect(page.locator('.result-group').nth(1).locator('.group-title')).toHaveText(symbol);
      }
    });

    test('a report’s count of matches counts its passages; a report matched by itself (title, symbol …) says so, not “1 处匹配”', async ({ page }) => {
      await page.goto(site.page(''));
      await page.waitForFunction(() => (self as unknown as { UNHRSearchEngine?: unknown }).UNHRSearchEngine);
      const wrong: string[] = [];
      let alone = 0;
      for (const q of ['人权', ...ownSymbols.map((s) => s.symbol)]) {
        const hits = await page.evaluate(async (q) => {
          const engine = (self as unknown as { UNHRSearchEngine: { search(q: string, f: object): Promise<{ hits: { slug: string; kind: string }[] }> } })
            .UNHRSearchEngine;
          return (await engine.search(q, {})).hits.map((h) => ({ slug: h.slug, kind: h.kind }));
        }, q);
        await searchHere(page, q);
        for (const report of reports) {
          const own = hits.some((h) => h.slug === report.slug && h.kind === 'report');
          const passages = hits.filter((h) => h.slug === report.slug && h.kind !== 'report').length;
          if (!own && !passages) continue;
          if (own && !passages) alone++;
          const meta = (await page.locator(`.result-group[data-report="${report.slug}"] .group-meta`).textContent()) ?? '';
          const said = meta.match(/(\d+) 处匹配/);
          if (Number(said?.[1] ?? 0) !== passages || meta.includes('报告本身相符') !== own)
            wrong.push(`${q} · ${report.slug}: “${meta}”, ${passages} passages${own ? ' and the report itself' : ''}`);
        }
      }
      expect(alone).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });

    test('every document page found by its symbol is headed by that symbol, as readers copy it', async ({ page }) => {
      test.setTimeout(120_000);
      const symbols = docPages.map((d) => d.symbol);
      expect(symbols).toEqual(expect.arrayContaining(['A/HRC/40/3', 'A/HRC/40/38', 'A/HRC/55/69/Add.1', 'A/RES/48/141']));
      await page.goto(site.page(''));
      await page.waitForFunction(() => (self as unknown as { UNHRSearchEngine?: unknown }).UNHRSearchEngine);
      const wrong: string[] = [];
      for (const symbol of symbols) {
        await searchHere(page, symbol);
        const group = page.locator(`.result-group[data-report="${docPath(symbol)}"]`);
        const heading = (
          await group
            .locator('.group-title')
            .textContent({ timeout: 2000 })
            .catch(() => 'not found')
        )?.trim();
        if (heading !== symbol) wrong.push(`${symbol} → ${heading}`);
      }
      expect(wrong).toEqual([]);
    });

    for (const [short, symbol] of [
      ['48/141', 'A/RES/48/141'],
      ['2391(2017)', 'S/RES/2391(2017)'],
    ] as const) {
      test(`${short} finds the ${symbol} page first, as ${symbol} does`, async ({ page }) => {
        for (const q of [short, symbol]) {
          const got = await search(page, site.page(q));
          expect(got[0], q).toBe(docPath(symbol));
          await expect(page.locator('.result-group').first().locator('.group-title')).toHaveText(symbol);
        }
      });
    }

    for (const symbol of ['A/HRC/40/3', '48/141', '2391(2017)']) {
      test(`${symbol} finds exactly the blocks that cite it, as written, and the document pages it names`, async ({ page }) => {
        const exact = new RegExp(`(?<![0-9A-Za-z/])${symbol.replace(/[()/]/g, '\\$&')}(?![0-9A-Za-z/])`);
        const named = docPages.filter((d) => d.symbol === symbol || d.written.includes(symbol)).map((d) => docPath(d.symbol));
        expect(named.length).toBe(1);
        const expected = [...records.filter((r) => r.kind !== 'document' && exact.test(r.text)).map((r) => r.url), ...named];
        expect(expected.length).toBeGreaterThan(0);
        expect((await allMatches(page, site.page(''), symbol)).sort()).toEqual(expected.sort());
        await search(page, site.page(symbol));
        await expect(page.locator('.result-excerpt mark').first()).toHaveText(symbol);
      });
    }

    test('日内瓦毒品, cut differently by jieba and the browser, still finds its paragraph', async ({ page }) => {
      const got = await allMatches(page, site.page(''), '日内瓦毒品');
      expect(got).toEqual(holding('日内瓦毒品').map((r) => r.url));
      expect(got.length).toBe(1);
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
      await expect(page.locator('#search-status')).toContainText(`找到 ${count} 处匹配。`);
      const got = await shown(page);
      expect(got.every((u) => /#fn-\d+$/.test(u))).toBe(true);
      expect(decodeURIComponent(page.url())).toContain('类型=注释');
      const inYear = Number(await page.locator(`label[for="f-年份-${year}"] .count`).textContent());
      await page.locator(`#f-年份-${year}`).check();
      await expect(page.locator('#search-status')).toContainText(`找到 ${inYear} 处匹配。`);
      await expect(page.locator('#f-类型-注释')).toBeChecked();
      const both = await shown(page);
      expect(both.every((u) => records.find((r) => r.url === u)?.filters.年份 === year)).toBe(true);
      expect(inYear).toBe(notes.filter((r) => r.filters.年份 === year).length);
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

    test('keyboard: / focuses the header box, Enter searches, ↓ ↑ move through the results at once', async ({ page }) => {
      const errors = watch(page);
      const home = site.page('x').replace(/search\.html\?q=x$/, 'index.html');
      await page.goto(home);
      await page.keyboard.press('/');
      await expect(page.locator('#site-q')).toBeFocused();
      await page.keyboard.type('疫苗');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.documentElement.dataset.searchDone);
      await expect(page.locator('#search-q')).toHaveValue('疫苗');
      // No click and no `/` first: ↓ goes straight to the first report, then to its first match.
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('.group-link').first()).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('.result-link').first()).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await expect(page.locator('.result-link').first()).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${second.slug}\\.html`));
      expect(errors).toEqual([]);
    });

    test('at 360 px: one search box, the first result on the first screen, filter counts beside their labels', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await search(page, site.page('普遍定期审议'));
      await expect(page.locator('#site-q')).toBeHidden();
      await expect(page.locator('.result').first()).toBeInViewport({ ratio: 1 });
      const misplaced = await page.locator('.facet-option label').evaluateAll((labels) =>
        labels.flatMap((l) => {
          const count = l.querySelector('.count');
          if (!count) return [];
          const a = l.getBoundingClientRect();
          const c = count.getBoundingClientRect();
          return Math.abs(c.top - a.top) > 4 || c.top > a.top + a.height / 2 ? [l.textContent] : [];
        }),
      );
      expect(misplaced).toEqual([]);
    });

    test('at 360 px: every filter lies within the screen’s width, none cut off at the right', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      // 人权 is in every report: each facet has several values, more than one line holds.
      await search(page, site.page('人权'));
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      const options = await page.locator('.facet-option').evaluateAll((els) =>
        els.map((e) => {
          const box = e.getBoundingClientRect();
          // What its facet shows of it: a box scrolled sideways hides the rest.
          const facet = e.closest('.facet')!.getBoundingClientRect();
          return { text: (e.textContent ?? '').trim(), left: box.left, right: box.right, facetRight: facet.right };
        }),
      );
      // More than 全部 in each facet.
      expect(options.length).toBeGreaterThan(2 * (await page.locator('.facet').count()));
      const cut = options.filter((o) => o.left < 0 || o.right > Math.min(width, o.facetRight));
      expect(cut.map((o) => o.text)).toEqual([]);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll).toBeLessThanOrEqual(client);
    });
  });
}

test('a site served without its search index says in Chinese how to build it, not a browser error', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js', (route) => route.abort());
  await page.goto(sites[0].page('疫苗'));
  await expect(page.locator('#search-status')).toHaveText(
    '搜索出错：搜索索引（pagefind/pagefind.js）无法加载。索引在构建网站时生成：请运行 npm run build，再运行 npm run preview 打开网站。',
  );
});

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

test('hosted, Pagefind loads its module; offline, the same Pagefind loads only the index scripts a query needs, from disk', async ({ page, request }) => {
  // The offline scripts are the zip's alone: the hosted site does not even have them.
  expect((await request.get('search/offline/pagefind.js')).status()).toBe(404);
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  await search(page, sites[0].page('疫苗'));
  expect(loaded.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
  expect(loaded.filter((u) => /search\/offline\//.test(u))).toEqual([]);
  loaded.length = 0;
  await search(page, sites[1].page('疫苗'));
  const offline = join(offlineRoot, zipRoot, 'search', 'offline');
  const all = readdirSync(offline, { recursive: true }).filter((f) => String(f).endsWith('.js'));
  const scripts = loaded.filter((u) => u.includes('/search/offline/'));
  expect(scripts.some((u) => u.endsWith('/search/offline/pagefind.js'))).toBe(true);
  expect(scripts.some((u) => /\/fragment\/[^/]+\.pf_fragment\.js$/.test(u))).toBe(true);
  expect(scripts.length).toBeLessThan(all.length / 2);
  expect(loaded.filter((u) => !u.startsWith('file://'))).toEqual([]);
  expect(loaded.filter((u) => /\/pagefind\//.test(u))).toEqual([]);
});

test('online and offline give identical results: the same matches in the same order, with and without filters', async ({ page }) => {
  test.setTimeout(180_000);
  const queries = [...Object.keys(topOf), '疫苗', '酷刑受害者', '48/141', '2391(2017)', '人权'];
  const cases = queries.flatMap((q) => [
    { q, filters: {} },
    { q, filters: { 类型: '段落' } },
    { q, filters: { 机构: '人权理事会' } },
  ]);
  const results: string[][][] = [];
  for (const site of sites) {
    await page.goto(site.page(''));
    await page.waitForFunction(() => (self as unknown as { UNHRSearchEngine?: unknown }).UNHRSearchEngine);
    results.push(
      await page.evaluate(async (cases) => {
        const engine = (self as unknown as { UNHRSearchEngine: { search(q: string, f: object): Promise<{ hits: { url: string }[] }> } }).UNHRSearchEngine;
        const out: string[][] = [];
        for (const { q, filters } of cases) out.push((await engine.search(q, filters)).hits.map((h) => h.url));
        return out;
      }, cases),
    );
  }
  const [hosted, offline] = results as [string[][], string[][]];
  cases.forEach(({ q, filters }, i) => {
    if (!Object.keys(filters).length) expect(hosted[i]!.length, q).toBeGreaterThan(0);
    expect(offline[i], `${q} ${JSON.stringify(filters)}`).toEqual(hosted[i]);
  });
});

test("a search reads Pagefind's best chunks first: fewer than it finds on a large site, with filters applied by Pagefind", async ({ page }) => {
  await page.goto(sites[0].page(''));
  await page.waitForFunction(() => (self as unknown as { UNHRSearchEngine?: unknown }).UNHRSearchEngine);
  const got = await page.evaluate(async () => {
    type Res = { hits: { url: string; filters: Record<string, string[]> }[]; found: number; read: number };
    const engine = (self as unknown as { UNHRSearchEngine: { search(q: string, f: object, limit?: number): Promise<Res> } }).UNHRSearchEngine;
    const few = await engine.search('人权', {}, 3);
    const all = await engine.search('人权', {}, 1000);
    const notes = await engine.search('人权', { 类型: '注释' }, 1);
    return { few, all, notes };
  });
  expect(got.few.read).toBe(3);
  expect(got.few.found).toBeGreaterThan(3);
  expect(got.all.read).toBe(got.all.found);
  expect(got.few.hits.length).toBeLessThan(got.all.hits.length);
  for (const h of got.few.hits) expect(got.all.hits.map((x) => x.url)).toContain(h.url);
  // The best chunk of notes (of the two that hold 人权), not the notes among the best chunk of any kind.
  expect(got.notes.read).toBe(1);
  expect(got.notes.found).toBeGreaterThan(1);
  expect(got.notes.hits.length).toBeGreaterThan(0);
  expect(got.notes.hits.every((h) => /#fn-\d+$/.test(h.url))).toBe(true);
});

test('Pagefind’s first chunk for a symbol is the page it names, ahead of the chunks citing it many times', async ({ page }) => {
  await page.goto(sites[0].page(''));
  await page.waitForFunction(() => (self as unknown as { UNHRSearchEngine?: unknown }).UNHRSearchEngine);
  // A/HRC/55/69/Add.1 is cited in ten notes of one report; the documents' chunk holds it once among a hundred symbols.
  const cited = records.filter((r) => r.kind !== 'document' && r.text.includes('A/HRC/55/69/Add.1'));
  expect(cited.length).toBeGreaterThanOrEqual(10);
  const firstOf = (q: string) =>
    page.evaluate(async (q) => {
      const engine = (self as unknown as { UNHRSearchEngine: { search(q: string, f: object, limit?: number): Promise<{ hits: { url: string }[] }> } })
        .UNHRSearchEngine;
      return (await engine.search(q, {}, 1)).hits.map((h) => h.url);
    }, q);
  expect(await firstOf('A/HRC/55/69/Add.1')).toEqual([docPath('A/HRC/55/69/Add.1')]);
  for (const { report, symbol } of ownSymbols) expect(await firstOf(symbol)).toEqual([reportPath(report.slug)]);
});

/** Chinese phrases sampled from the records: every heading's runs, and a 2–5 character window of every fourth block. */
function samplePhrases(): { q: string; urls: string[] }[] {
  const phrases = new Set<string>();
  records.forEach((r, i) => {
    if (r.kind === 'document') return;
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
    expect(cases.length).toBe(196);
    await page.goto(site.page(''));
    await page.waitForFunction(() => (self as unknown as { UNHRSearchEngine?: unknown }).UNHRSearchEngine);
    const missing = await page.evaluate(async (cases) => {
      const engine = (self as unknown as { UNHRSearchEngine: { search(q: string, f: object): Promise<{ hits: { url: string }[] }> } }).UNHRSearchEngine;
      const out: string[] = [];
      for (const { q, urls } of cases) {
        const got = (await engine.search(q, {})).hits.map((h) => h.url);
        for (const u of urls) if (!got.includes(u)) out.push(`${q} → ${u}`);
      }
      return out;
    }, cases);
    expect(missing).toEqual([]);
  });
}
