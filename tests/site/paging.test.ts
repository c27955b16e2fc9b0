/**
 * The static pages lists are cut into (src/lib/paging.ts, catalogue-pages.ts, figure-pages.ts):
 * pure functions over the pinned corpus's models and small made-up lists.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cataloguePages, type CatalogueItem } from '../../src/lib/catalogue-pages.ts';
import { sortCatalogue } from '../../src/lib/catalogue.ts';
import { countryCodes, countryMentions, principalCountries } from '../../src/lib/countries.ts';
import { loadCorpus, loadReport, reportSlugs } from '../../src/lib/data.ts';
import { figuresLayout, sectionBytes } from '../../src/lib/figure-pages.ts';
import { citedDocuments } from '../../scripts/model/citations.ts';
import { docIndexPages, groupDocs } from '../../src/lib/docgroups.ts';
import { countsByKey, PAGE_SIZES, pagedPath, pageSizes, pagerItems, paginate, paginateWeighted, textKey } from '../../src/lib/paging.ts';

test('a list that fits one page is one page at its old address; a longer one continues beside it', () => {
  const one = paginate([1, 2, 3], 3, 'countries/mex.html');
  assert.deepEqual(one, [{ number: 1, path: 'countries/mex.html', paths: ['countries/mex.html'], items: [1, 2, 3], offset: 0, total: 3 }]);
  const three = paginate([1, 2, 3, 4, 5, 6, 7], 3, 'countries/mex.html');
  assert.deepEqual(
    three.map((p) => [p.path, p.items, p.offset]),
    [
      ['countries/mex.html', [1, 2, 3], 0],
      ['countries/mex/2.html', [4, 5, 6], 3],
      ['countries/mex/3.html', [7], 6],
    ],
  );
  assert.deepEqual(three[2]!.paths, ['countries/mex.html', 'countries/mex/2.html', 'countries/mex/3.html']);
  // Every item on exactly one page, in order.
  assert.deepEqual(
    three.flatMap((p) => p.items),
    [1, 2, 3, 4, 5, 6, 7],
  );
  assert.equal(paginate([], 3, 'docs.html').length, 1, 'an empty list still has its page');
  assert.equal(pagedPath('docs/a-hrc-40-3.html', 4), 'docs/a-hrc-40-3/4.html');
  assert.throws(() => paginate([1], 0, 'x.html'), /not a positive integer/);
});

test('a weighted list ends a page before its estimated bytes pass the budget; an item heavier than the budget has a page of its own', () => {
  const pages = paginateWeighted([3, 3, 3, 9, 1, 1, 1, 1], { maxItems: 3, maxWeight: 7, weightOf: (w) => w }, 'figures.html', (n) => `figures/${n}.html`);
  assert.deepEqual(
    pages.map((p) => p.items),
    [[3, 3], [3], [9], [1, 1, 1], [1]],
  );
  assert.deepEqual(
    pages.map((p) => p.offset),
    [0, 2, 3, 4, 7],
  );
  assert.equal(pages[4]!.path, 'figures/5.html');
});

test('the pager shows the first, last and neighbouring pages, with gaps, never more than 9 entries', () => {
  assert.deepEqual(pagerItems(1, 1), [1]);
  assert.deepEqual(pagerItems(2, 4), [1, 2, 3, 4]);
  assert.deepEqual(pagerItems(1, 100), [1, 2, 3, null, 100]);
  assert.deepEqual(pagerItems(50, 100), [1, null, 48, 49, 50, 51, 52, null, 100]);
  assert.deepEqual(pagerItems(100, 100), [1, null, 98, 99, 100]);
  for (let n = 1; n <= 30; n++) assert.ok(pagerItems(n, 30).length <= 9);
});

test('SITE_PAGE_SIZE sets every count of entries a page (tests paginate small corpora), not the byte budget; anything but a positive integer is an error', () => {
  assert.equal(pageSizes({}), PAGE_SIZES);
  assert.deepEqual(pageSizes({ SITE_PAGE_SIZE: '4' }), {
    catalogue: 4,
    figureReports: 4,
    figureBytes: PAGE_SIZES.figureBytes,
    seriesPoints: 4,
    mentions: 4,
    citations: 4,
    docIndex: 4,
  });
  assert.throws(() => pageSizes({ SITE_PAGE_SIZE: 'ten' }), /SITE_PAGE_SIZE=ten/);
});

test('a facet key is readable for ASCII text and a stable hash otherwise; different names never share one', () => {
  assert.equal(textKey('UPR'), 'upr');
  assert.equal(textKey('秘书长'), textKey('秘书长'));
  assert.match(textKey('秘书长'), /^[0-9a-f]{8}$/);
  assert.notEqual(textKey('秘书长'), textKey('秘书处'));
});

test('counts by year run newest first and leave out items without a year', () => {
  assert.deepEqual(
    countsByKey([2019, 2023, undefined, 2023], (y) => y),
    [
      { key: 2023, count: 2 },
      { key: 2019, count: 1 },
    ],
  );
});

/** The pinned corpus's reports as catalogue items, each repeated `copies` times under its own slug (a corpus large enough to page). */
function catalogueItems(copies: number): CatalogueItem[] {
  const reports = reportSlugs().map(loadReport);
  return Array.from({ length: copies }, (_, k) => reports.map((r) => ({ ...r.meta, slug: `${r.slug}-${k}`, countries: principalCountries(r) }))).flat();
}

