/**
 * Touch targets on a phone (WCAG 2.5.8, and 2.5.5 where the layout allows): in Chromium at 360 px
 * with a touch screen, every paragraph number and footnote marker of every report measures at
 * least 24 × 24 px (the numbers 44 px wide), the copy buttons a tapped number shows measure
 * 44 × 44 px, and the page tells the reader that tapping a number shows them.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { reports } from './model.ts';

/** Every box of the elements `locator` matches, with what they say, as laid out now. */
const boxes = (locator: Locator) =>
  locator.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: `${el.id || el.closest('[id]')?.id}: ${el.textContent}`, width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 };
    }),
  );
const smaller = (list: { text: string; width: number; height: number }[], width: number, height: number) =>
  list.filter((b) => b.width < width || b.height < height).map((b) => `${b.text} ${b.width}×${b.height}`);

const hasNumbers = reports.filter((r) => r.blocks.some((b) => b.type === 'paragraph' && b.n !== undefined));
const hasNotes = reports.filter((r) => r.notes.some((n) => n.refs.length > 0));

test.describe('on a phone (360 px, touch)', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, permissions: ['clipboard-read', 'clipboard-write'] });

  const open = async (page: Page, slug: string) => {
    await page.goto(`reports/${slug}.html`);
    expect(await page.evaluate(() => matchMedia('(hover: none)').matches), 'the browser is a touch screen without hover').toBe(true);
  };

  for (const report of hasNumbers) {
    test(`${report.slug}: every paragraph number is a target of at least 44 × 24 px`, async ({ page }) => {
      await open(page, report.slug);
      const numbers = await boxes(page.locator('.report-body a.pnum'));
      expect(numbers.length).toBeGreaterThan(0);
      expect(smaller(numbers, 44, 24)).toEqual([]);
    });
  }

  for (const report of hasNotes) {
    test(`${report.slug}: every footnote marker is a target of at least 24 × 24 px`, async ({ page }) => {
      await open(page, report.slug);
      const markers = await boxes(page.locator('.report-body a.noteref'));
      expect(markers.length).toBeGreaterThan(0);
      expect(smaller(markers, 24, 24)).toEqual([]);
    });
  }

  for (const report of reports) {
    test(`${report.slug}: the page says that tapping a number shows the copy buttons, and tapping one shows them at 44 × 44 px`, async ({ page }) => {
      await open(page, report.slug);
      await expect(page.locator('.touch-hint')).toBeVisible();
      await expect(page.locator('.touch-hint')).toHaveText(/轻触段落编号.*复制该段的引文或链接/);
      const para = page.locator('.report-body p.para').nth(1);
      await expect(para.locator('.para-tools')).toBeHidden();
      const id = (await para.getAttribute('id'))!;
      await para.locator('a.pnum').tap();
      await expect(page).toHaveURL(new RegExp(`#${id}$`));
      await expect(para.locator('.para-tools button')).toHaveCount(2);
      for (const b of await para.locator('.para-tools button').all()) await expect(b).toBeVisible();
      expect(smaller(await boxes(para.locator('.para-tools button')), 44, 44)).toEqual([]);
      await para.locator('button.cite').tap();
      await expect(para.locator('button.cite')).toHaveText('已复制');
    });
  }
});

test.describe('with a mouse (1280 px)', () => {
  test('paragraph numbers, footnote markers and copy buttons are at least 24 × 24 px, and no touch hint shows', async ({ page }) => {
    const report = hasNotes.find((r) => hasNumbers.includes(r))!;
    await page.goto(`reports/${report.slug}.html`);
    await expect(page.locator('.touch-hint')).toBeHidden();
    expect(smaller(await boxes(page.locator('.report-body a.pnum')), 24, 24)).toEqual([]);
    expect(smaller(await boxes(page.locator('.report-body a.noteref')), 24, 24)).toEqual([]);
    const para = page.locator('.report-body p.para[data-n]').first();
    await para.hover();
    expect(smaller(await boxes(para.locator('.para-tools button')), 24, 24)).toEqual([]);
  });
});
