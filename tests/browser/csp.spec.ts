/**
 * The Content-Security-Policy is present, strict and never in the way: each page type loads
 * with zero CSP violations (served and from disk), our own inline script still runs, and a
 * script injected into the page is refused.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { distDir } from '../pinned.ts';
import { docPath, documents, reports } from './model.ts';

const pages = [
  { kind: 'home', path: 'index.html' },
  { kind: 'report', path: `reports/${reports[0]!.slug}.html` },
  { kind: 'document', path: docPath(documents[0]!.symbol) },
  { kind: 'documents index', path: 'docs.html' },
  { kind: 'about', path: 'about.html' },
  { kind: 'not found', path: '404.html' },
];

/** Collects CSP violations, reported both as DOM events and as console errors. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction('__cspViolation', (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

for (const { kind, path } of pages) {
  for (const where of ['served', 'from disk'] as const) {
    test(`the ${kind} page (${where}) carries the policy and violates nothing`, async ({ page }) => {
      const violations = await watchCsp(page);
      await page.goto(where === 'served' ? path : pathToFileURL(join(distDir, path)).href);
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(policy).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|\*/);
      await page.waitForLoadState('load');
      expect(violations).toEqual([]);
    });
  }
}

test('the report page’s own inline script runs under the policy (copy-citation buttons appear)', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`reports/${reports[0]!.slug}.html`);
  await expect(page.locator('p[data-n="1"] button.cite')).toHaveCount(1);
  expect(violations).toEqual([]);
});

test('a script injected into a page is blocked by the policy', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`reports/${reports[0]!.slug}.html`);
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.injected = true');
    img.src = 'data:,x';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 100));
    return w.injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(violations.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
  expect(violations.some((v) => v.startsWith('script-src-attr inline'))).toBe(true);
});