test('the catalogue of the four pinned reports is one page with no filters (the home page as it always was)', () => {
  const pages = cataloguePages(catalogueItems(1), PAGE_SIZES.catalogue, (c) => c);
  assert.equal(pages.length, 1);
  assert.equal(pages[0]!.page.path, 'index.html');
  assert.deepEqual(pages[0]!.facets, []);
});

test('a catalogue longer than a page is paged newest first, and each year, body, kind and country page lists exactly its reports', () => {
  const items = catalogueItems(5);
  const pages = cataloguePages(items, 3, (c) => c);
  const whole = pages.filter((p) => p.filters.length === 0);
  assert.deepEqual(
    whole.map((p) => p.page.path),
    ['index.html', ...Array.from({ length: 6 }, (_, i) => `catalogue/${i + 2}.html`)],
  );
  assert.deepEqual(
    whole.flatMap((p) => p.page.items.map((r) => r.slug)),
    sortCatalogue(items).map((r) => r.slug),
  );
  const facets = pages[0]!.facets;
  assert.deepEqual(
    facets.map((f) => f.id),
    ['year', 'body', 'kind', 'country'],
  );
  const has: Record<string, (item: CatalogueItem, key: string) => boolean> = {
    year: (r, key) => String(r.year) === key,
    body: (r, key) => facets.find((f) => f.id === 'body')!.values.find((v) => v.key === key)!.label === r.body,
    kind: (r, key) => (r.kind ?? 'report') === key,
    country: (r, key) => r.countries.includes(key.toUpperCase()),
  };
  for (const facet of facets) {
    for (const value of facet.values) {
      const shown = pages.filter((p) => p.filters.length === 1 && p.filters[0]!.facet === facet.id && p.filters[0]!.value.key === value.key);
      assert.equal(shown[0]!.page.path, value.path);
      assert.match(value.path, new RegExp(`^catalogue/${facet.id}/[a-z0-9-]+\\.html$`));
      const slugs = shown.flatMap((p) => p.page.items.map((r) => r.slug));
      assert.deepEqual(
        slugs,
        sortCatalogue(items.filter((r) => has[facet.id]!(r, value.key))).map((r) => r.slug),
        `${facet.id} ${value.label}`,
      );
      assert.equal(value.count, slugs.length);
      assert.ok(shown.every((p) => p.page.items.length <= 3));
    }
  }
  const years = facets.find((f) => f.id === 'year')!.values.map((v) => Number(v.key));
  assert.deepEqual(
    years,
    [...years].sort((a, b) => b - a),
    'years newest first',
  );
});

