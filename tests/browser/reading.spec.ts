/**
 * Reading and citing a report (issue 15): the official record, citations and their files, the
 * phone's reading order and reading bar, controls that never cover text, print, the zip's open-me page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { reports } from './model.ts';
import { bibtex, cslJson, unCitation, type CiteMeta } from '../../scripts/model/cite.ts';
import { metaRows } from '../../src/lib/reportmeta.ts';
import { zipRoot } from '../../scripts/zip/offline-zip.ts';
import { zipPath } from '../pinned.ts';
import type { Report } from '../../scripts/model/schema.ts';

const citeMeta = (r: Report): CiteMeta => ({ ...r.meta, slug: r.slug });
const withSymbol = reports.filter((r) => r.meta.symbol);
const withoutSymbol = reports.find((r) => !r.meta.symbol && r.blocks.some((b) => b.type === 'paragraph' && b.n !== undefined))!;
/** The report with the most numbered paragraphs, footnotes and headings: the long read. */
const long = [...reports].sort((a, b) => b.stats.paragraphs + b.notes.length - (a.stats.paragraphs + a.notes.length))[0]!;
const numbered = (r: Report) => r.blocks.flatMap((b) => (b.type === 'paragraph' && b.n !== undefined ? [b] : []));

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = async (l: Locator): Promise<Box> => (await l.boundingBox())!;

test.describe('the official record', () => {
  for (const report of withSymbol) {
    test(`the symbol of ${report.slug} links to undocs.org`, async ({ page }) => {
      await page.goto(`reports/${report.slug}.html`);
      const href = `https://undocs.org/zh/${report.meta.symbol}`;
      await expect(page.locator('.report-head .symbol a')).toHaveAttribute('href', href);
      await expect(page.locator('.meta [data-meta="symbol"] a').first()).toHaveAttribute('href', href);
    });
  }

  for (const report of reports) {
    test(`the meta table of ${report.slug} shows exactly the cover facts the model states`, async ({ page }) => {
      await page.goto(`reports/${report.slug}.html`);
      const rows = metaRows({ ...report.meta, symbols: report.meta.symbols });
      await expect(page.locator('.meta dt')).toHaveText(rows.map((r) => r.label));
      await expect(page.locator('.meta dd')).toHaveText(rows.map((r) => r.values.map((v) => v.text).join('、')));
      // The distribution date and original language appear exactly when the text states them.
      await expect(page.locator('.meta [data-meta="date"]')).toHaveCount(report.meta.date ? 1 : 0);
      await expect(page.locator('.meta [data-meta="original"]')).toHaveCount(report.meta.original ? 1 : 0);
      await expect(page.locator('.title-note')).toHaveCount(report.meta.titleNote ? 1 : 0);
      if (report.meta.titleNote) await expect(page.locator('.title-note')).toContainText(report.meta.titleNote);
    });
  }
});

