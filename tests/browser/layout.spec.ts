import { expect, test } from '@playwright/test';
import { docPath, documents, reports } from './model.ts';
import { seriousProblems } from './axe.ts';

const pages = [
  { kind: 'home', path: 'index.html' },
  { kind: 'report', path: `reports/${reports[0]!.slug}.html` },
  { kind: 'document', path: documents[0] ? docPath(documents[0].symbol) : 'docs.html' },
  { kind: 'documents index', path: 'docs.html' },
  { kind: 'about', path: 'about.html' },
  { kind: 'not found', path: 'no-such-page.html' },
  { kind: 'search', path: `search.html?q=${encodeURIComponent('决议')}&${encodeURIComponent('类型')}=${encodeURIComponent('注释')}` },
];

/** The search page draws its results after loading: wait for them. */
async function settle(page: import('@playwright/test').Page, path: string) {
  if (path.startsWith('search.html')) await page.waitForFunction(() => document.documentElement.dataset.searchDone);
}

/** Beyond the pages above, for the width alone: every report, a report's own document page, a country, the figures. */
const ownSymbol = reports.find((r) => r.meta.symbol)?.meta.symbol;
const narrowOnly = [
  ...reports.slice(1).map((r) => ({ kind: `report ${r.slug}`, path: `reports/${r.slug}.html` })),
  ...(ownSymbol ? [{ kind: `own document ${ownSymbol}`, path: docPath(ownSymbol) }] : []),
  { kind: 'countries index', path: 'countries.html' },
  { kind: 'figures', path: 'figures.html' },
];

for (const { kind, path } of [...pages, ...narrowOnly]) {
  test(`the ${kind} page has no horizontal scroll at 360px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    await settle(page, path);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
  });
}

for (const { kind, path } of pages) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical problem on the ${kind} page (${colorScheme})`, async ({ page }) => {
      test.slow(); // axe checks every link's contrast; a report page has hundreds (documents, countries)
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await settle(page, path);
      expect(await seriousProblems(page)).toEqual([]);
    });
  }
}

test('the not-found page answers 404 and links home', async ({ page }) => {
  const response = await page.goto('no-such-page.html');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('找不到页面');
});
