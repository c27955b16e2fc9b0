/**
 * What changed since the published version, as a reader sees it: a site whose content is
 * committed in git, then one seed edited twice and another edited and put back
 * (`buildChangesSite`, tests/changes/site.ts: the convert and build commands, into a temporary folder), served by `astro preview` on a free port the
 * system picks (a fixed one could be another checkout's server).
 */
import { builtSite, type BuiltSite } from './build-lock.ts';
import { expect, test } from '@playwright/test';
import { buildChangesSite, replaced, reverted, siteUrl } from '../changes/site.ts';

test.describe.configure({ mode: 'serial' });

const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');
let origin = '';
let site: BuiltSite | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  site = await builtSite('changes', buildChangesSite, basePath);
  ({ origin } = site);
});

test.afterAll(() => site?.close());

test('a seed edited twice shows one dated change against the committed version, the changed words in context, linked to the paragraph', async ({ page }) => {
  await page.goto(`${origin}reports/${replaced.slug}.html`);
  const changes = page.locator('details.changes');
  await expect(changes.locator('> summary')).toHaveText(`本版变更（${replaced.date}）：1 段改写`);
  await changes.locator('> summary').click();
  await expect(changes.locator('.changes-version')).toHaveCount(1);
  await expect(changes.locator('.changes-from')).toHaveText(/^与此前发布的版本（001_deca3a15a9972238\.txt）相比。$/);
  const item = changes.locator('li[data-change="reworded"]');
  await expect(item).toHaveCount(1);
  // Only the changed words are marked, with the shared text around them; the first edit is gone.
  await expect(item.locator('del')).toHaveCount(0);
  await expect(item.locator('ins')).toHaveText('（第二次修订）');
  await expect(item).toContainText(replaced.new);
  await expect(changes).not.toContainText('（修订本）');
  // The earlier text, whole, one click away.
  const earlier = item.locator('details.changes-old');
  await expect(earlier.locator('p')).toBeHidden();
  await earlier.locator('summary').click();
  await expect(earlier.locator('p')).toBeVisible();
  await expect(earlier.locator('p')).toContainText(replaced.old);
  await item.locator(`a[href="#${replaced.para}"]`).click();
  await expect(page.locator(':target')).toHaveAttribute('id', replaced.para);
  await expect(page.locator(':target')).toContainText(replaced.new);
});

test('a seed edited and put back to its committed text shows no change', async ({ page }) => {
  await page.goto(`${origin}reports/${reverted.slug}.html`);
  await expect(page.locator('#p-6')).toContainText(reverted.old);
  await expect(page.locator('details.changes')).toHaveCount(0);
});

test('a report with one version shows no 本版变更', async ({ page }) => {
  await page.goto(`${origin}reports/a-hrc-55-69.html`);
  await expect(page.locator('details.changes')).toHaveCount(0);
});

test('the home page lists recent changes, each leading to the report’s 本版变更', async ({ page }) => {
  await page.goto(`${origin}index.html`);
  const recent = page.locator('.recent-changes li');
  await expect(recent).toHaveCount(1);
  await expect(recent).toHaveText(`A/74/36（${replaced.date}）：1 段改写`);
  await recent.locator('a').click();
  await expect(page).toHaveURL(new RegExp(`reports/${replaced.slug}\\.html#changes$`));
  await expect(page.locator('details.changes')).toBeInViewport();
});

test.describe('with the site’s address configured', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test('复制引文 ends in the page’s canonical address, not the address it was opened at', async ({ page }) => {
    await page.goto(`${origin}reports/a-hrc-55-69.html`);
    const p = page.locator('p[id="p-12"]');
    await p.hover();
    await p.locator('button.cite').click();
    await expect(p.locator('button.cite')).toHaveText('已复制');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^联合国人权理事会第五十五届会议，.*，第 12 段。https:\/\//);
    expect(text.endsWith(`，第 12 段。${siteUrl}reports/a-hrc-55-69.html#p-12`)).toBe(true);
  });

  test('a printed page carries its canonical address, its version with the date of its change, and the print date', async ({ page }) => {
    await page.goto(`${origin}reports/${replaced.slug}.html`);
    await page.emulateMedia({ media: 'print' });
    const info = page.locator('.report-head .print-info');
    await expect(info).toBeVisible();
    await expect(info).toContainText(`本页地址：${siteUrl}reports/${replaced.slug}.html`);
    await expect(info).toContainText(new RegExp(`版本：源文本 [0-9a-f]{8}，${replaced.date} 修订`));
    await expect(info).toContainText(`打印日期：${await page.evaluate(() => new Date().toLocaleDateString('zh-CN', { dateStyle: 'long' }))}`);
  });
});