test.describe('citations', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  const copied = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

  for (const report of [withSymbol[0]!, withoutSymbol]) {
    test(`复制引文 on ${report.slug} copies the UN-style citation with title and date, and no localhost address (the site's address is not configured)`, async ({
      page,
    }) => {
      const para = numbered(report)[Math.min(11, numbered(report).length - 1)]!;
      await page.goto(`reports/${report.slug}.html`);
      const p = page.locator(`p[id="${para.id}"]`);
      await p.hover();
      await p.locator('button.cite').click();
      await expect(p.locator('button.cite')).toHaveText('已复制');
      const text = await copied(page);
      expect(text).toBe(unCitation(citeMeta(report), `第 ${para.n} 段`));
      expect(text).not.toMatch(/https?:|file:|127\.0\.0\.1|localhost/);
      expect(text).toContain(`《${report.meta.title}》`);
      if (report.meta.symbol) expect(text).toContain(report.meta.symbol);
      if (report.meta.year) expect(text).toContain(`${report.meta.year} 年`);
    });
  }

  const unnumbered = reports.find((r) => numbered(r).length === 0 && r.blocks.some((b) => b.type === 'paragraph'))!;
  test(`a report without numbered paragraphs (${unnumbered.slug}) offers 复制引文 on each paragraph, citing its section`, async ({ page }) => {
    const blocks = unnumbered.blocks;
    const at = blocks.findIndex((b, i) => b.type === 'paragraph' && blocks.slice(0, i).some((h) => h.type === 'heading'));
    const heading = blocks.slice(0, at).findLast((b) => b.type === 'heading')!;
    await page.goto(`reports/${unnumbered.slug}.html`);
    const paras = page.locator('.report-body p.para');
    await expect(paras.locator('button.cite')).toHaveCount(await paras.count());
    const p = page.locator(`p[id="${blocks[at]!.id}"]`);
    await p.hover();
    await p.locator('button.cite').click();
    const title = (await page.locator(`[id="${heading.id}"]`).textContent())!.replace(/\s+/g, ' ').trim();
    expect(await copied(page)).toBe(unCitation(citeMeta(unnumbered), `“${title}”一节`));
  });

  for (const report of reports.filter((r) => !r.meta.symbol)) {
    test(`${report.slug}, without a symbol, says it has no official symbol`, async ({ page }) => {
      await page.goto(`reports/${report.slug}.html`);
      await expect(page.locator('.report-head .no-symbol')).toHaveText('本报告没有正式文号：引用时以标题为准。');
    });
  }

  test('复制链接 copies a link that lands on the paragraph', async ({ page }) => {
    const para = numbered(long)[4]!;
    await page.goto(`reports/${long.slug}.html`);
    const p = page.locator(`p[id="${para.id}"]`);
    await p.hover();
    await p.locator('button.cite-link').click();
    const link = await copied(page);
    expect(link).toMatch(new RegExp(`reports/${long.slug}\\.html#${para.id}$`));
    await page.goto('index.html');
    await page.goto(link);
    await expect(page.locator(':target')).toHaveAttribute('id', para.id);
    await expect(page.locator(':target')).toBeInViewport();
  });

  for (const report of reports) {
    test(`${report.slug} offers its citation as CSL-JSON and BibTeX files`, async ({ page, request }) => {
      await page.goto(`reports/${report.slug}.html`);
      await expect(page.locator('.cite-text')).toHaveText(unCitation(citeMeta(report)));
      const csl = page.locator('.cite-files a', { hasText: 'CSL-JSON' });
      const bib = page.locator('.cite-files a', { hasText: 'BibTeX' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .locator('.report-about > summary')
          .isVisible()
          .then(() => csl.click()),
      ]);
      expect(download.suggestedFilename()).toBe(`${report.slug}.csl.json`);
      const item = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(item).toEqual(JSON.parse(cslJson(citeMeta(report))));
      expect(item[0].title).toBe(report.meta.title);
      const bibText = await (await request.get(new URL((await bib.getAttribute('href'))!, page.url()).href)).text();
      expect(bibText).toBe(bibtex(citeMeta(report)));
      expect(bibText).toMatch(new RegExp(`^@techreport\\{${report.slug},`));
    });
  }
});

test.describe('on a phone (360 px)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const report of reports.filter((r) => numbered(r).length > 0)) {
    test(`${report.slug} puts the contents and paragraph 1 before the secondary blocks`, async ({ page }) => {
      await page.goto(`reports/${report.slug}.html`);
      const first = page.locator(`p[id="${numbered(report)[0]!.id}"]`);
      const contents = await box(page.locator('nav.toc summary'));
      const about = await box(page.locator('.report-about > summary'));
      const p1 = await box(first);
      expect(contents.y).toBeLessThan(about.y);
      expect(about.y).toBeLessThan(p1.y);
      // Meta table, citation, key figures, related reports, countries: one tap away, not in the way.
      for (const sel of ['.meta', '.cite-report', '.key-figures', '.crosslinks', '.report-countries']) await expect(page.locator(sel)).toBeHidden();
      expect(p1.y).toBeLessThan(2 * 740);
      await page.locator('.report-about > summary').click();
      await expect(page.locator('.meta')).toBeVisible();
    });
  }

  test('the reading bar goes to the next and previous section, back to the contents and to the top', async ({ page }) => {
    const heads = long.blocks.flatMap((b) => (b.type === 'heading' && b.level <= 2 ? [b.id] : []));
    await page.goto(`reports/${long.slug}.html`);
    const bar = page.locator('nav.reading-bar');
    await expect(bar).toBeInViewport();
    await bar.getByRole('button', { name: '下一节' }).click();
    await expect(page.locator(':target')).toHaveAttribute('id', heads[0]!);
    await bar.getByRole('button', { name: '下一节' }).click();
    await expect(page.locator(':target')).toHaveAttribute('id', heads[1]!);
    await bar.getByRole('button', { name: '下一节' }).click();
    await expect(page.locator(':target')).toHaveAttribute('id', heads[2]!);
    await bar.getByRole('button', { name: '上一节' }).click();
    await expect(page.locator(':target')).toHaveAttribute('id', heads[1]!);
    await expect(page.locator(`[id="${heads[1]}"]`)).toBeInViewport();
    await bar.getByRole('link', { name: '目录' }).click();
    const entry = page.locator(`nav.toc a[href="#${heads[3]}"]`);
    await expect(entry).toBeVisible();
    await expect(page.locator('#toc-list')).toBeInViewport();
    await entry.click();
    await expect(page.locator(':target')).toHaveAttribute('id', heads[3]!);
    await bar.getByRole('link', { name: '顶部' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });

  test('the reading bar never hides the end of the page', async ({ page }) => {
    await page.goto(`reports/${long.slug}.html`);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const foot = await box(page.locator('.site-foot'));
    const bar = await box(page.locator('nav.reading-bar'));
    expect(overlaps(foot, bar)).toBe(false);
  });
});

