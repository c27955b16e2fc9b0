/**
 * A corpus that pages, read as a reader would: 12 synthetic reports from the pinned corpus built
 * with pages of 5 entries (tests/scale/site.ts, into a temporary folder), served by `astro
 * preview` on a free port and opened from disk. Without script throughout: pages are static.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { builtSite, type BuiltSite } from './build-lock.ts';
import { buildScaleSite, SCALE } from '../scale/site.ts';
import { checkDist } from '../../scripts/commands/check-links.ts';

test.describe.configure({ mode: 'serial' });
test.use({ javaScriptEnabled: false });

const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');
let origin = '';
let dir = '';
let site: BuiltSite | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  site = await builtSite('scale', buildScaleSite, basePath);
  ({ origin, dir } = site);
});

test.afterAll(() => site?.close());

/** Follow 下一页 from the current page to the last, collecting `read(page)` of each page. */
async function followPages<T>(page: Page, read: () => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let i = 0; i < 50; i++) {
    all.push(...(await read()));
    const next = page.locator('nav.pager a[rel="next"]').first();
    if ((await next.count()) === 0) return all;
    // Go to the next page's address itself: a click returns before the next page has replaced this one.
    await page.goto(await next.evaluate((a) => (a as HTMLAnchorElement).href));
  }
  throw new Error('more than 50 pages');
}

test('every internal link and anchor of the paged site resolves (pagers, filters, figures and country links)', () => {
  const report = checkDist(join(dir, 'dist'), basePath);
  expect(report.broken.map((b) => `${b.page}: ${b.href} (${b.reason})`)).toEqual([]);
});

const cardTitles = (page: Page) => () => page.locator('.catalogue > li h3').allInnerTexts();

test('the catalogue pages through every report once, newest first, 5 a page, without script', async ({ page }) => {
  await page.goto(`${origin}index.html`);
  await expect(page.locator('nav.pager .pager-status').first()).toHaveText(`第 1 页，共 ${Math.ceil(SCALE.reports / SCALE.pageSize)} 页`);
  await expect(page.locator('.catalogue > li')).toHaveCount(SCALE.pageSize);
  const titles = await followPages(page, cardTitles(page));
  expect(titles).toHaveLength(SCALE.reports);
  await expect(page).toHaveURL(/catalogue\/3\.html$/);
  await expect(page.locator('.catalogue > li')).toHaveCount(SCALE.reports - 2 * SCALE.pageSize);
  // Back to the first page by its number.
  await page.locator('nav.pager a', { hasText: /^1$/ }).click();
  await expect(page).toHaveURL(/index\.html$/);
});

for (const facet of ['year', 'body', 'kind', 'country'] as const) {
  test(`the catalogue filters by ${facet}: each value's pages list as many reports as its count, each of them matching`, async ({ page }) => {
    await page.goto(`${origin}index.html`);
    const values = page.locator(`.catalogue-filter details[data-facet="${facet}"] li`);
    const count = await values.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < Math.min(count, 3); i++) {
      await page.goto(`${origin}index.html`);
      const item = page.locator(`.catalogue-filter details[data-facet="${facet}"] li`).nth(i);
      const label = (await item.locator('a').textContent())!;
      const expected = Number(await item.locator('small').textContent());
      await page.locator(`.catalogue-filter details[data-facet="${facet}"] summary`).click();
      await item.locator('a').click();
      await expect(page.locator('h1')).toContainText(label);
      await expect(page.locator('.catalogue-filter [aria-current="page"]')).toHaveText(label);
      const cards = await followPages(page, () => page.locator('.catalogue > li').allInnerTexts());
      expect(cards).toHaveLength(expected);
      for (const card of cards) {
        if (facet === 'year') expect(card).toContain(label.replace(' 年', ''));
        if (facet === 'body' || facet === 'kind') expect(card).toContain(label);
      }
      if (facet === 'country') {
        // Each listed report names the country: its page lists it among the countries it names.
        await page.locator('.catalogue > li h3 a').first().click();
        await expect(page.locator('.report-countries a', { hasText: label }).first()).toBeAttached();
      }
    }
  });
}

