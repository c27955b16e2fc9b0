/** `data/<slug>.figures.json`: a report's figures and charts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figuresJson } from '../../lib/figure-files.ts';
import { figureReportSlugs, loadReportFigures } from '../../lib/data.ts';
import { cacheKeyOf } from '../../lib/pagekey.ts';
import { rendersReport } from '../../lib/site-part.ts';

// In a split render, only this part's reports (src/lib/site-part.ts). Copied from the last build
// while the report's figures are unchanged (src/lib/pagekey.ts).
export const getStaticPaths: GetStaticPaths = () =>
  figureReportSlugs()
    .filter(rendersReport)
    .map((slug) => ({ params: { slug }, ...cacheKeyOf(() => loadReportFigures(slug)) }));

export const GET: APIRoute = ({ params }) =>
  new Response(figuresJson(loadReportFigures(params.slug!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
