/**
 * Document pages (`docs/<symbol>.html`) say what is known of the document: its series, its
 * title and date where a report here or a citing sentence gives them, the report itself when
 * this site has it, and the official links in Chinese and English. Expectations come from the
 * pinned corpus's models (src/lib/docpages.ts), with a few values pinned.
 */
import { expect, test } from '@playwright/test';
import { readReports } from '../../scripts/search/records.ts';
import { documentPages } from '../../scripts/model/docpages.ts';
import { docPath, relativeUrl, reportPath } from '../../scripts/model/urls.ts';
import { contentDir } from '../pinned.ts';

const pages = documentPages(readReports(contentDir));
const fact = (name: string) => `.doc-facts [data-fact="${name}"] dd`;

test('every document page shows its series, the undocs.org links in Chinese and English, and its title, date and report where known', async ({ page }) => {
  test.setTimeout(300_000); // 125 pages: 2 minutes were not enough on a busy machine
  expect(pages.length).toBe(125);
  for (const doc of pages) {
    await page.goto(docPath(doc.symbol));
    await expect(page.locator('h1')).toHaveText(doc.symbol);
    await expect(page.locator(fact('series'))).toHaveText(doc.series);
    await expect(page.locator(`${fact('official')} a[hreflang="zh"]`)).toHaveAttribute('href', `https://undocs.org/zh/${doc.symbol}`);
    await expect(page.locator(`${fact('official')} a[hreflang="en"]`)).toHaveAttribute('href', `https://undocs.org/en/${doc.symbol}`);
    if (doc.title) await expect(page.locator('.doc-title')).toHaveText(`${doc.title.text}（据 ${doc.title.from}）`);
    else await expect(page.locator('.doc-title')).toHaveCount(0);
    if (doc.date) await expect(page.locator(fact('date'))).toHaveText(`${doc.date.text}（据 ${doc.date.from}）`);
    else await expect(page.locator(fact('date'))).toHaveCount(0);
    if (doc.report) await expect(page.locator(`${fact('report')} a`)).toHaveAttribute('href', relativeUrl(docPath(doc.symbol), reportPath(doc.report.slug)));
    await expect(page.locator('.citations > li')).toHaveCount(doc.citations.length);
  }
});

test('a document page shows its title once (a report’s own page too): under its symbol, with where it comes from', async ({ page }) => {
  test.setTimeout(120_000);
  const titled = pages.filter((d) => d.title);
  expect(titled.filter((d) => d.report).length).toBeGreaterThan(0);
  const wrong: string[] = [];
  for (const doc of titled) {
    await page.goto(docPath(doc.symbol));
    // What the page says of the document: its citing sentences (which may well quote the title) aside.
    const said = await page.locator('.doc-page').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelector('.citations')?.remove();
      return copy.textContent ?? '';
    });
    const times = said.split(doc.title!.text).length - 1;
    if (times !== 1) wrong.push(`${doc.symbol}: ${times} times`);
  }
  expect(wrong).toEqual([]);
});

test('a-hrc-40-3: 人权理事会文件, read at undocs.org in Chinese or English', async ({ page }) => {
  await page.goto('docs/a-hrc-40-3.html');
  await expect(page.locator(fact('series'))).toHaveText('人权理事会文件');
  await expect(page.locator(fact('official'))).toHaveText('中文版（undocs.org） · English (undocs.org)');
});

test('a report’s own symbol has a page leading to the report, even when no other report cites it', async ({ page }) => {
  await page.goto('docs/a-74-36.html');
  await expect(page.locator('.doc-title')).toHaveText('联合国人权事务高级专员的报告（据 A/74/36 全文）');
  await expect(page.locator(`${fact('report')} a`)).toHaveText('阅读 A/74/36 全文');
  await page.locator(`${fact('report')} a`).click();
  await expect(page).toHaveURL(/reports\/a-74-36\.html$/);
  await page.goto('docs/a-74-36.html');
  await expect(page.locator('.no-citations')).toHaveText('本站其他报告没有引用这份文件。');
});

test('a resolution’s adoption date and a declaration’s title come from the sentences citing them', async ({ page }) => {
  await page.goto('docs/a-hrc-res-44-18.html');
  await expect(page.locator(fact('series'))).toHaveText('人权理事会决议');
  await expect(page.locator(fact('date'))).toContainText('2020 年 7 月 17 日');
  await page.goto('docs/a-hrc-40-58.html');
  await expect(page.locator('.doc-title')).toHaveText('《关于信仰促进权利的贝鲁特宣言》（据 A/74/36，第 63 段）');
});
