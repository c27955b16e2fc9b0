/**
 * The part of the site this Astro run renders (scripts/model/parts.ts, docs/scale.md): the whole
 * site, unless the build split the render and set `SITE_PART`. A module of its own, light like
 * content-dir.ts: the content config imports it to restrict the collection to the part's reports.
 */
import { sitePartFromEnv, type SitePart } from '../../scripts/model/parts.ts';

export const sitePart: SitePart = sitePartFromEnv(process.env);

/** Whether this run renders the pages that list the corpus (catalogue, figures, countries, documents): the whole site's run or the lists part. */
export function rendersLists(): boolean {
  return sitePart.kind !== 'reports';
}

/** Whether this run renders report pages at all: not the lists part, whose collection is empty (and asking it for its entries would be warned about). */
export function rendersReports(): boolean {
  return sitePart.kind !== 'lists';
}
