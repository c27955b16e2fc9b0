/** `data/<slug>.bib`: the report as a BibTeX entry, for reference managers (src/lib/cite.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { cacheKeyOf } from '../../lib/pagekey.ts';
import { rendersReports } from '../../lib/site-part.ts';
import { bibtex, reportPageUrl } from '../../lib/cite.ts';

// In a split render the collection holds this part's reports (src/content.config.ts); the lists part has none.
// Copied from the last build while the report's frontmatter is unchanged (src/lib/pagekey.ts; the site's address is Astro's config).
export const getStaticPaths: GetStaticPaths = async () =>
  !rendersReports()
    ? []
    : (await getCollection('reports')).map((entry) => ({ params: { slug: entry.data.slug }, props: { meta: entry.data }, ...cacheKeyOf(() => entry.data) }));

export const GET: APIRoute = ({ props, site }) =>
  new Response(bibtex(props.meta, reportPageUrl(site, import.meta.env.BASE_URL, props.meta.slug)), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
