/**
 * Everything one report page shows, in one plain object built from the corpus (the route-data
 * pattern of Starlight): `src/pages/reports/[slug].astro` builds it once, passes it to the page's
 * components and puts it on `Astro.locals.reportPage` for the MDX body components; none of them
 * reads a loader or the URL for report data. Its hash is the page's cache key for Astro's
 * incremental build (src/lib/pagekey.ts), so whatever the page shows is in the key by
 * construction: a component that needs more data must get it added here, and then the key has it.
 */
import type { History } from '../../scripts/model/changes.ts';
import { countryByCode } from '../../scripts/model/countries.ts';
import { frontmatterOf } from '../../scripts/model/frontmatter.ts';
import type { Chart, FigureValue, Frontmatter, Report } from '../../scripts/model/schema.ts';
import { reportPlaces } from '../../scripts/model/places.ts';
import type { Citation } from '../../scripts/model/citations.ts';
import type { Corpus } from './corpus.ts';
import { byCountThenName, countryCodes } from './countries.ts';
import { reportFigures } from './figures.ts';
import { figuresLayoutOf } from './figure-pages.ts';
import { pageSizes } from './paging.ts';
import { inlineText } from '../../scripts/model/inline.ts';
import type { Related, Shared } from './related.ts';
import { buildToc, type TocEntry } from './toc.ts';
import type { SameTopicList } from './topics.ts';
import type { Series } from './series.ts';
import { reportPath } from '../../scripts/model/urls.ts';

/** A country the report names, with how often. */
export interface PageCountry {
  code: string;
  name: string;
  mentions: number;
}

export interface ReportPageData {
  slug: string;
  /** Site-root path of the page (`reports/a-74-36.html`): its links are relative to it. */
  here: string;
  /** The frontmatter the converter writes for this model (`content/reports/<slug>.mdx`). */
  meta: Frontmatter;
  /** The report model (`content/data/<slug>.json`). */
  model: Report;
  /** The table of contents. */
  toc: TocEntry[];
  /** Earlier versions (本版变更), when the seed has been replaced. */
  history: History | undefined;
  /** The countries the report names, most mentioned first. */
  countries: PageCountry[];
  /** Places in other reports that cite this one (被引用). */
  citedBy: Citation[];
  /** Reports that share cited documents, topics or countries with this one (相关报告). */
  related: Related[];
  /** The keys this report holds that too many reports hold to relate it (src/lib/common-keys.ts): said under 相关报告. */
  commonKeys: Shared[];
  /** Per heading id: the sections of other reports on the same topic. */
  sameTopic: Record<string, SameTopicList>;
  /** The symbols this report cites that are reports of the corpus, with their slugs: citations link to their pages. */
  citationTargets: Record<string, string>;
  /** The report's charts after the maintainer's renames and hides (seeds/figures.json). */
  charts: Chart[];
  /** The headline numbers (主要数字). */
  headline: FigureValue[];
  /** Site-root path, with fragment, of the report's section of the figures pages (src/lib/figure-pages.ts). */
  figuresHref: string;
  /** The cross-report series this report is a point of, with where each is drawn. */
  series: { id: string; title: string; href: string }[];
  /** Per footnote number: the note's text, shown as a preview at its references. */
  notePreviews: Record<string, string>;
  /** Per footnote number: the note's anchor, which its references link to (`fn-3`, or `fn-3-2` for a repeated number). */
  noteAnchors: Record<string, string>;
}

