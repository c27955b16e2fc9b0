/** `data/<slug>.figures.json`: a report's figures and charts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figuresJson } from '../../lib/figure-files.ts';
import { loadCorpus } from '../../lib/data.ts';
import { reportFigures } from '../../lib/figures.ts';
import { rendersReport } from '../../lib/site-part.ts';

// In a split render, only this part's reports (src/lib/site-part.ts).
export const getStaticPaths: GetStaticPaths = () =>
  loadCorpus()
    .figures.reports.filter((r) => rendersReport(r.report.slug))
    .map((r) => ({ params: { slug: r.report.slug } }));

export const GET: APIRoute = ({ params }) =>
  new Response(figuresJson(reportFigures(loadCorpus().figures, params.slug!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
