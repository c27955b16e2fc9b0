import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { distDir } from '../pinned.ts';
import { firstParagraphCitation, reports } from './model.ts';

const dist = distDir;

test('the built site reads from disk: home → report → document page', async ({ page }) => {
  const { report, symbol } = firstParagraphCitation();
  await page.goto(pathToFileURL(join(dist, 'index.html')).href);
  await page.locator(`a[href="reports/${report.slug}.html"]`).click();
  await expect(page.locator('h1')).toHaveText(report.meta.title);
  await page.locator(`a.doc[data-symbol="${symbol}"]`).first().click();
  await expect(page.locator('h1')).toHaveText(symbol);
  expect(page.url().startsWith('file://')).toBe(true);
});

for (const report of reports) {
  test(`the ${report.slug} page, HTML and CSS, stays under 100 KB compressed`, () => {
    const html = readFileSync(join(dist, 'reports', `${report.slug}.html`));
    expect(html.includes('<link rel="stylesheet"')).toBe(false);
    expect(gzipSync(html, { level: 9 }).length).toBeLessThan(100 * 1024);
  });
}
