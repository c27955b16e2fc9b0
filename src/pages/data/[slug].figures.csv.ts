/** `data/<slug>.figures.csv`: a report's figures, one row per value (UTF-8 with BOM, RFC 4180). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figuresCsv } from '../../lib/figure-files.ts';
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
  new Response(figuresCsv(loadReportFigures(params.slug!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
