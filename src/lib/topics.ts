/**
 * Section topics across reports: which sections of other reports treat the same subject
 * (`普遍定期审议` appears in several). The rule is deliberately simple, so a reader can be
 * told why two sections match:
 *
 * 1. A heading's text is normalised (chapter/section labels and numbering, spaces and
 *    punctuation removed) and cut into key phrases at list punctuation (`、，；：/`); the
 *    whole heading is a key phrase too.
 * 2. Two sections share a topic when a key phrase of one equals a key phrase of the other,
 *    or, for phrases of at least {@link MIN_CONTAINED} characters, is contained in it
 *    (`特别程序` in `人权理事会特别程序`).
 * 3. Generic headings (`导言`, `结论` …, {@link GENERIC_PHRASES}) are never topics.
 *
 * A topic is a key phrase whose sections span at least two reports.
 */
import type { Report } from '../../scripts/model/schema.ts';
import { inlineText } from '../../scripts/model/inline.ts';

/** Shorter phrases only match when equal: `发展` is inside too many headings to mean anything. */
export const MIN_CONTAINED = 4;

/** Headings every report has; they say nothing about the subject. */
export const GENERIC_PHRASES: ReadonlySet<string> = new Set([
  '导言',
  '引言',
  '背景',
  '概述',
  '结论',
  '建议',
  '结论和建议',
  '结论与建议',
  '主要目标',
  '主要成果',
  '其他事项',
]);

const LEADING_LABEL = [
  /^第[一二三四五六七八九十百零〇\d]+[章节部分篇]/u,
  /^[一二三四五六七八九十百]+[.、．]/u,
  /^[（(][a-z0-9一二三四五六七八九十]+[)）]/u,
  /^[a-z][.．)]/u,
  /^\d+(?:\.\d+)*[.．)、](?!\d)/u,
];
const SPLIT = /[、，,；;：:/／]/u;
const NOISE = /[\s\p{P}\p{S}]/gu;

/** Length in characters (code points), not UTF-16 units. */
const length = (s: string): number => [...s].length;

/**
 * The key phrases of a heading text: the whole normalised heading and its list parts,
 * generic ones and single characters left out. `B. 经济、社会及文化权利` →
 * `['经济社会及文化权利', '经济', '社会及文化权利']`.
 */
export function headingKeys(text: string): string[] {
  let s = text.normalize('NFKC').toLowerCase().trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const re of LEADING_LABEL) {
      const m = re.exec(s);
      if (m && m[0].length < s.length) {
        s = s.slice(m[0].length).trim();
        changed = true;
      }
    }
  }
  const clean = (part: string) => part.replace(NOISE, '');
  const parts = s.split(SPLIT).map(clean);
  const keys = [clean(s), ...(parts.length > 1 ? parts : [])];
  return [...new Set(keys)].filter((k) => length(k) >= 2 && !GENERIC_PHRASES.has(k));
}

/** Whether a topic phrase covers a key phrase: equal, or contained when long enough. */
export function phraseCovers(phrase: string, key: string): boolean {
  return phrase === key || (length(phrase) >= MIN_CONTAINED && key.includes(phrase));
}

/** One heading of one report, as the topic index sees it. */
export interface Section {
  slug: string;
  /** The report's symbol, or its title when it has none: how the link names the report. */
  report: string;
  id: string;
  /** Index among the report's headings, for reading order. */
  position: number;
  label: string;
  text: string;
  keys: string[];
}

/** The headings of a report with their key phrases, in reading order. */
export function reportSections(report: Report): Section[] {
  const out: Section[] = [];
  for (const block of report.blocks) {
    if (block.type !== 'heading') continue;
    const text = inlineText(block.content).trim();
    out.push({
      slug: report.slug,
      report: report.meta.symbol ?? report.meta.title,
      id: block.id,
      position: out.length,
      label: block.label,
      text,
      keys: headingKeys(text),
    });
  }
  return out;
}

/** A topic: a key phrase and the sections (of at least two reports) it covers. */
export interface Topic {
  phrase: string;
  sections: Section[];
}

/**
 * Every topic of the corpus, phrases in code-point order, sections in corpus then reading
 * order. Deterministic for the same reports in the same order.
 */
export function topicIndex(reports: readonly Report[]): Topic[] {
  const sections = reports.flatMap(reportSections);
  const phrases = [...new Set(sections.flatMap((s) => s.keys))].sort();
  const topics: Topic[] = [];
  for (const phrase of phrases) {
    // phraseCovers, with the phrase's length counted once rather than per key.
    const contained = length(phrase) >= MIN_CONTAINED;
    const covered = sections.filter((s) => s.keys.some((k) => k === phrase || (contained && k.includes(phrase))));
    if (new Set(covered.map((s) => s.slug)).size >= 2) topics.push({ phrase, sections: covered });
  }
  return topics;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A section of another report on the same topic, with the phrases that make it so. */
export interface SameTopic {
  section: Section;
  phrases: string[];
}

/** How many same-topic sections a heading lists; the rest are counted, not listed. */
export const MAX_SAME_TOPIC = 8;

/** The same-topic sections shown under one heading, and how many there are in all. */
export interface SameTopicList {
  shown: SameTopic[];
  total: number;
}

/**
 * For each section (`slug#id`), the sections of other reports that share a topic with it:
 * the first `limit` by report slug then reading order, and the total count. Sections without
 * any are absent from the map. Only `limit` entries are kept per topic and section, so a
 * corpus of 1000 reports on the same topics stays linear in size (a full list made every
 * report page list every other report, 1.7 MB a page).
 */
export function sameTopicSections(topics: readonly Topic[], limit = MAX_SAME_TOPIC): Map<string, SameTopicList> {
  const order = (a: Section, b: Section) => compare(a.slug, b.slug) || a.position - b.position;
  // Sections are numbered by their `slug#id` key once; the loop over pairs of sections of a
  // topic (quadratic in the topic's size) then only adds and looks up numbers.
  const numbers = new Map<string, number>();
  const numberOf = (key: string): number => {
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = numbers.size));
    return n;
  };
  const shown = new Map<string, Map<number, SameTopic>>();
  const others = new Map<string, Set<number>>();
  for (const topic of topics) {
    const sorted = [...topic.sections].sort(order);
    const keys = sorted.map((s) => `${s.slug}#${s.id}`);
    const ids = keys.map(numberOf);
    sorted.forEach((here, h) => {
      const key = keys[h]!;
      const found = shown.get(key) ?? new Map<number, SameTopic>();
      const all = others.get(key) ?? new Set<number>();
      let taken = 0;
      sorted.forEach((other, o) => {
        if (other.slug === here.slug) return;
        const id = ids[o]!;
        all.add(id);
        const entry = found.get(id);
        if (entry) entry.phrases.push(topic.phrase);
        else if (taken < limit) found.set(id, { section: other, phrases: [topic.phrase] });
        taken += 1;
      });
      if (all.size > 0) {
        shown.set(key, found);
        others.set(key, all);
      }
    });
  }
  const result = new Map<string, SameTopicList>();
  for (const [key, found] of shown) {
    const list = [...found.values()].sort((a, b) => order(a.section, b.section)).slice(0, limit);
    result.set(key, { shown: list, total: others.get(key)?.size ?? list.length });
  }
  return result;
}

/** Per report slug, the topic phrases it has at least one section on: the key sets for related reports. */
export function topicsByReport(topics: readonly Topic[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const topic of topics) {
    for (const { slug } of topic.sections) {
      const set = out.get(slug);
      if (set) set.add(topic.phrase);
      else out.set(slug, new Set([topic.phrase]));
    }
  }
  return out;
}
