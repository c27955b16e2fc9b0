/**
 * The catalogue's static pages: all reports newest first, in pages of at most
 * `PAGE_SIZES.catalogue` cards (`index.html`, then `catalogue/2.html` …), and, once the
 * catalogue is longer than one page, the same list filtered by year, issuing body, kind of
 * document and country named (`catalogue/year/2023.html`, `catalogue/country/mex/2.html` …).
 * Every filter is a plain link, so the catalogue filters without script and from disk, and a
 * reader loads only the page of the slice asked for. A catalogue of one page is the page it
 * always was: no filters, no pager.
 */
import { SYMBOL_BODIES } from '../../scripts/model/bodies.ts';
import type { DocumentKind } from '../../scripts/model/schema.ts';
import { sortCatalogue, type CatalogueEntry } from './catalogue.ts';
import { nameCollator } from './countries.ts';
import { paginate, textKey, type Page } from './paging.ts';
import { KIND_LABELS } from './reportmeta.ts';

/** A report as the catalogue pages need it: its card's data plus what it is filtered by. */
export interface CatalogueItem extends CatalogueEntry {
  slug: string;
  body?: string | undefined;
  /** ISO alpha-3 codes of the countries the report is listed under (the ones it names most: countries.ts `principalCountries`). */
  countries: readonly string[];
}

/** What a card shows. */
export interface CatalogueCard extends CatalogueItem {
  session?: string | undefined;
  dates?: string | undefined;
  period?: string | undefined;
  paragraphs?: number | undefined;
  notes?: number | undefined;
  headings?: number | undefined;
  figures?: number | undefined;
}

export type FacetId = 'year' | 'body' | 'kind' | 'country';

/** One value a facet filters by, with how many reports have it and where its first page is. */
export interface FacetValue {
  key: string;
  label: string;
  count: number;
  /** Site-root path of its first page. */
  path: string;
}

export interface Facet {
  id: FacetId;
  /** 按年份, 按机构 … */
  label: string;
  values: FacetValue[];
}

/** One catalogue page: its cards, the filter it shows (none for the whole catalogue), the facets to offer. */
export interface CataloguePage<T extends CatalogueItem> {
  page: Page<T>;
  filter: { facet: Facet; value: FacetValue } | undefined;
  /** Empty when the whole catalogue fits one page. */
  facets: Facet[];
}

const FACET_LABELS: Record<FacetId, string> = { year: '按年份', body: '按机构', kind: '按类型', country: '按主要国家和地区' };

/** The first page of the whole catalogue: the home page. */
export const CATALOGUE_HOME = 'index.html';

/**
 * Every page of the catalogue of `items` with `size` cards a page: the whole catalogue's
 * pages first (the first is {@link CATALOGUE_HOME}), then each facet value's. `countryName`
 * names a country code (for the labels and their order). Pure.
 */
export function cataloguePages<T extends CatalogueItem>(items: readonly T[], size: number, countryName: (code: string) => string): CataloguePage<T>[] {
  const sorted = sortCatalogue(items);
  const all = paginate(sorted, size, CATALOGUE_HOME, (n) => `catalogue/${n}.html`);
  if (all.length === 1) return [{ page: all[0]!, filter: undefined, facets: [] }];
  const groups = facetGroups(sorted, countryName);
  const facets: Facet[] = groups.map((g) => ({ id: g.id, label: FACET_LABELS[g.id], values: g.values.map(({ items: _, ...v }) => v) }));
  return [
    ...all.map((page) => ({ page, filter: undefined, facets })),
    ...groups.flatMap((g, i) =>
      g.values.flatMap((v, j) =>
        paginate(v.items, size, v.path).map((page) => ({ page, filter: { facet: facets[i]!, value: facets[i]!.values[j]! }, facets })),
      ),
    ),
  ];
}

interface Group<T> {
  id: FacetId;
  values: (FacetValue & { items: T[] })[];
}

/** Each facet's values in the order a reader scans them, each with its reports in catalogue order. */
function facetGroups<T extends CatalogueItem>(sorted: readonly T[], countryName: (code: string) => string): Group<T>[] {
  const collect = (id: FacetId, keysOf: (item: T) => { key: string; label: string }[]) => {
    const byKey = new Map<string, FacetValue & { items: T[] }>();
    for (const item of sorted) {
      for (const { key, label } of keysOf(item)) {
        let value = byKey.get(key);
        if (!value) byKey.set(key, (value = { key, label, count: 0, path: `catalogue/${id}/${key}.html`, items: [] }));
        value.count += 1;
        value.items.push(item);
      }
    }
    return [...byKey.values()];
  };
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || nameCollator.compare(a.label, b.label);
  const kinds = Object.keys(KIND_LABELS) as DocumentKind[];
  return [
    {
      id: 'year' as const,
      values: collect('year', (r) => (r.year === undefined ? [] : [{ key: String(r.year), label: `${r.year} 年` }])).sort(
        (a, b) => Number(b.key) - Number(a.key),
      ),
    },
    { id: 'body' as const, values: collect('body', (r) => (r.body ? [{ key: bodyKey(r.body), label: r.body }] : [])).sort(byCount) },
    {
      id: 'kind' as const,
      values: collect('kind', (r) => [{ key: r.kind ?? 'report', label: KIND_LABELS[r.kind ?? 'report'] }]).sort(
        (a, b) => kinds.indexOf(a.key as DocumentKind) - kinds.indexOf(b.key as DocumentKind),
      ),
    },
    {
      id: 'country' as const,
      values: collect('country', (r) => [...new Set(r.countries)].map((code) => ({ key: code.toLowerCase(), label: countryName(code) }))).sort(byCount),
    },
  ].filter((g) => g.values.length > 0);
}

/** A body's key: its id in the table of UN bodies (`hrc`) when it is one, else {@link textKey}. */
export function bodyKey(name: string): string {
  return SYMBOL_BODIES.find((b) => b.name === name)?.id ?? textKey(name);
}