test('figures stay on one page for the pinned corpus; past the page size the sections and every series page through, and report pages link to the right page', () => {
  const { figures } = loadCorpus();
  const one = figuresLayout(figures, PAGE_SIZES);
  assert.equal(one.views.length, 1);
  assert.equal(one.reportHref('a-74-36'), 'figures.html#r-a-74-36');
  assert.equal(one.seriesHref(figures.series[0]!.id), `figures.html#series-${figures.series[0]!.id}`);

  const split = figuresLayout(figures, { figureReports: 1, figureBytes: PAGE_SIZES.figureBytes, seriesPoints: 1 });
  const reportViews = split.views.filter((v) => v.kind === 'reports');
  assert.deepEqual(
    reportViews.map((v) => v.page.path),
    ['figures.html', 'figures/2.html', 'figures/3.html', 'figures/4.html'],
  );
  for (const view of reportViews) for (const r of view.page.items) assert.equal(split.reportHref(r.report.slug), `${view.page.path}#r-${r.report.slug}`);
  for (const series of figures.series) {
    const pages = split.views.filter((v) => v.kind === 'series' && v.series.id === series.id);
    assert.equal(pages.length, series.points.length, `${series.id}: one point a page`);
    assert.equal(split.seriesHref(series.id), `figures/series/${series.id}.html#series-${series.id}`);
  }
});

test('figures pages of chart-heavy reports are cut by estimated bytes before they reach the count', () => {
  const { figures } = loadCorpus();
  const budget = 10_000;
  const layout = figuresLayout(figures, { figureReports: 20, figureBytes: budget, seriesPoints: 100 });
  const pages = layout.views.filter((v) => v.kind === 'reports');
  assert.ok(pages.length > 1);
  for (const view of pages) {
    const bytes = view.page.items.reduce((n, r) => n + sectionBytes(r), 0);
    assert.ok(bytes <= budget || view.page.items.length === 1, `${view.page.path}: ${bytes} estimated bytes`);
  }
});

test('a report is listed under the (at most three) countries it names most, most mentioned first', () => {
  for (const report of reportSlugs().map(loadReport)) {
    const codes = countryCodes(report);
    const n = (c: string) => codes.filter((x) => x === c).length;
    const principal = principalCountries(report);
    assert.equal(principal.length, Math.min(3, new Set(codes).size));
    assert.deepEqual(
      principal.map(n),
      [...principal.map(n)].sort((a, b) => b - a),
    );
    const least = Math.min(...principal.map(n));
    assert.ok(
      codes.every((c) => principal.includes(c) || n(c) <= least),
      report.slug,
    );
  }
});

test('the pinned corpus names countries on one page each (at most 100 mentions)', () => {
  const countries = countryMentions(reportSlugs().map(loadReport));
  assert.ok(countries.every((c) => paginate(c.mentions, PAGE_SIZES.mentions, 'x.html').length === 1));
});

test('the document index is one page for the pinned corpus; cut into pages, every row appears once and each group link leads to its first row', () => {
  const reports = reportSlugs().map(loadReport);
  const groups = groupDocs(citedDocuments(reports), () => false);
  assert.equal(docIndexPages(groups, PAGE_SIZES.docIndex).length, 1);
  const pages = docIndexPages(groups, 10);
  const total = groups.reduce((n, g) => n + g.docs.length, 0);
  assert.equal(pages.length, Math.ceil(total / 10));
  assert.deepEqual(pages.map((p) => p.page.path).slice(0, 2), ['docs.html', 'doc-index/2.html']);
  assert.deepEqual(
    pages.flatMap((p) => p.groups.flatMap((g) => g.docs.map((d) => d.symbol))),
    groups.flatMap((g) => g.docs.map((d) => d.symbol)),
  );
  for (const { group, href } of pages[0]!.nav) {
    const [path, fragment] = href.split('#');
    const page = pages.find((p) => p.page.path === path)!;
    assert.equal(fragment, `g-${group.id}`);
    assert.ok(page.groups.some((g) => g.group.id === group.id));
    assert.ok(!pages.slice(0, page.page.number - 1).some((p) => p.groups.some((g) => g.group.id === group.id)), `${group.id} starts on ${path}`);
  }
});