/** The data of the report page of `slug`. Pure; throws for a slug that is not in the corpus. */
export function reportPageData(corpus: Corpus, slug: string): ReportPageData {
  const model = corpus.reports.get(slug);
  if (!model) throw new Error(`no report ${slug} in the corpus`);
  const figures = reportFigures(corpus.figures, slug);
  const layout = figuresLayoutOf(corpus.figures, pageSizes());
  return {
    slug,
    here: reportPath(slug),
    meta: frontmatterOf(model),
    model,
    toc: buildToc(model.blocks),
    history: corpus.histories.get(slug),
    countries: countriesNamed(model),
    citedBy: corpus.links.citedBy.get(slug) ?? [],
    related: corpus.links.related.get(slug) ?? [],
    commonKeys: corpus.links.commonKeys.get(slug) ?? [],
    sameTopic: Object.fromEntries(sameTopicByReport(corpus.links.sameTopic).get(slug) ?? []),
    citationTargets: Object.fromEntries(
      citedSymbols(model).flatMap((symbol) => {
        const target = corpus.symbols.get(symbol);
        return target === undefined ? [] : [[symbol, target]];
      }),
    ),
    charts: figures.charts,
    headline: figures.headline,
    figuresHref: layout.reportHref(slug),
    series: (seriesByReport(corpus.figures.series).get(slug) ?? []).map((s) => ({ id: s.id, title: s.title, href: layout.seriesHref(s.id) })),
    notePreviews: notePreviews(model),
    noteAnchors: noteAnchors(model),
  };
}

const seriesMemo = new WeakMap<readonly Series[], Map<string, Series[]>>();

/**
 * The series each report is a point of, in the corpus's series order, made once per corpus: a
 * page that filtered every series' points for its own slug made the part index quadratic.
 */
function seriesByReport(series: readonly Series[]): Map<string, Series[]> {
  let index = seriesMemo.get(series);
  if (!index) {
    index = new Map();
    for (const s of series)
      for (const slug of new Set(s.points.map((p) => p.report))) {
        const list = index.get(slug);
        if (list) list.push(s);
        else index.set(slug, [s]);
      }
    seriesMemo.set(series, index);
  }
  return index;
}

const bySlug = new WeakMap<ReadonlyMap<string, SameTopicList>, Map<string, [string, SameTopicList][]>>();

/**
 * The corpus's same-topic lists (keyed `slug#heading-id`) grouped by report, in map order, made
 * once per corpus: each page takes its own instead of filtering every report's.
 */
function sameTopicByReport(sameTopic: ReadonlyMap<string, SameTopicList>): Map<string, [string, SameTopicList][]> {
  let grouped = bySlug.get(sameTopic);
  if (!grouped) {
    grouped = new Map();
    for (const [key, list] of sameTopic) {
      const hash = key.indexOf('#');
      const slug = key.slice(0, hash);
      const entry: [string, SameTopicList] = [key.slice(hash + 1), list];
      const lists = grouped.get(slug);
      if (lists) lists.push(entry);
      else grouped.set(slug, [entry]);
    }
    bySlug.set(sameTopic, grouped);
  }
  return grouped;
}

/** Read by the MDX body components: the page's data, which the report page put on `Astro.locals`. */
export function reportPageOf(locals: { reportPage?: ReportPageData }): ReportPageData {
  if (!locals.reportPage) throw new Error('report body components render only inside src/pages/reports/[slug].astro, which sets Astro.locals.reportPage');
  return locals.reportPage;
}

/** Every symbol a citation of the report names (`<Doc>` and `<ParaRef>`), sorted, once each. */
function citedSymbols(report: Report): string[] {
  const symbols = new Set<string>();
  for (const { content } of reportPlaces(report)) for (const run of content) if (run.type === 'doc' || run.type === 'paraRef') symbols.add(run.symbol);
  return [...symbols].sort();
}

function countriesNamed(report: Report): PageCountry[] {
  const byCode = new Map<string, string[]>();
  for (const code of countryCodes(report)) {
    const list = byCode.get(code);
    if (list) list.push(code);
    else byCode.set(code, [code]);
  }
  return [...byCode]
    .map(([code, mentions]) => ({ code, mentions, name: countryByCode(code)?.name ?? code }))
    .sort(byCountThenName)
    .map(({ code, name, mentions }) => ({ code, name, mentions: mentions.length }));
}

/** The first note of each number wins, as a reference links to it. */
function noteAnchors(report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  for (const note of report.notes) if (!Object.hasOwn(out, String(note.n))) out[String(note.n)] = note.id;
  return out;
}

/** The first note of each number wins, as a reference links to the first note of its number. */
function notePreviews(report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  for (const note of report.notes) if (!Object.hasOwn(out, String(note.n))) out[String(note.n)] = inlineText(note.content);
  return out;
}
