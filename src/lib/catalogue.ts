/**
 * The order of the report catalogue: newest year first, then by symbol, then by title.
 */
export interface CatalogueEntry {
  year?: number | undefined;
  symbol?: string | undefined;
  title: string;
}

const collator = new Intl.Collator('zh-Hans', { numeric: true });

/** Newest first; reports without a year go last. Returns a new array. */
export function sortCatalogue<T extends CatalogueEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      (b.year ?? -Infinity) - (a.year ?? -Infinity) ||
      collator.compare(a.symbol ?? '', b.symbol ?? '') ||
      collator.compare(a.title, b.title),
  );
}
