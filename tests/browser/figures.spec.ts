/**
 * Key figures and charts in the browser: charts visible after their paragraph with text
 * alternatives and data tables, source links landing on the paragraph, the figures page and its
 * filter, the downloads, and no overlapping chart labels at 360 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chartPlace } from '../../scripts/converter/serialize.ts';
import { reports } from './model.ts';

const r004 = reports.find((r) => r.slug === 'a-hrc-55-69')!;
const charts = r004.figures!.charts;

test('every chart of A/HRC/55/69 is drawn after its paragraph (or the list it leads in to), with a title, a text alternative and a data table', async ({
  page,
}) => {
  await page.goto('reports/a-hrc-55-69.html');
  expect(charts.length).toBe(9);
  for (const chart of charts) {
    const figure = page.locator(`figure#${chart.id}`);
    await expect(figure).toHaveAttribute('data-kind', 'figure');
    const svg = figure.locator('svg[role="img"]');
    await expect(svg).toBeVisible();
    expect(await svg.locator('rect.bar').count()).toBe(chart.items.length + (chart.total ? 1 : 0));
    const labelled = (await svg.getAttribute('aria-labelledby'))!.split(' ');
    await expect(page.locator(`[id="${labelled[0]}"]`)).toHaveText(await figure.locator('figcaption').innerText());
    await expect(page.locator(`[id="${labelled[1]}"]`)).toContainText(chart.items[0]!.label);
    expect(await figure.locator('details table tbody tr').count()).toBe(chart.items.length + (chart.total ? 1 : 0));
    const before = await figure.evaluate((el) => {
      let prev = el.previousElementSibling;
      while (prev && prev.tagName === 'FIGURE') prev = prev.previousElementSibling;
      return prev?.id;
    });
    expect(before).toBe(chartPlace(r004.blocks, chart.block));
  }
});

test('the regional-shares table lists the five shares as printed', async ({ page }) => {
  await page.goto('reports/a-hrc-55-69.html');
  const figure = page.locator('figure#chart-p-4-1');
  await figure.locator('summary').click();
  await expect(figure.locator('tbody th')).toHaveText(['非洲国家', '亚洲—太平洋国家', '东欧国家', '拉丁美洲和加勒比国家', '西欧和其他国家']);
  await expect(figure.locator('tbody td:nth-child(2)')).toHaveText(['24.69%', '19.75%', '9.88%', '19.75%', '25.93%']);
  await expect(figure.locator('figcaption')).toHaveText('任务负责人来自的区域（%，截至 2023 年 12 月 31 日）');
});

test("a chart's source link lands on paragraph 10", async ({ page }) => {
  await page.goto('reports/a-hrc-55-69.html');
  await page.locator('figure#chart-p-10-1 .chart-source a').click();
  await expect(page).toHaveURL(/a-hrc-55-69\.html#p-10$/);
  await expect(page.locator('#p-10')).toBeInViewport();
  await expect(page.locator('#p-10')).toContainText('1,143');
});

test('chart labels say what the source says: the shares are 女性 / 男性, the parts name what the text says they are', async ({ page }) => {
  await page.goto('reports/a-hrc-55-69.html');
  const shares = page.locator('figure#chart-p-3-1');
  await shares.locator('summary').click();
  await expect(shares.locator('tbody th')).toHaveText(['女性', '男性']);
  const visits = page.locator('figure#chart-p-7-1');
  await visits.locator('summary').click();
  await expect(visits.locator('tbody th')).toHaveText(['总数', '尚未收到访问请求', '尚未接受访问请求', '接受了访问请求']);
  // Paragraph 8 reads as text: its look-alike "total vs one part" charts are gone.
  await expect(page.locator('figure[id^="chart-p-8-"]')).toHaveCount(0);
});

test('no chart sits between a lead-in ending in a colon and the list it introduces', async ({ page }) => {
  for (const r of reports) {
    await page.goto(`reports/${r.slug}.html`);
    const cut = await page.locator('figure.chart').evaluateAll((figures) =>
      figures.flatMap((el) => {
        let prev = el.previousElementSibling;
        while (prev && prev.tagName === 'FIGURE') prev = prev.previousElementSibling;
        return prev && /[：:]\s*$/.test(prev.textContent ?? '') ? [el.id] : [];
      }),
    );
    expect(cut, r.slug).toEqual([]);
  }
});

test('the key-figures strip shows headline numbers, each linking to its paragraph', async ({ page }) => {
  await page.goto('reports/a-hrc-55-69.html');
  const strip = page.locator('section.key-figures');
  await expect(strip.locator('h2')).toHaveText('主要数字');
  await expect(strip.locator('.kf-value')).toHaveText(['60项', '83个', '82次', '723份', '1,143起', '477件']);
  await strip.getByRole('link', { name: /1,143起/ }).click();
  await expect(page).toHaveURL(/#p-10$/);
  await expect(page.locator('#p-10')).toBeInViewport();
});

test("the infographic's key figures stay, and its budget chart follows key figure 1", async ({ page }) => {
  await page.goto('reports/sg-2023-human-rights.html');
  await expect(page.locator('figure#fig-1.key-figure')).toContainText('3.99亿美元');
  await expect(page.locator('figure#chart-fig-1-1 figcaption')).toHaveText('人权经费 3.99 亿美元的来源');
  await expect(page.locator('figure#chart-fig-1-1 .chart-value')).toHaveText(['3.99亿美元', '1.58亿美元', '200万美元', '2.39亿美元']);
  await expect(page.locator('section.key-figures .kf-value').first()).toHaveText('3.99亿美元');
});

test('the figures page shows the series and each report, and a series source lands on A/74/36 paragraph 11', async ({ page }) => {
  await page.goto('figures.html');
  await expect(page.locator('nav[aria-label="网站"] [aria-current="page"]')).toHaveText('数字');
  await expect(page.locator('#series figure')).toHaveCount(6);
  await expect(page.locator('#series-field-presences .chart-value')).toHaveText(['77 个', '103 个']);
  await expect(page.locator('#series-special-procedure-mandates .chart-value')).toHaveText(['56 项', '60 项']);
  for (const r of reports) await expect(page.locator(`section#r-${r.slug}`)).toBeVisible();
  await expect(page.locator('#headline-rule')).toContainText('顺带提到的数量');
  // Each series is explained in words; the rule itself (a regular expression) is for maintainers, folded away.
  await expect(page.locator('#series .series-explain').first()).toContainText('数的是');
  expect(await page.locator('#series .series-explain').allInnerTexts()).not.toContainEqual(expect.stringMatching(/\/|\^|\$|\|/));
  await expect(page.locator('#series-torture-fund-countries details.series-rule code')).toBeHidden();
  await page.locator('#series-torture-fund-countries details.series-rule summary').click();
  await expect(page.locator('#series-torture-fund-countries details.series-rule code')).toContainText('/^国家$/');
  await page.locator('#series-special-procedure-mandates .chart-source a').first().click();
  await expect(page).toHaveURL(/reports\/a-74-36\.html#p-11$/);
  await expect(page.locator('#p-11')).toContainText('56 个国别和专题特别程序任务');
});

test('the figures page filter shows one report at a time', async ({ page }) => {
  await page.goto('figures.html');
  await page.locator('.figure-filter select').selectOption('a-hrc-55-69');
  await expect(page.locator('section#r-a-hrc-55-69')).toBeVisible();
  await expect(page.locator('section#r-a-74-36')).toBeHidden();
  await expect(page.locator('section#series')).toBeHidden();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the figures page still lists every report section and its charts', async ({ page }) => {
    await page.goto('figures.html#r-a-hrc-55-69');
    await expect(page.locator('.figure-filter select')).toHaveCount(0);
    await expect(page.locator('section#r-a-hrc-55-69 figure[data-kind="figure"]')).toHaveCount(9);
    await expect(page.locator('section#r-a-hrc-55-69')).toBeInViewport();
  });
});

test('the downloads: JSON with every value, CSV in UTF-8 with a BOM and RFC 4180 quoting', async ({ page, request }) => {
  await page.goto('reports/a-hrc-55-69.html');
  const csvHref = await page.locator('.figure-links a', { hasText: 'CSV' }).getAttribute('href');
  expect(csvHref).toBe('../data/a-hrc-55-69.figures.csv');
  const json = await (await request.get('data/a-hrc-55-69.figures.json')).json();
  expect(json.values).toHaveLength(r004.figures!.values.length);
  expect(json.charts).toHaveLength(9);
  const bytes = await (await request.get('data/a-hrc-55-69.figures.csv')).body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('id,block,value,printed,unit,noun,approx,sentence');
  expect(lines).toContain('p-8-v5,p-8,1128,"1,128",人,函件涉及,false,"函件涉及 1,128 人，其中 298 人已确认为女性。"');
  expect(lines).toHaveLength(r004.figures!.values.length + 2);
});

/** Boxes of every text and bar in each chart; texts must not overlap each other or other rows' bars. */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const svg of document.querySelectorAll('svg.chart-svg')) {
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('tspan, text.chart-value')].map((el) => ({ el, r: el.getBoundingClientRect(), row: el.closest('g') }));
      const bars = [...svg.querySelectorAll('rect')].map((el) => ({ r: el.getBoundingClientRect(), row: el.closest('g') }));
      const id = svg.closest('figure')?.id;
      for (const [i, a] of texts.entries()) {
        if (a.r.right > box.right + 1 || a.r.left < box.left - 1) problems.push(`${id}: "${a.el.textContent}" leaves the chart`);
        if (a.r.right > document.documentElement.clientWidth) problems.push(`${id}: "${a.el.textContent}" leaves the viewport`);
        for (const b of texts.slice(i + 1)) if (hit(a.r, b.r)) problems.push(`${id}: "${a.el.textContent}" overlaps "${b.el.textContent}"`);
        for (const bar of bars) if (hit(a.r, bar.r)) problems.push(`${id}: "${a.el.textContent}" overlaps a bar`);
      }
    }
    return problems;
  });
}

for (const path of ['reports/a-hrc-55-69.html', 'reports/sg-2023-human-rights.html', 'figures.html']) {
  test(`no chart label overlaps another or a bar at 360px: ${path}`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    expect(await page.locator('svg.chart-svg').count()).toBeGreaterThan(0);
    expect(await overlaps(page)).toEqual([]);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`chart text follows the page colour, and axe finds no serious problem on the figures page (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('figures.html');
    const { text, body } = await page.evaluate(() => ({
      text: getComputedStyle(document.querySelector('svg.chart-svg text')!).fill,
      body: getComputedStyle(document.body).color,
    }));
    expect(text).toBe(body);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
}

test('a report page links to the cross-report series its numbers belong to', async ({ page }) => {
  await page.goto('reports/a-74-36.html');
  await page.locator('.key-figures').getByRole('link', { name: '特别程序任务数' }).click();
  await expect(page).toHaveURL(/figures\.html#series-special-procedure-mandates$/);
  await expect(page.locator('#series-special-procedure-mandates')).toBeInViewport();
});
