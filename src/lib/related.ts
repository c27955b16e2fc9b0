/**
 * Links between whole reports: which reports of the corpus cite a report ("cited by"), and
 * which reports are related to it because they share keys of some kind — cited documents,
 * section topics and countries named.
 */
import type { Report } from '../../scripts/model/schema.ts';
import { reportPlaces } from '../../scripts/model/places.ts';
import { reportCitations, type Citation } from '../../scripts/model/citations.ts';
import { COMMON_KEY_REPORTS } from './common-keys.ts';

/**
 * One way two reports can be related: a named set of keys per report. Reports that share
 * keys are related; the shared keys are the explanation shown to the reader.
 */
export interface KeyFn {
  /** Stable name, for tests and markup (`documents`, `topics`, `countries`). */
  name: string;
  /** What the shared keys are, for the reader: `共同引用的文件`. */
  label: string;
  /** How much one shared key counts towards the score. */
  weight: number;
  keys: (report: Report) => ReadonlySet<string>;
}

/** What two reports share under one {@link KeyFn}. */
export interface Shared {
  name: string;
  label: string;
  keys: string[];
}

/** A report related to another one, with its score and what it shares. */
export interface Related {
  slug: string;
  title: string;
  symbol: string | undefined;
  score: number;
  shared: Shared[];
}

const collator = new Intl.Collator('zh-Hans', { numeric: true });

/** How many related reports a report page lists (the highest scores). */
export const MAX_RELATED = 5;

/**
 * For every report, the other reports that share at least one key, highest score first
 * (then by symbol or title), at most `limit` of them: a corpus of 1000 reports keeps 5 each,
 * not 999. The score is the weighted count of shared keys, so it can be explained key by key.
 * A key held by more than `maxHolders` reports ({@link COMMON_KEY_REPORTS}, src/lib/common-keys.ts)
 * is too common to relate them: it neither counts nor is listed as shared. Pure: `keyFns`
 * decide what counts, this only intersects sets.
 */
export function relatedReports(
  reports: readonly Report[],
  keyFns: readonly KeyFn[],
  limit = MAX_RELATED,
  maxHolders = COMMON_KEY_REPORTS,
): Map<string, Related[]> {
  return relatedLinks(reports, keyFns, limit, maxHolders).related;
}

/** The related reports of a corpus, and the keys that were too common to count. */
export interface RelatedLinks {
  related: Map<string, Related[]>;
  /**
   * Per report that has any, the keys it holds that more than `maxHolders` reports hold, per key
   * function: not counted, and told to the reader as such (src/components/CrossLinks.astro).
   */
  common: Map<string, Shared[]>;
}

/** {@link relatedReports}, with the keys each report holds that were too common to count. */
export function relatedLinks(reports: readonly Report[], keyFns: readonly KeyFn[], limit = MAX_RELATED, maxHolders = COMMON_KEY_REPORTS): RelatedLinks {
  const { keys, common, holders } = keyIndex(reports, keyFns, maxHolders);
  const sets = keys.map((perFn) => perFn.map((list) => new Set(list)));
  const counts = keyFns.map(() => new Int32Array(reports.length));
  const metBy = new Int32Array(reports.length).fill(-1);
  const name = (j: number) => reports[j]!.meta.symbol ?? reports[j]!.meta.title;
  const out = new Map<string, Related[]>();
  reports.forEach((report, i) => {
    // Pairs are counted through the index from each key to its holders, so a report meets only
    // the reports it shares a key with, and through each key at most `maxHolders` of them: the
    // work is linear in the corpus (all pairs took minutes at 2 000 reports).
    const met: number[] = [];
    keyFns.forEach((_, k) => {
      for (const key of keys[i]![k]!) {
        for (const j of holders[k]!.get(key)!) {
          if (j === i) continue;
          counts[k]![j]! += 1;
          if (metBy[j] !== i) ((metBy[j] = i), met.push(j));
        }
      }
    });
    const scored: { j: number; score: number }[] = [];
    // Reports in corpus order, each score summed key function by key function.
    for (const j of met.sort((a, b) => a - b)) {
      let score = 0;
      keyFns.forEach((fn, k) => {
        const both = counts[k]![j]!;
        if (both > 0) score += fn.weight * both;
        counts[k]![j] = 0;
      });
      if (score > 0) scored.push({ j, score });
    }
    scored.sort((a, b) => b.score - a.score || collator.compare(name(a.j), name(b.j)) || collator.compare(reports[a.j]!.slug, reports[b.j]!.slug));
    out.set(
      report.slug,
      scored.slice(0, limit).map(({ j, score }) => {
        const other = reports[j]!;
        // What the two share: a filter of this report's sorted keys, already in reading order.
        const shared = byFn(
          keyFns,
          keys[i]!.map((list, k) => list.filter((key) => sets[j]![k]!.has(key))),
        );
        return { slug: other.slug, title: other.meta.title, symbol: other.meta.symbol, score, shared };
      }),
    );
  });
  const tooCommon = new Map<string, Shared[]>();
  reports.forEach((report, i) => {
    const held = byFn(keyFns, common[i]!);
    if (held.length > 0) tooCommon.set(report.slug, held);
  });
  return { related: out, common: tooCommon };
}

