/** `data/<slug>.figures.json`: a report's figures and charts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figuresJson } from '../../lib/figure-files.ts';
import { loadCorpus } from '../../lib/data.ts';
import { reportFigures } from '../../lib/figures.ts';
import { cacheKeyOf } from '../../lib/pagekey.ts';

// Copied from the last build while the report's figures are unchanged (src/lib/pagekey.ts).
export const getStaticPaths: GetStaticPaths = () => loadCorpus().figures.reports.map((r) => ({ params: { slug: r.report.slug }, ...cacheKeyOf(() => r) }));

export const GET: APIRoute = ({ params }) =>
  new Response(figuresJson(reportFigures(loadCorpus().figures, params.slug!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
