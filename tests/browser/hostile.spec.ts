/**
 * Nothing from seed text executes in the built site. A site is built from the pinned seeds plus
 * the hostile corpus (`buildHostileSite`, tests/hostile/site.ts: the real build command into a temporary
 * folder) and served by `astro preview` on a free port; the injection report
 * is then read as a user would: no dialog, no CSP violation, every hostile string visible as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite, type BuiltSite } from './build-lock.ts';
import { buildHostileSite } from '../hostile/site.ts';
import { expect, test, type Page } from '@playwright/test';
import { reportSchema, type Report } from '../../scripts/model/schema.ts';
import { inlineText } from '../../scripts/model/inline.ts';

test.describe.configure({ mode: 'serial' });

const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');
let origin = '';
let dir = '';
let site: BuiltSite | undefined;
let report: Report;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  site = await builtSite('hostile', buildHostileSite, basePath);
  ({ origin, dir } = site);
  report = reportSchema.parse(JSON.parse(readFileSync(join(dir, 'content', 'data', 'a-hrc-99-1.json'), 'utf8')));
});

test.afterAll(() => site?.close());

/** Dialogs opened and CSP violations seen on the page. */
async function watch(page: Page) {
  const seen = { dialogs: [] as string[], violations: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.violations.push(m.text());
  });
  page.on('pageerror', (e) => seen.violations.push(`pageerror ${e.message}`));
  await page.exposeFunction('__cspViolation', (v: string) => seen.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test('the injection report shows every hostile string as text: no dialog, no CSP violation', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${origin}reports/a-hrc-99-1.html`);
  await expect(page.locator('h1')).toHaveText('注入测试 <script>alert(1)</script> {process.exit(1)}');
  await expect(page.locator('.summary p')).toHaveText(report.meta.summary!);
  const body = page.locator('.report-body');
  for (const text of [
    '{process.exit(1)}',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'import fs from "node:fs"',
    'export default function X() { return alert(1) }',
    '<!-- 而没有结尾',
    '[x](javascript:alert(1))',
    '<svg onload=alert(1)>',
    '<style>body{display:none}</style>',
  ]) {
    await expect(body).toContainText(text);
  }
  const shown = await page.locator('.report-body p.para, .report-body li[data-kind], .report-body [data-kind="heading"]').evaluateAll((els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.pnum, .cite, .noteref, .note-preview, .backref, .label, .hlabel').forEach((x) => x.remove());
      return { id: el.id, text: copy.textContent ?? '' };
    }),
  );
  const byId = new Map(shown.map((s) => [s.id, squash(s.text)]));
  for (const b of report.blocks) {
    if (b.type === 'paragraph') expect(byId.get(b.id)).toBe(squash(inlineText(b.content)));
    if (b.type === 'list') for (const item of b.items) expect(byId.get(item.id)).toContain(squash(inlineText(item.content)));
  }
  for (const n of report.notes) expect(byId.get(n.id)).toContain(squash(inlineText(n.content)));

  // Markup from the seed made no element: no foreign tags, no handler attributes, no script links.
  const foreign = await page.locator('main').evaluate((main) => ({
    // Our own charts are SVG (drawn from the figures the converter found); nothing else may be.
    elements: [...main.querySelectorAll('img, iframe, svg, style, object, embed')].filter(
      (el) => !(el.tagName === 'svg' && el.parentElement?.closest('figure.chart')),
    ).length,
    // The page's own inline script is there; none holds seed text.
    seedScripts: [...main.querySelectorAll('script')].filter((s) => /alert|process\.exit/.test(s.textContent ?? '')).length,
    handlers: [...main.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    scriptLinks: [...main.querySelectorAll('a')].filter((a) => !/^(https?:|#|\.|[a-z0-9-]+\.html)/i.test(a.getAttribute('href') ?? '')).length,
  }));
  expect(foreign).toEqual({ elements: 0, seedScripts: 0, handlers: 0, scriptLinks: 0 });
  await page.waitForTimeout(300);
  expect(seen).toEqual({ dialogs: [], violations: [] });
});

test('the catalogue lists the injection report by its literal title and the real reports beside it', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${origin}index.html`);
  await expect(page.locator('a[href="reports/a-hrc-99-1.html"]')).toContainText('注入测试 <script>alert(1)</script> {process.exit(1)}');
  for (const slug of [
    'a-74-36',
    'a-hrc-55-69',
    'hrc-47-international-cooperation',
    'sg-2023-human-rights',
    'no-structure',
    'duplicate-paragraphs',
    'notes-without-references',
  ]) {
    await expect(page.locator(`a[href="reports/${slug}.html"]`)).toHaveCount(1);
  }
  await page.waitForTimeout(300);
  expect(seen).toEqual({ dialogs: [], violations: [] });
});

test('the corpus reports converted with warnings render, their text literal, without a violation', async ({ page }) => {
  const seen = await watch(page);
  for (const slug of ['no-structure', 'duplicate-paragraphs', 'notes-without-references']) {
    await page.goto(`${origin}reports/${slug}.html`);
    await expect(page.locator('.report-body')).toBeVisible();
  }
  await expect(page.locator('.report-body')).toContainText('没有注的标记⁷。');
  await page.goto(`${origin}reports/no-structure.html`);
  await expect(page.locator('#b-1')).toContainText('{process.exit(1)} 和 <script>alert(1)</script> 这样的字符串。');
  expect(seen).toEqual({ dialogs: [], violations: [] });
});
