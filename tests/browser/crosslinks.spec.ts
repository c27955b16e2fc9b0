import { expect, test } from '@playwright/test';
import { buildCrossLinks } from '../../src/lib/crosslinks.ts';
import { reports } from './model.ts';

const links = buildCrossLinks(reports);

test('普遍定期审议 in A/74/36 leads to the same section of the international-cooperation report, and back', async ({ page }) => {
  await page.goto('reports/a-74-36.html');
  const details = page.locator('#h-2-a-3 + details.same-topic');
  await expect(details.locator('summary')).toHaveText('其他报告中的同一主题 1');
  const link = details.getByRole('link', { name: '落实和加强人权领域的国际合作 · 1. 普遍定期审议' });
  await expect(link).toBeHidden();
  await details.locator('summary').click();
  await expect(details).toContainText('都涉及“普遍定期审议”');
  await link.click();
  await expect(page).toHaveURL(/reports\/hrc-47-international-cooperation\.html#h-3-b-1$/);
  const heading = page.locator(':target');
  await expect(heading).toHaveAttribute('id', 'h-3-b-1');
  await expect(heading).toHaveText('1. 普遍定期审议');
  await expect(heading).toBeInViewport();

  const back = page.locator('#h-3-b-1 + details.same-topic');
  await back.locator('summary').click();
  await back.getByRole('link', { name: 'A/74/36 · 3. 普遍定期审议' }).click();
  await expect(page).toHaveURL(/reports\/a-74-36\.html#h-2-a-3$/);
  await expect(page.locator(':target')).toHaveText('3. 普遍定期审议');
});

for (const report of reports) {
  test(`every section of ${report.slug} lists the model's same-topic sections, linked to their headings`, async ({ page }) => {
    await page.goto(`reports/${report.slug}.html`);
    const shown = await page.locator('details.same-topic').evaluateAll((ds) =>
      ds.map((d) => ({
        heading: d.previousElementSibling?.id,
        targets: [...d.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      })),
    );
    const expected = report.blocks.flatMap((b) => {
      const same = b.type === 'heading' ? links.sameTopic.get(`${report.slug}#${b.id}`) : undefined;
      return same ? [{ heading: b.id, targets: same.shown.map((s) => `${s.section.slug}.html#${s.section.id}`) }] : [];
    });
    expect(shown).toEqual(expected);
  });
}

test('A/74/36 lists its related reports, best first, saying what they share', async ({ page }) => {
  await page.goto('reports/a-74-36.html');
  const items = page.locator('#related li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('落实和加强人权领域的国际合作');
  await expect(items.nth(0)).toContainText('相同主题：国际人权机制、可持续发展目标、普遍定期审议、人权理事会、特别程序、条约机构');
  await expect(items.nth(1)).toContainText('共同引用的文件：S/RES/1244(1999)；相同主题：不歧视、参与、和平与安全、问责');
  await expect(items.nth(2)).toContainText('A/HRC/55/69');
  await items.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/reports\/sg-2023-human-rights\.html$/);
  await expect(page.locator('h1')).toHaveText('促进和保护人权');
  await page
    .locator('#related')
    .getByRole('link', { name: /A\/74\/36/ })
    .click();
  await expect(page.locator('h1')).toHaveText('联合国人权事务高级专员的报告');
});

for (const report of reports) {
  test(`the related reports and cited-by lists of ${report.slug} follow the corpus`, async ({ page }) => {
    await page.goto(`reports/${report.slug}.html`);
    const related = await page.locator('#related li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-related')));
    expect(related).toEqual((links.related.get(report.slug) ?? []).slice(0, 5).map((r) => r.slug));
    // No report of the seeds cites another one (tests/site/crosslinks.test.ts), so no page has the list.
    const citedBy = links.citedBy.get(report.slug) ?? [];
    await expect(page.locator('#cited-by li')).toHaveCount(citedBy.length);
  });
}
