/**
 * The catalogue's static pages: all reports newest first, in pages of at most
 * `PAGE_SIZES.catalogue` cards (`index.html`, then `catalogue/2.html` …), and, once the
 * catalogue is longer than one page, the same list filtered by year, issuing body, kind of
 * document and country named (`catalogue/year/2023.html`, `catalogue/country/mex/2.html` …),
 * and by two of them combined (`catalogue/year/2023/body/hrc.html`), which a page of one value
 * offers as the other facets' values counted within it (docs/scale.md says why two and not more,
 * and counts the pages). Every filter is a plain link, so the catalogue filters without script
 * and from disk, and a reader loads only the page of the slice asked for. A catalogue of one page
 * is the page it always was: no filters, no pager.
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

/** One value a facet filters by, with how many reports have it (within the page's slice) and where their list is. */
export interface FacetValue {
  key: string;
  label: string;
  count: number;
  /**
   * Site-root path of the first page that lists these reports: the value's own page
   * (`catalogue/year/2023.html`), or on a filtered page the combination with the filter
   * (`catalogue/year/2023/body/hrc.html`), or the page of either value alone when the
   * combination lists the same reports.
   */
  path: string;
}

export interface Facet {
  id: FacetId;
  /** 按年份, 按机构 … */
  label: string;
  values: FacetValue[];
  /** The label of the filter the values are counted within (`2023 年`); absent: the whole catalogue. */
  within?: string | undefined;
}

/** A filter chosen on a page: a facet and one of its values (with its count in the whole catalogue). */
export interface Filter {
  facet: FacetId;
  label: string;
  value: FacetValue;
}

/** One catalogue page: its cards, the filters it shows (none, one, or two of different facets), the facets to offer. */
export interface CataloguePage<T extends CatalogueItem> {
  page: Page<T>;
  /** In facet order; empty for the whole catalogue. */
  filters: Filter[];
  /**
   * Empty when the whole catalogue fits one page. On the whole catalogue, every facet; on a
   * page of one value, its facet (to switch value) and the other facets counted within it (to
   * combine); on a combination, its two facets, each counted within the other's value.
   */
  facets: Facet[];
}

const FACET_IDS: readonly FacetId[] = ['year', 'body', 'kind', 'country'];
const FACET_LABELS: Record<FacetId, string> = { year: '按年份', body: '按机构', kind: '按类型', country: '按主要国家和地区' };

/** The first page of the whole catalogue: the home page. */
export const CATALOGUE_HOME = 'index.html';

/** Site-root path of the first page of the reports with value `a` of facet `f` and `b` of `g` (`f` before `g` in facet order). */
export function comboPath(f: FacetId, a: string, g: FacetId, b: string): string {
  return `catalogue/${f}/${a}/${g}/${b}.html`;
}

/**
 * Every page of the catalogue of `items` with `size` cards a page: the whole catalogue's
 * pages first (the first is {@link CATALOGUE_HOME}), then each facet value's, then each
 * combination of two values of different facets that lists fewer reports than either value
 * alone (a combination that lists the same reports as one of its values links to that value's
 * page instead). `countryName` names a country code (for the labels and their order). Pure.
 */
export function cataloguePages<T extends CatalogueItem>(items: readonly T[], size: number, countryName: (code: string) => string): CataloguePage<T>[] {
  const sorted = sortCatalogue(items);
  const all = paginate(sorted, size, CATALOGUE_HOME, (n) => `catalogue/${n}.html`);
  if (all.length === 1) return [{ page: all[0]!, filters: [], facets: [] }];
  const keysOf = facetKeysOf<T>(countryName);
  const groups = FACET_IDS.map((id) => facetGroup(id, sorted, keysOf, (v) => `catalogue/${id}/${v.key}.html`)).filter((g) => g.values.length > 0);
  const whole = new Map(groups.map((g) => [g.id, toFacet(g)]));
  const filters = new Map(groups.flatMap((g) => g.values.map((v) => [v, { facet: g.id, label: FACET_LABELS[g.id], value: toValue(v) }] as const)));
  // Each value's slice counted by every other facet: the combinations offered on its page.
  const within = new Map(
    groups.flatMap((g) =>
      g.values.map((a) => {
        const others = groups.filter((h) => h.id !== g.id).map((h) => facetGroup(h.id, a.items, keysOf, (b) => combinedPath(g, a, h, b)));
        return [a, new Map(others.map((w) => [w.id, { group: w, facet: toFacet(w, a.label) }]))] as const;
      }),
    ),
  );
  const singles = groups.flatMap((g) =>
    g.values.flatMap((a) => {
      const facets = groups.map((h) => (h === g ? whole.get(g.id)! : within.get(a)!.get(h.id)!.facet)).filter((f) => f.values.length > 0);
      return paginate(a.items, size, a.path).map((page) => ({ page, filters: [filters.get(a)!], facets }));
    }),
  );
  const combos = groups.flatMap((g, i) =>
    groups.slice(i + 1).flatMap((h) => {
      const valueOf = new Map(h.values.map((v) => [v.key, v]));
      return g.values.flatMap((a) =>
        within
          .get(a)!
          .get(h.id)!
          .group.values.filter((ab) => ab.path === comboPath(g.id, a.key, h.id, ab.key))
          .flatMap((ab) => {
            const b = valueOf.get(ab.key)!;
            const facets = [within.get(b)!.get(g.id)!.facet, within.get(a)!.get(h.id)!.facet];
            return paginate(ab.items, size, ab.path).map((page) => ({ page, filters: [filters.get(a)!, filters.get(b)!], facets }));
          }),
      );
    }),
  );
  return [...all.map((page) => ({ page, filters: [], facets: [...whole.values()] })), ...singles, ...combos];
}

