/** `data/<slug>.figures.csv`: a report's figures, one row per value (UTF-8 with BOM, RFC 4180). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figuresCsv } from '../../lib/figure-files.ts';
import { loadCorpus } from '../../lib/data.ts';
import { reportFigures } from '../../lib/figures.ts';
import { rendersReport } from '../../lib/site-part.ts';

// In a split render, only this part's reports (src/lib/site-part.ts).
export const getStaticPaths: GetStaticPaths = () =>
  loadCorpus()
    .figures.reports.filter((r) => rendersReport(r.report.slug))
    .map((r) => ({ params: { slug: r.report.slug } }));

export const GET: APIRoute = ({ params }) =>
  new Response(figuresCsv(reportFigures(loadCorpus().figures, params.slug!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
