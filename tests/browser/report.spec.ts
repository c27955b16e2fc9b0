import { expect, test } from '@playwright/test';
import { allInlines, firstParagraphCitation, firstParagraphOne, firstReferencedNote, inlineText, reports, squash } from './model.ts';

test('a paragraph anchor #p-1 lands on paragraph 1', async ({ page }) => {
  const { report, id } = firstParagraphOne();
  await page.goto(`reports/${report.slug}.html#${id}`);
  const target = page.locator(':target');
  await expect(target).toHaveAttribute('id', id);
  await expect(target.locator('.pnum')).toHaveText('1');
  await expect(target).toBeInViewport();
});

test('a footnote reference, its note and the back-reference round-trip', async ({ page }) => {
  const { report, note } = firstReferencedNote();
  const ref = note.refs[0]!;
  await page.goto(`reports/${report.slug}.html`);
  await page.locator(`[id="${ref}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#${note.id}$`));
  const li = page.locator(`li[id="${note.id}"]`);
  await expect(li).toBeInViewport();
  await expect(li).toContainText(squash(inlineText(note.content)).slice(0, 20));
  await li.locator(`a.backref[href="#${ref}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#${ref}$`));
  await expect(page.locator(`[id="${ref}"]`)).toBeInViewport();
});

test('a footnote reference previews its note on focus without leaving the text', async ({ page }) => {
  const { report, note } = firstReferencedNote();
  await page.goto(`reports/${report.slug}.html`);
  const preview = page.locator(`#pv-${note.refs[0]}`);
  await expect(preview).toBeHidden();
  await page.locator(`[id="${note.refs[0]}"]`).focus();
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(squash(inlineText(note.content)).slice(0, 20));
});

for (const report of reports) {
  test(`every paragraph of ${report.slug} shows the model's text exactly`, async ({ page }) => {
    await page.goto(`reports/${report.slug}.html`);
    // Body paragraphs and photo captions (without their 图片说明 label); a pull-quote's attribution apart.
    const shown = await page.locator('.report-body p.para, .report-body p.photo-caption').evaluateAll((ps) =>
      ps.map((p) => {
        const copy = p.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.pnum, .para-tools, .noteref, .note-preview, .photo-label').forEach((el) => el.remove());
        const by = copy.querySelector('.quote-by');
        by?.remove();
        return { id: p.id, text: copy.textContent ?? '', ...(by ? { by: by.textContent ?? '' } : {}) };
      }),
    );
    const expected = report.blocks.flatMap((b) =>
      b.type === 'paragraph' ? [{ id: b.id, text: squash(inlineText(b.content)), ...(b.by ? { by: b.by } : {}) }] : [],
    );
    expect(shown.map((p) => ({ ...p, text: squash(p.text) }))).toEqual(expected);
  });

  test(`the contents of ${report.slug} link to every heading`, async ({ page }) => {
    await page.goto(`reports/${report.slug}.html`);
    const ids = report.blocks.flatMap((b) => (b.type === 'heading' ? [`#${b.id}`] : []));
    const hrefs = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(ids);
    for (const id of ids) await expect(page.locator(`.report-body ${id.replace(/^#/, '#')}`)).toHaveCount(1);
  });
}

test('literal braces and angle brackets of seed text render as text, never as markup', async ({ page }) => {
  const allowed = new Set(['A', 'SUP', 'SPAN', 'B', 'P', 'H2', 'H3', 'H4', 'OL', 'LI', 'FIGURE', 'FIGCAPTION', 'SECTION']);
  let literals = 0;
  for (const report of reports) {
    await page.goto(`reports/${report.slug}.html`);
    const body = page.locator('.report-body');
    const text = squash(await body.evaluate((el) => el.textContent ?? ''));
    for (const run of allInlines(report)) {
      if (run.type === 'text' && /[{}<>]/.test(run.value)) {
        literals += 1;
        expect(text).toContain(squash(run.value));
      }
    }
    const tags = await body.evaluate((el) => [
      ...new Set(
        [...el.querySelectorAll('*:not(.para-tools, .para-tools *, details.same-topic, details.same-topic *)')]
          .filter((e) => !e.closest('figure.chart'))
          .map((e) => e.tagName),
      ),
    ]);
    expect(tags.filter((t) => !allowed.has(t))).toEqual([]);
  }
  test.info().annotations.push({ type: 'literal runs checked', description: String(literals) });
});

test('the contents are a collapsed disclosure on a narrow screen and open on a wide one', async ({ page }) => {
  const { report } = firstParagraphOne();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`reports/${report.slug}.html`);
  const firstEntry = page.locator('nav.toc li a').first();
  await expect(firstEntry).toBeHidden();
  await page.locator('nav.toc summary').click();
  await expect(firstEntry).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await expect(firstEntry).toBeVisible();
});

test('a document symbol link reaches its document page, which links back to the citing paragraph', async ({ page }) => {
  const { report, paragraphId, symbol } = firstParagraphCitation();
  await page.goto(`reports/${report.slug}.html`);
  await page.locator(`[id="${paragraphId}"] a.doc[data-symbol="${symbol}"]`).first().click();
  await expect(page.locator('h1')).toHaveText(symbol);
  await expect(page.getByRole('link', { name: '中文版（undocs.org）' })).toHaveAttribute('href', `https://undocs.org/zh/${symbol}`);
  const back = page.locator(`a[href="../reports/${report.slug}.html#${paragraphId}"]`);
  await expect(back).toHaveCount(1);
  await back.click();
  await expect(page.locator(':target')).toHaveAttribute('id', paragraphId);
});
