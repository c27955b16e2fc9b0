import { expect, test } from '@playwright/test';
import { documents, reports } from './model.ts';
import { groupDocs } from '../../scripts/model/docgroups.ts';
import { documentPages } from '../../scripts/model/docpages.ts';
import { sortCatalogue } from '../../src/lib/catalogue.ts';
import { kindLabel } from '../../src/lib/reportmeta.ts';

test('the home page lists every report, each linking to its page', async ({ page }) => {
  await page.goto('index.html');
  const cards = page.locator('.catalogue > li');
  await expect(cards).toHaveCount(reports.length);
  for (const report of reports) {
    const link = page.getByRole('link', { name: report.meta.title, exact: true }).and(page.locator(`[href$="reports/${report.slug}.html"]`));
    await expect(link).toHaveCount(1);
  }
  const first = reports[0]!;
  await page.locator(`a[href="reports/${first.slug}.html"]`).click();
  await expect(page.locator('h1')).toHaveText(first.meta.title);
});

test('the home page shows the newest report first', async ({ page }) => {
  await page.goto('index.html');
  const newest = Math.max(...reports.map((r) => r.meta.year ?? -Infinity));
  const firstTitle = await page.locator('.catalogue > li h3').first().innerText();
  const candidates = reports.filter((r) => (r.meta.year ?? -Infinity) === newest).map((r) => r.meta.title);
  expect(candidates).toContain(firstTitle);
});

test('the documents index lists every cited symbol and every report’s own, grouped: reports here, resolutions by body, treaty bodies, organs', async ({
  page,
}) => {
  await page.goto('docs.html');
  const symbols = new Set(reports.flatMap((r) => (r.meta.symbol ? [r.meta.symbol] : [])));
  const pages = documentPages(reports);
  expect(pages.length).toBe(documents.length + 2); // A/74/36 and A/HRC/55/69, cited by no other report
  const groups = groupDocs(pages, (s) => symbols.has(s));
  expect(groups[0]!.docs.map((d) => d.symbol)).toEqual(['A/74/36', 'A/HRC/55/69']);
  await expect(page.locator('.doc-index tbody tr')).toHaveCount(pages.length);
  await expect(page.locator('section > h2')).toHaveText(groups.map(({ group, docs }) => `${group.label} ${docs.length} 个`));
  await expect(page.locator('.doc-index tbody th')).toHaveText(groups.flatMap(({ docs }) => docs.map((d) => d.symbol)));
  await expect(page.locator('#g-hrc-res + table tbody th').first()).toHaveText('A/HRC/RES/25/25');
  await page.locator('.doc-groups a', { hasText: '安全理事会决议' }).click();
  await expect(page.locator(':target')).toHaveText('安全理事会决议 3 个');
});

test('every catalogue card names the kind of document, and the list follows sortCatalogue', async ({ page }) => {
  await page.goto('index.html');
  const sorted = sortCatalogue(reports.map((r) => ({ ...r.meta, slug: r.slug })));
  await expect(page.locator('.catalogue > li h3')).toHaveText(sorted.map((r) => r.title));
  await expect(page.locator('.catalogue > li .kind-label')).toHaveText(sorted.map((r) => kindLabel(r.kind)));
});
