import { expect, test } from '@playwright/test';
import { pageWeight } from '../../scripts/bench/page-weight.ts';
import { firstReferencedNote, reports } from './model.ts';

test.describe('with JavaScript off', () => {
  // Narrow, so the contents are the collapsed <details> a reader opens by hand.
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });

  test('a report reads on a phone: contents, paragraph anchors and a footnote round trip', async ({ page }) => {
    const { report, note } = firstReferencedNote();
    const ref = note.refs[0]!;
    await page.goto(`reports/${report.slug}.html`);
    await expect(page.locator('button.cite')).toHaveCount(0); // the enhancement did not run
    const heading = report.blocks.find((b) => b.type === 'heading' && b.level === 2);
    expect(heading).toBeDefined();
    await expect(page.locator(`nav.toc a[href="#${heading!.id}"]`)).toBeHidden();
    await page.locator('nav.toc summary').click();
    await page.locator(`nav.toc a[href="#${heading!.id}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#${heading!.id}$`));
    await expect(page.locator(`[id="${heading!.id}"]`)).toBeInViewport();

    await page.locator(`[id="${ref}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#${note.id}$`));
    await expect(page.locator(`li[id="${note.id}"]`)).toBeInViewport();
    await page.locator(`li[id="${note.id}"] a.backref[href="#${ref}"]`).click();
    await expect(page.locator(`[id="${ref}"]`)).toBeInViewport();

    const para = report.blocks.find((b) => b.type === 'paragraph' && b.n === 12) ?? report.blocks.find((b) => b.type === 'paragraph');
    await page.goto(`reports/${report.slug}.html#${para!.id}`);
    await expect(page.locator(':target')).toHaveAttribute('id', para!.id);
    await expect(page.locator(':target')).toBeInViewport();
  });
});

for (const report of reports) {
  test(`the ${report.slug} page loads no stylesheet file and no script but the deferred search enhancement`, async ({ page }) => {
    const files: string[] = [];
    page.on('request', (request) => {
      if (['script', 'stylesheet'].includes(request.resourceType())) files.push(request.url());
    });
    const response = await page.goto(`reports/${report.slug}.html`);
    await page.waitForLoadState('networkidle');
    // search/page.js only adds the `/` shortcut and marks search terms; the page reads without it.
    expect(files.map((url) => new URL(url).pathname.split('/').slice(-2).join('/'))).toEqual(['search/page.js']);
    await expect(page.locator('script[src$="search/page.js"]')).toHaveAttribute('defer', '');
    const weight = pageWeight(`reports/${report.slug}.html`, (await response!.text()) ?? '');
    expect([weight.externalScripts, weight.externalStyles]).toEqual([1, 0]);
    // Inline enhancements only (theme choice, copy-citation buttons), and small.
    expect(weight.inlineScriptBytes).toBeLessThan(2048);
    const line = `${weight.page}: ${weight.gzipBytes} bytes gzip (HTML+CSS), ${weight.inlineScriptBytes} bytes of inline enhancement script`;
    test.info().annotations.push({ type: 'page weight', description: line });
    console.log(line);
  });
}