/** Where the reports with value `a` of facet `g` and `b` of facet `h` are listed (`ab` holds them). */
function combinedPath<T>(g: Group<T>, a: Value<T>, h: Group<T>, ab: Value<T>): string {
  const b = h.values.find((v) => v.key === ab.key)!;
  if (ab.count === a.count) return a.path;
  if (ab.count === b.count) return b.path;
  return FACET_IDS.indexOf(g.id) < FACET_IDS.indexOf(h.id) ? comboPath(g.id, a.key, h.id, b.key) : comboPath(h.id, b.key, g.id, a.key);
}

type Value<T> = FacetValue & { items: T[] };

interface Group<T> {
  id: FacetId;
  values: Value<T>[];
}

function toValue<T>({ items: _, ...v }: Value<T>): FacetValue {
  return v;
}

function toFacet<T>(g: Group<T>, within?: string): Facet {
  return { id: g.id, label: FACET_LABELS[g.id], values: g.values.map(toValue), ...(within === undefined ? {} : { within }) };
}

/** Facet `id`'s values among `sorted` in the order a reader scans them, each with its reports in catalogue order and its path. */
function facetGroup<T extends CatalogueItem>(id: FacetId, sorted: readonly T[], keysOf: KeysOf<T>, pathOf: (v: Value<T>) => string): Group<T> {
  const byKey = new Map<string, Value<T>>();
  for (const item of sorted) {
    for (const { key, label } of keysOf(id, item)) {
      let value = byKey.get(key);
      if (!value) byKey.set(key, (value = { key, label, count: 0, path: '', items: [] }));
      value.count += 1;
      value.items.push(item);
    }
  }
  const values = [...byKey.values()].sort(VALUE_ORDER[id]);
  for (const v of values) v.path = pathOf(v);
  return { id, values };
}

type KeysOf<T> = (id: FacetId, item: T) => readonly { key: string; label: string }[];

/** {@link facetKeys}, worked out once per report and facet (a report is counted once per value of every facet). */
function facetKeysOf<T extends CatalogueItem>(countryName: (code: string) => string): KeysOf<T> {
  const cache = new Map<T, Partial<Record<FacetId, { key: string; label: string }[]>>>();
  return (id, item) => {
    let keys = cache.get(item);
    if (!keys) cache.set(item, (keys = {}));
    return (keys[id] ??= facetKeys(id, item, countryName));
  };
}

/** The values of facet `id` a report has. */
function facetKeys(id: FacetId, r: CatalogueItem, countryName: (code: string) => string): { key: string; label: string }[] {
  switch (id) {
    case 'year':
      return r.year === undefined ? [] : [{ key: String(r.year), label: `${r.year} 年` }];
    case 'body':
      return r.body ? [{ key: bodyKey(r.body), label: r.body }] : [];
    case 'kind':
      return [{ key: r.kind ?? 'report', label: KIND_LABELS[r.kind ?? 'report'] }];
    case 'country':
      return [...new Set(r.countries)].map((code) => ({ key: code.toLowerCase(), label: countryName(code) }));
  }
}

const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || nameCollator.compare(a.label, b.label);
const KINDS = Object.keys(KIND_LABELS) as DocumentKind[];

/** Years newest first, kinds in their table's order, bodies and countries most reports first. */
const VALUE_ORDER: Record<FacetId, (a: FacetValue, b: FacetValue) => number> = {
  year: (a, b) => Number(b.key) - Number(a.key),
  body: byCount,
  kind: (a, b) => KINDS.indexOf(a.key as DocumentKind) - KINDS.indexOf(b.key as DocumentKind),
  country: byCount,
};

/** A body's key: its id in the table of UN bodies (`hrc`) when it is one, else {@link textKey}. */
export function bodyKey(name: string): string {
  return SYMBOL_BODIES.find((b) => b.name === name)?.id ?? textKey(name);
}
