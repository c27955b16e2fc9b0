/** Country mentions, country pages and the countries index, against the built site. */
import { expect, test } from '@playwright/test';
import { countryMentions, reportMentions } from '../../src/lib/countries.ts';
import { reports } from './model.ts';
import { seriousProblems } from './axe.ts';

const all = countryMentions(reports);
const a7436 = reports.find((r) => r.meta.symbol === 'A/74/36')!;
const kosovoInText = reportMentions(a7436).find((m) => m.code === 'XKK' && m.anchor.startsWith('p-'))!;

test('a country name in a paragraph leads to the country page, with the UN footnote for 科索沃', async ({ page }) => {
  await page.goto(`reports/${a7436.slug}.html`);
  await page.locator(`[id="${kosovoInText.anchor}"] a.country[data-country="XKK"]`).click();
  await expect(page).toHaveURL(/\/countries\/xkk\.html$/);
  await expect(page.locator('h1')).toContainText('科索沃');
  await expect(page.locator('#country-note')).toContainText('安全理事会第 1244(1999)号决议');
  await expect(page.getByRole('link', { name: '国家和地区', exact: true })).toBeVisible();
});

test('the country page lists every mention by report and links back to the paragraph anchor', async ({ page }) => {
  const kosovo = all.find((c) => c.code === 'XKK')!;
  await page.goto('countries/xkk.html');
  await expect(page.locator('ol.mentions > li')).toHaveCount(kosovo.mentions.length);
  await expect(page.locator('.mention-group')).toHaveCount(kosovo.reports);
  const back = page.locator(`ol.mentions a[href="../reports/${a7436.slug}.html#${kosovoInText.anchor}"]`);
  await expect(back).toHaveText(`A/74/36，${kosovoInText.place}`);
  await back.click();
  await expect(page.locator(':target')).toHaveAttribute('id', kosovoInText.anchor);
  await expect(page.locator(':target a.country[data-country="XKK"]')).toHaveText('科索沃');
});

test('the countries index shows mention counts, most mentioned first', async ({ page }) => {
  const top = [...all].sort((a, b) => b.mentions.length - a.mentions.length)[0]!;
  await page.goto('countries.html');
  await expect(page.locator('.country-index tbody tr')).toHaveCount(all.length);
  const first = page.locator('.country-index tbody tr').first();
  await expect(first).toHaveAttribute('data-country', top.code);
  await expect(first.locator('td').first()).toHaveText(String(top.mentions.length));
  const venezuela = page.locator('.country-index tr[data-country="VEN"]');
  await expect(venezuela.locator('th a')).toHaveText('委内瑞拉玻利瓦尔共和国');
  await expect(venezuela.locator('td').first()).toHaveText(String(all.find((c) => c.code === 'VEN')!.mentions.length));
  await venezuela.locator('th a').click();
  await expect(page.locator('h1')).toHaveText('委内瑞拉玻利瓦尔共和国');
});

test('a paragraph cited in a document outside the corpus stays text beside the document link', async ({ page }) => {
  const report = reports.find((r) => r.notes.some((n) => n.content.some((c) => c.type === 'paraRef' && c.symbol === 'A/HRC/46/24')))!;
  const note = report.notes.find((n) => n.content.some((c) => c.type === 'paraRef' && c.symbol === 'A/HRC/46/24'))!;
  const printed = note.content.flatMap((c) => (c.type === 'paraRef' ? [c.text] : []));
  await page.goto(`reports/${report.slug}.html`);
  const noteEl = page.locator(`[id="${note.id}"]`);
  await expect(noteEl.locator('a.doc[data-symbol="A/HRC/46/24"]')).toHaveAttribute('href', '../docs/a-hrc-46-24.html');
  await expect(noteEl.locator('.para-ref')).toHaveText(printed);
  await expect(noteEl.locator('a.para-ref')).toHaveCount(0);
});

for (const path of ['countries.html', 'countries/xkk.html']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical problem on ${path} (${colorScheme})`, async ({ page }) => {
      test.slow(); // the index has a link per country
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      expect(await seriousProblems(page)).toEqual([]);
    });
  }
  test(`${path} has no horizontal scroll at 360px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
  });
}

test('a report page lists the countries it names, most mentioned first, linking to their pages', async ({ page }) => {
  const report = reports.find((r) => r.meta.symbol === 'A/HRC/55/69')!;
  const named = all.filter((c) => c.mentions.some((m) => m.report.slug === report.slug));
  const top = named.map((c) => ({ code: c.code, n: c.mentions.filter((m) => m.report.slug === report.slug).length })).sort((a, b) => b.n - a.n)[0]!;
  await page.goto(`reports/${report.slug}.html`);
  const list = page.locator('details.report-countries');
  await expect(list.locator('summary')).toHaveText(`本报告提及的国家和地区（${named.length}）`);
  await list.locator('summary').click();
  await expect(list.locator('li')).toHaveCount(named.length);
  await expect(list.locator('li').first()).toHaveText(`${'朝鲜民主主义人民共和国'} ${top.n} 处`);
  await list.locator('li a').first().click();
  await expect(page).toHaveURL(new RegExp(`/countries/${top.code.toLowerCase()}\\.html$`));
});
