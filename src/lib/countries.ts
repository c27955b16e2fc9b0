/**
 * Where each country or territory is named: the reverse index behind the country pages, built
 * from the `country` nodes the converter writes into the report models.
 */
import type { Inline, Report } from '../../scripts/model/schema.ts';
import { inlineRunText } from '../../scripts/model/inline.ts';
import { reportPlaces } from '../../scripts/model/places.ts';
import { sentenceBounds } from '../../scripts/model/citations.ts';

/** One mention of a country in one report. */
export interface Mention {
  code: string;
  report: { slug: string; title: string; symbol: string | undefined };
  /** Anchor id in the report page (`p-12`, `p-27-a`, `fn-5`). */
  anchor: string;
  /** How a reader names the place: `第 12 段`, `注 5`. */
  place: string;
  /** The sentence around the mention, split so the name itself can be highlighted. */
  before: string;
  text: string;
  after: string;
}

/** A country and every mention of it, in report order then reading order. */
export interface CountryMentions {
  code: string;
  mentions: Mention[];
  /** How many different reports name it. */
  reports: number;
}

const MAX_SIDE = 90;

/** The sentence of `text` around `[start, end)`, cut with an ellipsis when a side is long. */
export function sentenceParts(text: string, start: number, end: number): { before: string; text: string; after: string } {
  const [from, to] = sentenceBounds(text, start, end);
  let before = text.slice(from, start).trimStart();
  let after = text.slice(end, to).trimEnd();
  if (before.length > MAX_SIDE) before = `…${before.slice(-MAX_SIDE)}`;
  if (after.length > MAX_SIDE) after = `${after.slice(0, MAX_SIDE)}…`;
  return { before, text: text.slice(start, end), after };
}

function mentionsIn(content: readonly Inline[]): { code: string; before: string; text: string; after: string }[] {
  let text = '';
  const spans: { code: string; start: number; end: number }[] = [];
  for (const run of content) {
    if (run.type === 'noteRef') continue;
    const start = text.length;
    text += inlineRunText(run);
    if (run.type === 'country') spans.push({ code: run.code, start, end: text.length });
  }
  return spans.map((s) => ({ code: s.code, ...sentenceParts(text, s.start, s.end) }));
}

/** Every country mention of one report, in reading order (body first, then footnotes). */
export function reportMentions(report: Report): Mention[] {
  const about = { slug: report.slug, title: report.meta.title, symbol: report.meta.symbol };
  return reportPlaces(report).flatMap(({ content, anchor, place }) => mentionsIn(content).map((m) => ({ ...m, report: about, anchor, place })));
}

/**
 * The countries a report names, as sorted alpha-3 codes: one of the keys that relate reports
 * to each other ("related reports" share countries as well as cited documents).
 */
export function countriesOf(report: Report): string[] {
  return [...new Set(countryCodes(report))].sort();
}

/**
 * The code of every country mention of a report, in reading order: what {@link reportMentions}
 * finds, without cutting out the sentences (the counts and keys need only the codes).
 */
export function countryCodes(report: Report): string[] {
  const codes: string[] = [];
  for (const { content } of reportPlaces(report)) for (const run of content) if (run.type === 'country') codes.push(run.code);
  return codes;
}

/** Group the mentions of all reports by country; countries in code order. */
export function countryMentions(reports: readonly Report[]): CountryMentions[] {
  const byCode = new Map<string, Mention[]>();
  for (const report of reports) {
    for (const m of reportMentions(report)) {
      const list = byCode.get(m.code);
      if (list) list.push(m);
      else byCode.set(m.code, [m]);
    }
  }
  return [...byCode.keys()].sort().map((code) => {
    const mentions = byCode.get(code)!;
    return { code, mentions, reports: new Set(mentions.map((m) => m.report.slug)).size };
  });
}

/** Chinese collation by pinyin, the order a reader expects for an index of names. */
export const nameCollator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** The index order: most mentioned first, ties by name. */
export function byCountThenName<T extends { mentions: readonly unknown[]; name: string }>(a: T, b: T): number {
  return b.mentions.length - a.mentions.length || nameCollator.compare(a.name, b.name);
}

/** Mentions grouped by report, keeping their order; the shape of a country page. */
export function groupByReport(mentions: readonly Mention[]): { report: Mention['report']; mentions: Mention[] }[] {
  const groups: { report: Mention['report']; mentions: Mention[] }[] = [];
  for (const m of mentions) {
    const last = groups.at(-1);
    if (last?.report.slug === m.report.slug) last.mentions.push(m);
    else groups.push({ report: m.report, mentions: [m] });
  }
  return groups;
}

/** How many countries a report is listed under in the catalogue's country filter. */
export const PRINCIPAL_COUNTRIES = 3;

/**
 * The countries a report names most (at most `limit`, most mentions first, ties by code): what
 * the catalogue filters by country. Every country named would list a report under 49 countries
 * on average in the synthetic corpus, multiplying the catalogue's pages; the country page keeps
 * every mention.
 */
export function principalCountries(report: Report, limit = PRINCIPAL_COUNTRIES): string[] {
  const counts = new Map<string, number>();
  for (const code of countryCodes(report)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([code]) => code);
}

/**
 * How a country is written across all its mentions, each spelling with its count, in order of
 * first use: the 文中写法 line of every page of the country (so it belongs in each page's key).
 */
export function spellingCounts(mentions: readonly Pick<Mention, 'text'>[]): [text: string, count: number][] {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  return [...counts];
}
