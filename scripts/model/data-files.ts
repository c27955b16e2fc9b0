/**
 * The files a reader downloads of one report, beside its page: its citation for reference
 * managers (`data/<slug>.bib`, `data/<slug>.csl.json`) and its figures (`data/<slug>.figures.json`,
 * `data/<slug>.figures.csv`). Pure functions of the report's model, its charts after the
 * maintainer's `seeds/figures.json` and the deployment's address: the build writes them in its own
 * process while Astro renders the pages (scripts/tasks/data-files.ts), and `npm run dev` serves
 * them from the same function (src/integrations/dev-data.ts).
 */
import { bibtex, cslJson, reportPageUrl } from './cite.ts';
import { applyChartConfig, type FiguresConfig } from './figures-config.ts';
import { figuresCsv, figuresJson } from './figure-files.ts';
import { frontmatterOf } from './frontmatter.ts';
import type { Report } from './schema.ts';
import type { Deployment } from './urls.ts';

/** One download: its site-root path (`data/a-74-36.bib`) and its text. */
export interface DataFile {
  path: string;
  text: string;
}

/** The content type each download is served with, by the end of its name. */
export const DATA_FILE_TYPES = {
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.csl.json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
  '.figures.json': 'application/json; charset=utf-8',
  '.figures.csv': 'text/csv; charset=utf-8',
} as const;

/** The site-root path of a report's download of the given kind (`.bib`, `.figures.csv`…). */
export const dataFilePath = (slug: string, ending: keyof typeof DATA_FILE_TYPES): string => `data/${slug}${ending}`;

/**
 * The entries of `seeds/figures.json` about one report's charts (`<slug>#<chart id>`): what of the
 * maintainer's file its downloads depend on, so that editing another report's charts leaves them be.
 */
export function chartConfigOf(config: FiguresConfig, slug: string): [string, FiguresConfig['charts'][string]][] {
  return Object.entries(config.charts).filter(([key]) => key.slice(0, key.indexOf('#')) === slug);
}

/**
 * Every download of `report`, in a fixed order. `config` renames and hides its charts as on the
 * site (`file` is named in its errors); the citations carry the report page's address when the
 * deployment has one.
 */
export function reportDataFiles(report: Report, config: FiguresConfig, deployment: Deployment, file?: string): DataFile[] {
  const meta = frontmatterOf(report);
  const pageUrl = reportPageUrl(deployment.site === undefined ? undefined : new URL(deployment.site), deployment.base, report.slug);
  const figures = { report, charts: applyChartConfig([report], config, file).get(report.slug) ?? [] };
  return [
    { path: dataFilePath(report.slug, '.bib'), text: bibtex(meta, pageUrl) },
    { path: dataFilePath(report.slug, '.csl.json'), text: cslJson(meta, pageUrl) },
    { path: dataFilePath(report.slug, '.figures.json'), text: figuresJson(figures) },
    { path: dataFilePath(report.slug, '.figures.csv'), text: figuresCsv(figures) },
  ];
}

/** The report and kind of download a site-root path names (`data/a-74-36.bib`), or undefined for any other path. */
export function dataFileOf(path: string): { slug: string; ending: keyof typeof DATA_FILE_TYPES } | undefined {
  if (!path.startsWith('data/')) return undefined;
  for (const ending of Object.keys(DATA_FILE_TYPES) as (keyof typeof DATA_FILE_TYPES)[]) {
    const slug = path.endsWith(ending) ? path.slice('data/'.length, -ending.length) : '';
    if (/^[a-z0-9][a-z0-9-]*$/.test(slug)) return { slug, ending };
  }
  return undefined;
}
