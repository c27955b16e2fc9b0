/** `data/<slug>.figures.csv`: a report's figures, one row per value (UTF-8 with BOM, RFC 4180). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figuresCsv } from '../../lib/figure-files.ts';
import { loadCorpus } from '../../lib/data.ts';
import { reportFigures } from '../../lib/figures.ts';
import { cacheKeyOf } from '../../lib/pagekey.ts';

// Copied from the last build while the report's figures are unchanged (src/lib/pagekey.ts).
export const getStaticPaths: GetStaticPaths = () => loadCorpus().figures.reports.map((r) => ({ params: { slug: r.report.slug }, ...cacheKeyOf(() => r) }));

export const GET: APIRoute = ({ params }) =>
  new Response(figuresCsv(reportFigures(loadCorpus().figures, params.slug!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
