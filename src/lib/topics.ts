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
import { COMMON_KEY_REPORTS } from './common-keys.ts';

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
 * order. A phrase found in the headings of more than `maxReports` reports
 * ({@link COMMON_KEY_REPORTS}, src/lib/common-keys.ts) is too common to be a topic, as generic
 * headings are. Deterministic for the same reports in the same order.
 */
export function topicIndex(reports: readonly Report[], maxReports = COMMON_KEY_REPORTS): Topic[] {
  const sections = reports.flatMap(reportSections);
  const phrases = new Set(sections.flatMap((s) => s.keys));
  const within = containedPhrases([...phrases].filter((p) => length(p) >= MIN_CONTAINED));
  // Each section is added to the phrases its keys equal or contain, in corpus order: the work is
  // the sections' key lengths, not phrases × sections (which grows with the square of the corpus).
  const covered = new Map<string, Section[]>();
  for (const section of sections) {
    const found = new Set<string>();
    for (const key of section.keys) {
      found.add(key);
      for (const phrase of within(key)) found.add(phrase);
    }
    for (const phrase of found) {
      const list = covered.get(phrase);
      if (list) list.push(section);
      else covered.set(phrase, [section]);
    }
  }
  const topics: Topic[] = [];
  for (const phrase of [...phrases].sort()) {
    const list = covered.get(phrase)!;
    const holders = new Set(list.map((s) => s.slug)).size;
    if (holders >= 2 && holders <= maxReports) topics.push({ phrase, sections: list });
  }
  return topics;
}

interface Trie {
  next: Map<string, Trie>;
  phrase?: string;
}

/**
 * A function listing which of `phrases` a key contains, through a trie of the phrases walked from
 * each character of the key: the cost is the key's length times the depth reached, not the
 * number of phrases.
 */
function containedPhrases(phrases: readonly string[]): (key: string) => string[] {
  const root: Trie = { next: new Map() };
  for (const phrase of phrases) {
    let node = root;
    for (const char of phrase) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map() }));
      node = child;
    }
    node.phrase = phrase;
  }
  return (key) => {
    const chars = [...key];
    const found: string[] = [];
    for (let start = 0; start < chars.length; start++) {
      let node: Trie | undefined = root;
      for (let i = start; i < chars.length && node; i++) {
        node = node.next.get(chars[i]!);
        if (node?.phrase !== undefined) found.push(node.phrase);
      }
    }
    return found;
  };
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
 * the first `limit` by report slug then reading order, each with every topic phrase the two
 * share, and the total count. Sections without any are absent from the map. Each topic's
 * sections are sorted once and a section takes the first `limit` of other reports from each of
 * its topics, so the lists stay `limit` long whatever the corpus (a full list made every report
 * page list every other report, 1.7 MB a page); the total is counted, not kept.
 */
export function sameTopicSections(topics: readonly Topic[], limit = MAX_SAME_TOPIC): Map<string, SameTopicList> {
  const order = (a: Section, b: Section) => compare(a.slug, b.slug) || a.position - b.position;
  const sorted = topics.map((topic) => [...topic.sections].sort(order));
  const { keys, members, sectionTopics } = numberSections(sorted);
  const countedFor = new Int32Array(keys.length).fill(-1);
  const result = new Map<string, SameTopicList>();
  members.forEach((numbered, t0) => {
    numbered.forEach((n, h) => {
      const key = keys[n]!;
      if (result.has(key)) return;
      const here = sorted[t0]![h]!;
      const mine = sectionTopics[n]!;
      const shown = new Map<number, Section>();
      let total = 0;
      for (const t of mine) {
        let taken = 0;
        members[t]!.forEach((o, i) => {
          const other = sorted[t]![i]!;
          if (other.slug === here.slug) return;
          if (countedFor[o] !== n) ((countedFor[o] = n), (total += 1));
          if (taken < limit) ((taken += 1), shown.set(o, other));
        });
      }
      const list = [...shown]
        .sort(([, a], [, b]) => order(a, b))
        .slice(0, limit)
        .map(([o, section]) => ({ section, phrases: sharedTopics(mine, sectionTopics[o]!).map((t) => topics[t]!.phrase) }));
      result.set(key, { shown: list, total });
    });
  });
  return result;
}

/**
 * The sections of the topics numbered by their `slug#id` key (`keys`), each topic's as numbers
 * (`members`) and each section's topics in topic order (`sectionTopics`).
 */
function numberSections(sorted: readonly Section[][]): { keys: string[]; members: number[][]; sectionTopics: number[][] } {
  const numbers = new Map<string, number>();
  const keys: string[] = [];
  const sectionTopics: number[][] = [];
  const members = sorted.map((sections, t) =>
    sections.map((section) => {
      const key = `${section.slug}#${section.id}`;
      let n = numbers.get(key);
      if (n === undefined) (numbers.set(key, (n = keys.push(key) - 1)), sectionTopics.push([]));
      sectionTopics[n]!.push(t);
      return n;
    }),
  );
  return { keys, members, sectionTopics };
}

/** The topics two sections share: the intersection of two lists in ascending order. */
function sharedTopics(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) (out.push(a[i]!), i++, j++);
    else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
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
