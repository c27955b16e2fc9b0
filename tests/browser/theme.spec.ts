import { expect, test, type Page } from '@playwright/test';
import { docPath, documents } from './model.ts';
import { seriousProblems } from './axe.ts';

const LIGHT = 'rgb(253, 253, 251)';
const DARK = 'rgb(22, 24, 27)';
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the page follows the system colour scheme', async ({ page }) => {
  await page.goto('reports/a-74-36.html');
  expect(await background(page)).toBe(LIGHT);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background(page)).toBe(DARK);
});

test('choosing 深色 darkens the page, survives a reload, and 跟随系统 gives the system back', async ({ page }) => {
  await page.goto('reports/a-74-36.html');
  const choice = page.getByLabel('配色');
  await expect(choice).toHaveValue('system');
  await choice.selectOption('dark');
  expect(await background(page)).toBe(DARK);
  await page.reload();
  // Applied by the script in <head>, before the stylesheet paints anything.
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await background(page)).toBe(DARK);
  await expect(choice).toHaveValue('dark');
  await page.goto('index.html');
  expect(await background(page)).toBe(DARK);
  await page.getByLabel('配色').selectOption('system');
  expect(await background(page)).toBe(LIGHT);
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
});

test('choosing 浅色 keeps the page light under a dark system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('about.html');
  expect(await background(page)).toBe(DARK);
  await page.getByLabel('配色').selectOption('light');
  expect(await background(page)).toBe(LIGHT);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, colorScheme: 'dark' });
  test('the system theme applies and no useless control is shown', async ({ page }) => {
    await page.goto('reports/a-74-36.html');
    expect(await background(page)).toBe(DARK);
    await expect(page.locator('label.theme')).toBeHidden();
  });
});

for (const path of ['reports/a-74-36.html', 'index.html', docPath(documents[0]!.symbol)]) {
  test(`axe finds no serious or critical problem on ${path} in dark mode chosen with the toggle, cross-links open`, async ({ page }) => {
    test.slow(); // axe over a whole report with every list open takes a while on a busy machine
    await page.goto(path);
    await page.getByLabel('配色').selectOption('dark');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await background(page)).toBe(DARK);
    expect(await seriousProblems(page)).toEqual([]);
  });
}

test('on paper the navigation, contents and controls disappear, and named external links print their address', async ({ page }) => {
  const symbol = documents[0]!.symbol;
  await page.goto(docPath(symbol));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-head nav')).toBeHidden();
  await expect(page.locator('label.theme')).toBeHidden();
  const official = page.locator('a[rel="external"]').first();
  const after = await official.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toBe(`" <https://undocs.org/zh/${symbol}>"`);
  await page.goto('reports/a-74-36.html');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.toc')).toBeHidden();
  await expect(page.locator('nav.crosslinks')).toBeHidden();
  await expect(page.locator('.notes')).toBeVisible();
  expect(await background(page)).toBe('rgb(255, 255, 255)');
});