/** Key lists (one per key function) as the reader sees them: named and labelled, empty ones left out. */
function byFn(keyFns: readonly KeyFn[], lists: readonly string[][]): Shared[] {
  return keyFns.flatMap((fn, k) => (lists[k]!.length > 0 ? [{ name: fn.name, label: fn.label, keys: lists[k]! }] : []));
}

/**
 * Per report and key function, its keys held by at most `maxHolders` reports (`keys`) and those
 * held by more (`common`), sorted for reading; and per key function, each key's holders (report
 * indexes, ascending).
 */
function keyIndex(
  reports: readonly Report[],
  keyFns: readonly KeyFn[],
  maxHolders: number,
): { keys: string[][][]; common: string[][][]; holders: Map<string, number[]>[] } {
  const holders = keyFns.map(() => new Map<string, number[]>());
  const all = reports.map((report, j) =>
    keyFns.map((fn, k) => {
      const list = [...fn.keys(report)].sort(collator.compare);
      for (const key of list) {
        const held = holders[k]!.get(key);
        if (held) held.push(j);
        else holders[k]!.set(key, [j]);
      }
      return list;
    }),
  );
  const rare = (k: number) => (key: string) => holders[k]!.get(key)!.length <= maxHolders;
  return {
    keys: all.map((perFn) => perFn.map((list, k) => list.filter(rare(k)))),
    common: all.map((perFn) => perFn.map((list, k) => list.filter((key) => !rare(k)(key)))),
    holders,
  };
}

/** The symbols of the documents a report cites (body and notes), as related-report keys. */
export function citedSymbols(report: Report): Set<string> {
  const symbols = new Set<string>();
  for (const { content } of reportPlaces(report)) for (const run of content) if (run.type === 'doc') symbols.add(run.symbol);
  return symbols;
}

/** Symbols compare as the UN writes them, whatever the width or case of the characters. */
const symbolKey = (symbol: string): string => symbol.normalize('NFKC').toUpperCase().replace(/\s+/g, '');

/**
 * For every report with a symbol, the places in other reports that cite that symbol, in
 * corpus then reading order. A report citing itself (`本报告…`) is not "cited by".
 */
export function citedBy(reports: readonly Report[]): Map<string, Citation[]> {
  const bySymbol = new Map<string, string>();
  for (const r of reports) if (r.meta.symbol) bySymbol.set(symbolKey(r.meta.symbol), r.slug);
  const out = new Map<string, Citation[]>(reports.map((r) => [r.slug, []]));
  for (const r of reports) {
    for (const c of reportCitations(r)) {
      const target = bySymbol.get(symbolKey(c.symbol));
      if (target !== undefined && target !== r.slug) out.get(target)?.push(c);
    }
  }
  return out;
}
