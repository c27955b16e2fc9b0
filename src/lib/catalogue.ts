/**
 * The report catalogue of the home page: its order (newest first, by cover date or year, then
 * by symbol and title) and its count of reports by kind (报告, 结论性意见, 决议 …).
 */
import type { DocumentKind } from '../../scripts/model/schema.ts';
import { KIND_LABELS } from './reportmeta.ts';

export interface CatalogueEntry {
  year?: number | undefined;
  /** The cover date, ISO (`2023-03-09`): orders reports of one year. */
  date?: string | undefined;
  symbol?: string | undefined;
  title: string;
  kind?: DocumentKind | undefined;
}

const collator = new Intl.Collator('zh-Hans', { numeric: true });

/** `2023-03-09`, else the year alone (`2023`, before any dated report of 2023), else empty. */
const when = (e: CatalogueEntry): string => e.date ?? (e.year === undefined ? '' : String(e.year));

/** Newest first; reports without a date or year go last. Returns a new array. */
export function sortCatalogue<T extends CatalogueEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      (b.year ?? -Infinity) - (a.year ?? -Infinity) ||
      (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0) ||
      collator.compare(a.symbol ?? '', b.symbol ?? '') ||
      collator.compare(a.title, b.title),
  );
}

/** How many reports of each kind, in the schema's order of kinds, kinds with none left out. */
export function kindCounts(entries: readonly CatalogueEntry[]): { kind: DocumentKind; label: string; count: number }[] {
  return (Object.keys(KIND_LABELS) as DocumentKind[]).flatMap((kind) => {
    const count = entries.filter((e) => (e.kind ?? 'report') === kind).length;
    return count > 0 ? [{ kind, label: KIND_LABELS[kind], count }] : [];
  });
}