test.describe('no overlaps', () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 360, height: 740 },
  ]) {
    test(`a footnote preview never covers the next paragraph (${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(`reports/${long.slug}.html`);
      const refs = page.locator('.report-body p.para:has(+ p.para) a.noteref');
      const count = await refs.count();
      expect(count).toBeGreaterThan(3);
      for (const i of [0, Math.floor(count / 2), count - 1]) {
        const ref = refs.nth(i);
        await ref.focus();
        const preview = page.locator(`[id="pv-${await ref.getAttribute('id')}"]`);
        await expect(preview).toBeVisible();
        const next = ref.locator('xpath=ancestor::p[1]/following-sibling::p[1]');
        expect(overlaps(await box(preview), await box(next))).toBe(false);
        // and it covers no other line of its own paragraph
        const lines = await ref.locator('xpath=ancestor::p[1]').evaluate(
          (p, pid) => {
            const out: { x: number; y: number; width: number; height: number }[] = [];
            const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (n.parentElement?.closest(`[id="${pid}"], .para-tools`)) continue;
              const range = document.createRange();
              range.selectNodeContents(n);
              for (const r of range.getClientRects()) out.push({ x: r.x, y: r.y, width: r.width, height: r.height });
            }
            return out;
          },
          `pv-${await ref.getAttribute('id')}`,
        );
        const pv = await box(preview);
        expect(lines.filter((l) => l.width > 0 && overlaps(l, pv))).toEqual([]);
        await page.locator('h1').focus();
      }
    });
  }

  test('the copy buttons sit after the paragraph text, never over it or over a neighbour', async ({ page }) => {
    await page.goto(`reports/${long.slug}.html`);
    const ids = numbered(long)
      .slice(0, 30)
      .map((b) => b.id);
    for (const id of ids) {
      const p = page.locator(`p[id="${id}"]`);
      await p.hover();
      const tools = p.locator('.para-tools');
      await expect(tools).toHaveCSS('opacity', '1');
      const t = await box(tools);
      const text = await p.evaluate((el) => {
        const out: { x: number; y: number; width: number; height: number }[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('.para-tools, .note-preview')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) if (r.width > 0) out.push({ x: r.x, y: r.y, width: r.width, height: r.height });
        }
        return out;
      });
      expect(
        text.filter((r) => overlaps(r, t)),
        id,
      ).toEqual([]);
      const pBox = await box(p);
      expect(t.y).toBeGreaterThanOrEqual(pBox.y);
      expect(t.y + t.height).toBeLessThanOrEqual(pBox.y + pBox.height + 0.5);
    }
  });
});

test.describe('print', () => {
  const charted = reports.find((r) => (r.figures?.charts.length ?? 0) > 0) ?? long;

  test('a printed report has no controls left: no buttons, disclosures, download links or reading bar', async ({ page }) => {
    await page.goto(`reports/${charted.slug}.html`);
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('button, summary, select, input, a[download], .figure-links, .reading-bar, .para-tools')]
        .filter((el) => (el as HTMLElement).checkVisibility())
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(visible).toEqual([]);
    // The report's facts and citation stay, as text.
    await expect(page.locator('.meta')).toBeVisible();
    await expect(page.locator('.cite-text')).toBeVisible();
  });

  test('a printed chart prints its numbers once: on the chart, not again in a table after it; pages have margins', async ({ page }) => {
    // The pinned corpus has charted reports (tests/corpus): a build without any is a failure, not a skip.
    expect(charted.figures?.charts.length ?? 0).toBeGreaterThan(0);
    await page.goto(`reports/${charted.slug}.html`);
    await page.emulateMedia({ media: 'print' });
    const charts = page.locator('.report-body figure.chart');
    await expect(charts).toHaveCount(charted.figures!.charts.length);
    for (const chart of await charts.all()) {
      await expect(chart.locator('svg')).toBeVisible();
      await expect(chart.locator('table')).toBeHidden();
      // Every value of the table is printed on the chart.
      const values = await chart.locator('tbody td:nth-child(2)').allTextContents();
      const drawn = (await chart.locator('svg').textContent())!;
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect(drawn).toContain(v);
    }
    const margins = await page.evaluate(() =>
      [...document.styleSheets]
        .flatMap((s) => [...s.cssRules])
        .filter((r) => r instanceof CSSPageRule)
        .map((r) => (r as CSSPageRule).style.margin),
    );
    expect(margins.some((m) => /mm|cm|in|pt/.test(m))).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
  });

  test('no address is printed inside a sentence: "大会第 48/141 号决议" prints as it reads', async ({ page }) => {
    await page.goto(`reports/${long.slug}.html`);
    await page.emulateMedia({ media: 'print' });
    const inserted = await page.locator('.report-body a').evaluateAll((links) =>
      links.flatMap((a) => {
        const after = getComputedStyle(a, '::after').content;
        const before = getComputedStyle(a, '::before').content;
        return [after, before].some((c) => c !== 'none' && c !== 'normal' && c !== '""') ? [`${a.textContent} ${before} ${after}`] : [];
      }),
    );
    expect(inserted).toEqual([]);
    const resolution = page.locator('.report-body a.doc.resolution').first();
    await expect(resolution).toHaveCount(1);
    const sentence = (await resolution.evaluate((a) => a.parentElement!.innerText))!;
    const label = (await resolution.textContent())!;
    expect(sentence).toContain(`${label} 号决议`);
  });

  for (const report of reports) {
    test(`printed, ${report.slug} carries its version and the print date (and no address: the site's is not configured)`, async ({ page }) => {
      await page.goto(`reports/${report.slug}.html`);
      await page.emulateMedia({ media: 'print' });
      const info = page.locator('.report-head .print-info');
      await expect(info).toBeVisible();
      // As in citations: no localhost or file:// address (tests/browser/changes.spec.ts prints the configured one).
      await expect(info).not.toContainText('本页地址');
      await expect(info).toContainText(`版本：源文本 ${report.source.sha256.slice(0, 8)}`);
      const today = await page.evaluate(() => new Date().toLocaleDateString('zh-CN', { dateStyle: 'long' }));
      expect(today).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
      await expect(info).toContainText(`打印日期：${today}`);
      if (report.meta.symbol) await expect(info).toContainText(`正式文件：https://undocs.org/zh/${report.meta.symbol}`);
      await page.emulateMedia({ media: 'screen' });
      await expect(info).toBeHidden();
    });
  }
});

test('the zip opens with a page that says what to open, and its link reaches the catalogue', async ({ page }) => {
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const names = Object.keys(entries);
  expect(names.slice(0, 2)).toEqual([`${zipRoot}/README.txt`, `${zipRoot}/打开我.html`]);
  expect(Buffer.from(entries[`${zipRoot}/README.txt`]!).toString()).toContain('index.html');
  const dir = mkdtempSync(join(tmpdir(), 'zip-open-'));
  try {
    for (const name of names.filter((n) => n.endsWith('.html') || n.endsWith('.txt'))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), entries[name]!);
    }
    await page.goto(pathToFileURL(join(dir, zipRoot, '打开我.html')).href);
    await expect(page.locator('h1')).toHaveText('联合国人权报告（离线版）');
    await page.getByRole('link', { name: '打开报告目录' }).click();
    await expect(page.locator('.catalogue > li')).toHaveCount(reports.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
