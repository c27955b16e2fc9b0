/** `data/<slug>.figures.json`: a report's figures and charts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figuresJson } from '../../lib/figure-files.ts';
import { loadCorpus } from '../../lib/data.ts';
import { reportFigures } from '../../lib/figures.ts';

export const getStaticPaths: GetStaticPaths = () => loadCorpus().figures.reports.map((r) => ({ params: { slug: r.report.slug } }));

export const GET: APIRoute = ({ params }) =>
  new Response(figuresJson(reportFigures(loadCorpus().figures, params.slug!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
