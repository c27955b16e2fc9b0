/**
 * Combining the catalogue's filters (src/lib/catalogue-pages.ts): on a page filtered by one
 * value the other facets are counted within it and lead to static pages of two values combined.
 * Pure: made-up catalogue items, whose expected pages are worked out by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cataloguePages, comboPath, type CatalogueItem, type CataloguePage } from '../../src/lib/catalogue-pages.ts';
import { sortCatalogue } from '../../src/lib/catalogue.ts';

const item = (slug: string, year: number, body: string, kind: CatalogueItem['kind'], countries: string[]): CatalogueItem => ({
  slug,
  title: slug,
  year,
  body,
  kind,
  countries,
});

/**
 * Eight reports: 2023 has two bodies (人权理事会 r1 r2 r3, 大会 r4), 2022 only 人权理事会 (r5 r6),
 * 2021 only 秘书长 (r7 r8), and 秘书长 reports only in 2021; Mexico is named by r1 r4 r5.
 */
const ITEMS = [
  item('r1', 2023, '人权理事会', 'report', ['MEX']),
  item('r2', 2023, '人权理事会', 'resolution', ['COL']),
  item('r3', 2023, '人权理事会', 'report', []),
  item('r4', 2023, '大会', 'report', ['MEX', 'COL']),
  item('r5', 2022, '人权理事会', 'report', ['MEX']),
  item('r6', 2022, '人权理事会', 'resolution', []),
  item('r7', 2021, '秘书长', 'report', []),
  item('r8', 2021, '秘书长', 'report', []),
];
const pages = cataloguePages(ITEMS, 2, (code) => ({ MEX: '墨西哥', COL: '哥伦比亚' })[code] ?? code);
const pageAt = (path: string) => pages.find((p) => p.page.path === path);
const slugsFrom = (path: string) => pages.filter((p) => p.page.paths[0] === path).flatMap((p) => p.page.items.map((r) => r.slug));
const facetOf = (view: CataloguePage<CatalogueItem>, id: string) => view.facets.find((f) => f.id === id)!;

test('a page of one year counts the other facets within that year and links each to the two combined', () => {
  const year = pageAt('catalogue/year/2023.html')!;
  assert.deepEqual(
    year.filters.map((f) => [f.facet, f.value.label]),
    [['year', '2023 年']],
  );
  // Its own facet lets the reader switch year (whole-catalogue counts); the others are within 2023.
  assert.deepEqual(
    facetOf(year, 'year').values.map((v) => [v.label, v.count]),
    [
      ['2023 年', 4],
      ['2022 年', 2],
      ['2021 年', 2],
    ],
  );
  assert.equal(facetOf(year, 'year').within, undefined);
  const bodies = facetOf(year, 'body');
  assert.equal(bodies.within, '2023 年');
  assert.deepEqual(
    bodies.values.map((v) => [v.label, v.count, v.path]),
    [
      ['人权理事会', 3, comboPath('year', '2023', 'body', 'hrc')],
      // All of 大会's reports are of 2023: the combination is 大会's own page.
      ['大会', 1, 'catalogue/body/ga.html'],
    ],
  );
  assert.deepEqual(
    facetOf(year, 'country').values.map((v) => [v.label, v.count, v.path]),
    [
      // All of Colombia's reports are of 2023; Mexico's are not.
      ['哥伦比亚', 2, 'catalogue/country/col.html'],
      ['墨西哥', 2, 'catalogue/year/2023/country/mex.html'],
    ],
  );
});

test('a combined page lists exactly the reports with both values, paged, and offers each facet within the other value', () => {
  assert.equal(comboPath('year', '2023', 'body', 'hrc'), 'catalogue/year/2023/body/hrc.html');
  assert.deepEqual(slugsFrom('catalogue/year/2023/body/hrc.html'), ['r1', 'r2', 'r3']);
  assert.deepEqual(
    pages.filter((p) => p.page.paths[0] === 'catalogue/year/2023/body/hrc.html').map((p) => p.page.path),
    ['catalogue/year/2023/body/hrc.html', 'catalogue/year/2023/body/hrc/2.html'],
  );
  const combo = pageAt('catalogue/year/2023/body/hrc.html')!;
  assert.deepEqual(
    combo.filters.map((f) => [f.facet, f.value.key, f.value.count, f.value.path]),
    [
      ['year', '2023', 4, 'catalogue/year/2023.html'],
      ['body', 'hrc', 5, 'catalogue/body/hrc.html'],
    ],
  );
  assert.deepEqual(
    combo.facets.map((f) => [f.id, f.within, f.values.map((v) => `${v.label} ${v.count} ${v.path}`)]),
    [
      ['year', '人权理事会', ['2023 年 3 catalogue/year/2023/body/hrc.html', '2022 年 2 catalogue/year/2022.html']],
      ['body', '2023 年', ['人权理事会 3 catalogue/year/2023/body/hrc.html', '大会 1 catalogue/body/ga.html']],
    ],
  );
  assert.deepEqual(slugsFrom('catalogue/kind/report/country/mex.html'), [], 'Mexico is named only by reports: no combined page');
  assert.deepEqual(slugsFrom('catalogue/body/hrc/kind/report.html'), ['r1', 'r3', 'r5']);
  assert.deepEqual(slugsFrom('catalogue/body/hrc/kind/resolution.html'), [], 'every resolution is 人权理事会’s: the resolutions’ page');
});

test('combined pages exist only where they narrow both values, each lists what its link counts, and every link leads to a page', () => {
  const firsts = new Set(pages.map((p) => p.page.paths[0]));
  assert.equal(new Set(pages.map((p) => p.page.path)).size, pages.length, 'no two pages share an address');
  const has = (r: CatalogueItem, facet: string, key: string) =>
    facet === 'year'
      ? String(r.year) === key
      : facet === 'body'
        ? pageAt(`catalogue/body/${key}.html`)!.filters[0]!.value.label === r.body
        : facet === 'kind'
          ? r.kind === key
          : r.countries.includes(key.toUpperCase());
  const combos = pages.filter((p) => p.filters.length === 2 && p.page.number === 1);
  assert.ok(combos.length >= 5);
  for (const combo of combos) {
    const [a, b] = combo.filters as [NonNullable<(typeof combo.filters)[0]>, NonNullable<(typeof combo.filters)[0]>];
    const expected = sortCatalogue(ITEMS.filter((r) => has(r, a.facet, a.value.key) && has(r, b.facet, b.value.key))).map((r) => r.slug);
    assert.deepEqual(slugsFrom(combo.page.path), expected, combo.page.path);
    assert.ok(expected.length > 0 && expected.length < a.value.count && expected.length < b.value.count, combo.page.path);
  }
  for (const view of pages) {
    for (const facet of view.facets) {
      for (const v of facet.values) {
        assert.ok(firsts.has(v.path), `${view.page.path} links ${v.path}`);
        assert.equal(
          slugsFrom(v.path).length,
          v.count,
          `${view.page.path}: ${facet.id} ${v.label} counts ${v.count}, ${v.path} lists ${slugsFrom(v.path).length}`,
        );
      }
    }
  }
});
