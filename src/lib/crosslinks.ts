/**
 * Everything the report pages show about other reports, computed once from the corpus:
 * "cited by", "related reports" and, per section, "the same topic in other reports".
 */
import type { Report } from '../../scripts/model/schema.ts';
import type { Citation } from '../../scripts/model/citations.ts';
import { citedBy, citedSymbols, relatedLinks, type KeyFn, type Related, type Shared } from './related.ts';
import { sameTopicSections, topicIndex, topicsByReport, type SameTopicList, type Topic } from './topics.ts';
import { countriesOf } from './countries.ts';
import { countryByCode } from '../../scripts/model/countries.ts';

export interface CrossLinks {
  citedBy: Map<string, Citation[]>;
  related: Map<string, Related[]>;
  /** Per report that has any: its keys held by too many reports to relate it (src/lib/common-keys.ts). */
  commonKeys: Map<string, Shared[]>;
  /** Keyed by `slug#heading-id`. */
  sameTopic: Map<string, SameTopicList>;
}

/**
 * The ways reports relate, most specific first. A shared country counts a quarter of a shared
 * document or topic: a long report names a hundred countries, and sharing many of them says
 * less than citing the same resolution.
 */
export function defaultKeyFns(reports: readonly Report[], topics: readonly Topic[] = topicIndex(reports)): KeyFn[] {
  const byReport = topicsByReport(topics);
  return [
    { name: 'documents', label: '共同引用的文件', weight: 1, keys: citedSymbols },
    { name: 'topics', label: '相同主题', weight: 1, keys: (r) => byReport.get(r.slug) ?? new Set() },
    { name: 'countries', label: '共同提及的国家和地区', weight: 0.25, keys: countryNames },
  ];
}

/** All cross-report links of a corpus. Pure; the same reports give the same links. */
export function buildCrossLinks(reports: readonly Report[], extraKeyFns: readonly KeyFn[] = []): CrossLinks {
  const topics = topicIndex(reports);
  const { related, common } = relatedLinks(reports, [...defaultKeyFns(reports, topics), ...extraKeyFns]);
  return { citedBy: citedBy(reports), related, commonKeys: common, sameTopic: sameTopicSections(topics) };
}

/** The UN Chinese short names of the countries a report names, as related-report keys. */
function countryNames(report: Report): Set<string> {
  return new Set(countriesOf(report).map((code) => countryByCode(code)?.name ?? code));
}
