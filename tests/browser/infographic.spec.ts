/**
 * The infographic report as a reader sees it (seed 003 of the pinned corpus): photo captions are
 * set apart from the body as 图片说明 with their credits, and the paragraph its page's columns
 * split reads as one, under its heading.
 */
import { expect, test } from '@playwright/test';
import { reports, squash } from './model.ts';

const report = reports.find((r) => r.blocks.some((b) => b.type === 'paragraph' && b.photo))!;
const photos = report.blocks.filter((b) => b.type === 'paragraph' && b.photo);

test(`${report.slug}: photo captions show as 图片说明 with their credits, apart from the body text`, async ({ page }) => {
  expect(photos.length).toBeGreaterThan(0);
  await page.goto(`reports/${report.slug}.html`);
  const captions = page.locator('.report-body .photo-caption');
  await expect(captions).toHaveCount(photos.length);
  await expect(captions.locator('.photo-label')).toHaveText(photos.map(() => '图片说明'));
  for (const c of await captions.all()) await expect(c).toContainText('©');
  // Body paragraphs carry no credit, and a caption is not a citable paragraph.
  expect((await page.locator('.report-body p.para').allTextContents()).filter((t) => t.includes('©'))).toEqual([]);
  await expect(captions.locator('.para-tools')).toHaveCount(0);
});

test(`${report.slug}: the paragraph split across two columns reads as one, under its heading`, async ({ page }) => {
  await page.goto(`reports/${report.slug}.html`);
  const para = page.locator('.report-body p.para', { hasText: '方案拟订和宣传工作。' });
  await expect(para).toHaveCount(1);
  expect(
    squash(
      (await para.evaluate((p) =>
        [...p.childNodes]
          .filter((n) => !(n instanceof HTMLElement && n.matches('.pnum, .para-tools')))
          .map((n) => n.textContent)
          .join(''),
      ))!,
    ),
  ).toMatch(/^人权处于我们发展工作的核心。.*方案拟订和宣传工作。我们在可持续发展目标指标方面的工作.*制定了指南。$/);
  // It follows its heading 发展工作中的人权问题, before the next one.
  const order = await page.locator('.report-body h2, .report-body p.para').evaluateAll((els) => els.map((e) => e.textContent!.trim().slice(0, 12)));
  const at = order.findIndex((t) => t.startsWith('¶人权处于我们发展') || t.startsWith('人权处于我们发展'));
  expect(order[at - 1]).toBe('发展工作中的人权问题');
  await expect(page.locator('.report-body p.para', { hasText: /^¶?传工作。/ })).toHaveCount(0);
});

/** The text of a page's main part, as a screen reader or a copy of its text gets it, with the tabs it holds. */
const tabbed = (page: import('@playwright/test').Page) =>
  page.locator('main').evaluate((main) => {
    const out: string[] = [];
    const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.textContent!.includes('\t')) out.push(n.textContent!);
    return out;
  });

test(`${report.slug}: a map note reads “a 提及…”: its mark, a space, its text (the tab between them is a separator, not a character on the page)`, async ({
  page,
}) => {
  await page.goto(`reports/${report.slug}.html`);
  const notes = await page.locator('.report-body p.para').evaluateAll((ps) =>
    ps
      .map((p) =>
        [...p.childNodes]
          .filter((n) => !(n instanceof HTMLElement && n.matches('.pnum, .para-tools')))
          .map((n) => n.textContent)
          .join(''),
      )
      .filter((t) => /^[a-z]\s/.test(t)),
  );
  expect(notes.length).toBeGreaterThan(0);
  for (const t of notes) expect(t).toMatch(/^[a-z] [^\s]/);
  expect(await tabbed(page)).toEqual([]);
  // Nor where a note is quoted: the pages of the countries it names.
  const countries = [...new Set(await page.locator('.report-body p.para .country').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? '')))].filter(
    Boolean,
  );
  expect(countries.length).toBeGreaterThan(0);
  for (const href of countries) {
    await page.goto(new URL(href, page.url()).href);
    expect(await tabbed(page), href).toEqual([]);
  }
});

test(`${report.slug}: a pull-quote shows who said it, on a line of its own under the quote, in the quote’s paragraph`, async ({ page }) => {
  const quotes = report.blocks.flatMap((b) => (b.type === 'paragraph' && b.by ? [{ id: b.id, by: b.by }] : []));
  expect(quotes.length).toBeGreaterThan(0);
  await page.goto(`reports/${report.slug}.html`);
  for (const { id, by } of quotes) {
    const line = page.locator(`#${id} .quote-by`);
    await expect(line).toHaveText(by);
    await expect(line).toBeVisible();
    const [quote, under] = await Promise.all([page.locator(`#${id}`).boundingBox(), line.boundingBox()]);
    expect(under!.y).toBeGreaterThan(quote!.y + 10);
    // Printed without a dash, it is drawn one (not text a copy takes).
    const before = await line.evaluate((e) => getComputedStyle(e, '::before').content);
    expect(before).toBe(/^[—－-]/.test(by) ? 'none' : '"——"');
  }
});
