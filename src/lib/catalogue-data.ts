/**
 * The catalogue pages of this build (src/lib/catalogue-pages.ts) from the content collection's
 * report entries and the corpus lists (for the countries each report names most), with this build's page size.
 */
import { countryByCode } from '../../scripts/model/countries.ts';
import { cataloguePages, type CatalogueCard, type CataloguePage } from './catalogue-pages.ts';
import { loadCorpusLists } from './data.ts';
import { pageSizes } from './paging.ts';

/** Every catalogue page, the home page first, for report entries (`getCollection('reports')` data). */
export function catalogueViews(entries: readonly Omit<CatalogueCard, 'countries'>[]): CataloguePage<CatalogueCard>[] {
  const size = pageSizes().catalogue;
  // Which countries a report names matters only once the catalogue is split (the country filter).
  const split = entries.length > size;
  const principal = split ? loadCorpusLists().principal : undefined;
  const cards = entries.map((e) => ({ ...e, countries: principal?.get(e.slug) ?? [] }));
  return cataloguePages(cards, size, (code) => countryByCode(code)?.name ?? code);
}
