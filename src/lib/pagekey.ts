/**
 * Cache keys of pages, for Astro's incremental build (`experimental.incrementalBuild` in
 * astro.config.mjs): a page whose key and code are unchanged since the last build is copied from
 * that build instead of rendered again. Astro tracks the code (the page's module graph) and the
 * MDX entry it renders; the key must cover every piece of *data* the page shows.
 *
 * A document or country page renders only its props (and code), so its key is the hash of its
 * props. A report page reads more, so its key covers:
 *
 * - its own report model (`content/data/<slug>.json`: metadata, blocks, notes, countries, figures);
 * - what other reports contribute: its "cited by" and related reports, the same-topic links under
 *   its headings, which cited symbols are reports here (citations link to them), the charts and
 *   headline figures after the maintainer's file, and the cross-report series it is part of.
 *
 * Each of these is taken from the same functions the page's components call, so the key covers
 * the page's inputs (and a little more: the whole model, every report's symbol). A component that starts reading something else must add it here;
 * `build.test.ts` checks that an incremental build after a seed change gives the bytes of a
 * clean build.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir, loadCrossLinks } from './data.ts';
import { corpusSymbols } from './corpus.ts';
import { reportFigures, siteFigures } from './figures.ts';
import type { SameTopicList } from './topics.ts';

let sameTopicBySlug: Map<string, [string, SameTopicList][]> | undefined;

/** The same-topic lists of one report's headings (the map is keyed by `slug#heading`). */
function sameTopicOf(slug: string): [string, SameTopicList][] {
  if (!sameTopicBySlug) {
    sameTopicBySlug = new Map();
    for (const [key, list] of loadCrossLinks().sameTopic) {
      const of = key.slice(0, key.indexOf('#'));
      const entries = sameTopicBySlug.get(of) ?? [];
      entries.push([key, list]);
      sameTopicBySlug.set(of, entries);
    }
  }
  return sameTopicBySlug.get(slug) ?? [];
}

/** The SHA-256 of the JSON of `values`. */
export function dataKey(...values: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

/** A getStaticPaths entry's `cacheKey`, outside the dev server (which renders every request anyway). */
export function cacheKeyOf(make: () => string): { cacheKey?: string } {
  return process.env.NODE_ENV === 'development' ? {} : { cacheKey: make() };
}

/** The SHA-256 of everything a report page shows (see above). */
export function reportPageKey(slug: string): string {
  const links = loadCrossLinks();
  const figures = reportFigures(slug);
  const inputs = {
    model: readFileSync(join(contentDir, 'data', `${slug}.json`), 'utf8'),
    citedBy: links.citedBy.get(slug) ?? [],
    related: links.related.get(slug) ?? [],
    sameTopic: sameTopicOf(slug),
    corpusSymbols: [...corpusSymbols()].sort(),
    charts: figures.charts,
    headline: figures.headline,
    series: siteFigures()
      .series.filter((s) => s.points.some((p) => p.report === slug))
      .map((s) => ({ id: s.id, title: s.title })),
  };
  return dataKey(inputs);
}
