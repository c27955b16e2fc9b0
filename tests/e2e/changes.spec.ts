/**
 * What changed between versions, as a reader sees it: a site is built with one seed replaced by
 * a reworded version (tests/changes/site.ts, into a temporary folder) and served by
 * `astro preview` on a free port the system picks (a fixed one could be another checkout's server).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { servePreview, withBuildLock } from './build-lock.ts';
import { expect, test } from '@playwright/test';
import { replaced } from '../changes/site.ts';

test.describe.configure({ mode: 'serial' });

const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');
let origin = '';
let dir = '';
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'changes-site-'));
  const built = await withBuildLock(() => spawnSync(process.execPath, ['tests/changes/site.ts', dir], { encoding: 'utf8' }));
  if (built.status !== 0) throw new Error(`changes site build failed:\n${built.stdout}\n${built.stderr}`);
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  origin = `http://127.0.0.1:${port}${basePath}`;
  server = await servePreview(join(dir, 'dist'), port, origin);
});

test.afterAll(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a report with a new version shows 本版变更 with the changed words in context, linked to the paragraph', async ({ page }) => {
  await page.goto(`${origin}reports/${replaced.slug}.html`);
  const changes = page.locator('details.changes');
  await expect(changes.locator('summary')).toHaveText('本版变更：1 段改写');
  await changes.locator('summary').click();
  const item = changes.locator('li[data-change="reworded"]');
  await expect(item).toHaveCount(1);
  // Only the changed words are marked, with the shared text around them.
  await expect(item.locator('del')).toHaveCount(0);
  await expect(item.locator('ins')).toHaveText('（修订本）');
  await expect(item).toContainText(replaced.new);
  await item.locator(`a[href="#${replaced.para}"]`).click();
  await expect(page.locator(':target')).toHaveAttribute('id', replaced.para);
  await expect(page.locator(':target')).toContainText(replaced.new);
});

test('a report with one version shows no 本版变更', async ({ page }) => {
  await page.goto(`${origin}reports/a-hrc-55-69.html`);
  await expect(page.locator('details.changes')).toHaveCount(0);
});

test('the home page lists recent changes, each leading to the report’s 本版变更', async ({ page }) => {
  await page.goto(`${origin}index.html`);
  const recent = page.locator('.recent-changes li');
  await expect(recent).toHaveCount(1);
  await expect(recent).toContainText('1 段改写');
  await recent.locator('a').click();
  await expect(page).toHaveURL(new RegExp(`reports/${replaced.slug}\\.html#changes$`));
  await expect(page.locator('details.changes')).toBeInViewport();
});