/** Open the facet's list (a closed <details>) on the current page and follow its value `label`. */
async function chooseFilter(page: Page, facet: string, label: string): Promise<void> {
  const details = page.locator(`.catalogue-filter details[data-facet="${facet}"]`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await details.locator('li a', { hasText: new RegExp(`^${label}$`) }).click();
}

const cardLinks = (page: Page) =>
  page.locator('.catalogue > li h3 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href.replace(/.*\/reports\//, '')));

/**
 * The filters combined, as a reader does it from `start` (the served site's or the zip's home page): 2021, then a country
 * counted within 2021. Of the 12 reports, the three copies of the 2021 seed are 2021's; two of them name 墨西哥 most.
 */
async function combineYearAndCountry(page: Page, start: string): Promise<void> {
  await page.goto(start);
  await chooseFilter(page, 'year', '2021 年');
  await expect(page.locator('h1')).toHaveText('报告目录：2021 年 3 份，共 12 份');
  const countries = page.locator('.catalogue-filter details[data-facet="country"]');
  await expect(countries.locator('summary')).toHaveText('按主要国家和地区（2021 年中）');
  await countries.locator('summary').click();
  await expect(countries.locator('li', { hasText: '墨西哥' })).toHaveText('墨西哥 2');
  await chooseFilter(page, 'country', '墨西哥');
  await expect(page.locator('h1')).toHaveText('报告目录：2021 年 · 墨西哥 2 份，共 12 份');
  await expect(page.locator('.catalogue-filter [aria-current="page"]')).toHaveText(['2021 年', '墨西哥']);
  await expect(page.locator('.catalogue > li h3')).toHaveText(['落实和加强人权领域的国际合作', '落实和加强人权领域的国际合作']);
  expect(await cardLinks(page)).toEqual(['synthetic-0002.html', 'synthetic-0006.html']);
}

test('the filters combine: 2021, then 墨西哥 within it, lists exactly the two reports with both; × takes one filter off', async ({ page }) => {
  await combineYearAndCountry(page, `${origin}index.html`);
  await expect(page).toHaveURL(/catalogue\/year\/2021\/country\/mex\.html$/);
  // Within 墨西哥 the years are counted again: 2021's two, and the others lead to their combinations.
  await expect(page.locator('.catalogue-filter details[data-facet="year"] li')).toHaveText(['2024 年 1', '2023 年 1', '2021 年 2']);
  await page.getByRole('link', { name: '去掉“2021 年”' }).click();
  await expect(page.locator('h1')).toHaveText('报告目录：墨西哥 4 份，共 12 份');
  expect(await cardLinks(page)).toEqual(['synthetic-0008.html', 'synthetic-0011.html', 'synthetic-0002.html', 'synthetic-0006.html']);
});

test('a combination that lists all of one value’s reports leads to that value’s page; the value that covers the whole filter is not a link', async ({
  page,
}) => {
  await page.goto(`${origin}index.html`);
  await chooseFilter(page, 'body', '人权理事会');
  await chooseFilter(page, 'year', '2024 年');
  // Every 2024 report is 人权理事会's: 2024's own page.
  await expect(page).toHaveURL(/catalogue\/year\/2024\.html$/);
  expect(await cardLinks(page)).toEqual(['synthetic-0004.html', 'synthetic-0008.html', 'synthetic-0012.html']);
  await expect(page.locator('.catalogue > li .card-meta')).toContainText(['人权理事会', '人权理事会', '人权理事会']);
  const bodies = page.locator('.catalogue-filter details[data-facet="body"]');
  await expect(bodies.locator('li')).toHaveText(['人权理事会 3']);
  await expect(bodies.locator('li a')).toHaveCount(0);
});

test('a country page summarises by year and pages through all its mentions; the pages add up to the count it states', async ({ page }) => {
  await page.goto(`${origin}countries.html`);
  // The most mentioned country heads the index.
  const first = page.locator('.country-index tbody tr').first();
  const total = Number(await first.locator('td').first().innerText());
  expect(total).toBeGreaterThan(SCALE.pageSize);
  await first.locator('a').click();
  await expect(page.locator('h2 small')).toContainText(`${total} 处；本页第 1–${SCALE.pageSize} 处`);
  await expect(page.locator('.page > p.lede', { hasText: '按报告年份' })).toBeVisible();
  const mentions = await followPages(page, () => page.locator('ol.mentions > li').allInnerTexts());
  expect(mentions).toHaveLength(total);
  expect(new Set(mentions).size).toBeGreaterThan(1);
  await expect(page.locator('.page > p.lede', { hasText: '按报告年份' })).toHaveCount(0);
  // The reports that name it most: the catalogue filtered by this country.
  const name = await page.locator('h1').innerText();
  await page.getByRole('link', { name: `主要提及${name}的报告` }).click();
  await expect(page.locator('h1')).toContainText(`报告目录：${name}`);
  await expect(page.locator('.catalogue > li').first()).toBeVisible();
});

test('the document index pages through every cited document; a group link leads to the page where the group starts', async ({ page }) => {
  // It opens every page of the index: 5 s alone, past Playwright's 30 s default on a machine running two test suites.
  test.setTimeout(120_000);
  await page.goto(`${origin}docs.html`);
  const stated = Number((await page.locator('.page > p.lede').innerText()).match(/共 (\d+) 个文号/)![1]);
  const groupLinks = await page
    .locator('nav[aria-label="文件类别"] a')
    .evaluateAll((links) => links.map((a) => ({ label: a.textContent!, href: (a as HTMLAnchorElement).href })));
  const rows = await followPages(page, () =>
    page
      .locator('.doc-index tbody tr')
      .evaluateAll((trs) => trs.map((tr) => ({ href: tr.querySelector('a')!.href, count: Number(tr.querySelector('td:last-child')!.textContent) }))),
  );
  expect(rows).toHaveLength(stated);
  expect(new Set(rows.map((r) => r.href)).size).toBe(stated);
  const last = groupLinks.at(-1)!;
  await page.goto(last.href);
  await expect(page.locator(':target')).toContainText(last.label);
  await expect(page.locator(':target')).not.toContainText('（续）');
  // A document cited more than a page holds pages through its citations.
  const cited = rows.find((r) => r.count > SCALE.pageSize)!;
  await page.goto(cited.href);
  const citations = await followPages(page, () => page.locator('ol.citations > li').allInnerTexts());
  expect(citations).toHaveLength(cited.count);
});

test('figures: an index of series and pages of reports; a report’s 全部图表 lands on its section, a series link on its own page', async ({ page }) => {
  await page.goto(`${origin}figures.html`);
  const series = page.locator('#series .series-index li');
  expect(await series.count()).toBeGreaterThan(0);
  const sections = await followPages(page, () => page.locator('section.figure-report[data-report^="synthetic-"]').evaluateAll((s) => s.map((e) => e.id)));
  expect(new Set(sections).size).toBe(sections.length);
  // The last report's link on its own page leads to its section on a later figures page.
  const last = sections.at(-1)!.slice('r-'.length);
  await page.goto(`${origin}reports/${last}.html`);
  await page.locator('.figure-links a', { hasText: '全部图表' }).click();
  await expect(page).toHaveURL(new RegExp(`figures/\\d+\\.html#r-${last}$`));
  await expect(page.locator(':target h2')).toBeVisible();
  await page.goto(`${origin}figures.html`);
  const title = await series.first().locator('a').innerText();
  await series.first().locator('a').click();
  await expect(page.locator('h1')).toHaveText(new RegExp(`^${title}`));
  await expect(page.locator('figure[data-chart="series"] svg')).toBeVisible();
});

test('from disk (file://) the filters combine as on the server', async ({ page }) => {
  await combineYearAndCountry(page, pathToFileURL(join(dir, 'dist', 'index.html')).href);
  expect(page.url()).toMatch(/^file:.*\/catalogue\/year\/2021\/country\/mex\.html$/);
});

test('from disk (file://) the paged catalogue, a filter, and a later figures page open', async ({ page }) => {
  await page.goto(pathToFileURL(join(dir, 'dist', 'index.html')).href);
  await page.locator('nav.pager a[rel="next"]').first().click();
  await expect(page.locator('h1')).toContainText('报告目录');
  await expect(page.locator('.catalogue > li')).toHaveCount(SCALE.pageSize);
  await page.locator('.catalogue-filter details[data-facet="year"] summary').click();
  await page.locator('.catalogue-filter details[data-facet="year"] a').first().click();
  await expect(page.locator('.catalogue > li').first()).toBeVisible();
  await page.locator('.site-head nav a', { hasText: '数字' }).click();
  await page.locator('nav.pager a[rel="next"]').first().click();
  await expect(page.locator('h1')).toHaveText('数字与图表（第 2 页）');
  expect(page.url().startsWith('file://')).toBe(true);
});
