/**
 * Pages that list the corpus (the catalogue, the figures, a country's mentions, a document's
 * citations, the document index) are cut into static pages of at most a fixed number of entries,
 * so that no page grows with the corpus (docs/scale.md). The first page keeps the address the
 * list always had (`countries/mex.html`); the others live beside it (`countries/mex/2.html`).
 * A list that fits one page is one page, exactly as before: small sites do not change.
 */

/** Entries per page of each kind of list; chosen from the bytes per entry measured at 1 000 reports (docs/scale.md). */
export const PAGE_SIZES = {
  /** Report cards of the catalogue (about 0.4 KB each). */
  catalogue: 100,
  /** Report sections of the figures pages (0.5–20 KB each: charts, key figures)… */
  figureReports: 20,
  /** …and at most this many estimated bytes of them (figure-pages.ts `sectionBytes`), so a page of chart-heavy reports stays bounded too. */
  figureBytes: 200_000,
  /** Points of a cross-report series on one page (a dot, a source link, a table row with its sentence). */
  seriesPoints: 100,
  /** Mentions on a country page (0.37 KB each on average, 0.8 KB at most: the sentence around the name). */
  mentions: 200,
  /** Citations on a document page (0.13 KB each on average: the citing sentence). */
  citations: 200,
  /** Rows of the document index (about 0.2 KB each). */
  docIndex: 500,
} as const;

export type PageSizes = { readonly [K in keyof typeof PAGE_SIZES]: number };

/**
 * The page sizes of this build: {@link PAGE_SIZES}, or every count of entries set to
 * `SITE_PAGE_SIZE` when that variable holds a positive integer (the tests build a small corpus
 * that still paginates; the byte budget stays).
 */
export function pageSizes(env: Readonly<Record<string, string | undefined>> = process.env): PageSizes {
  const raw = env.SITE_PAGE_SIZE;
  if (raw === undefined || raw === '') return PAGE_SIZES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SITE_PAGE_SIZE=${raw}: expected a positive integer`);
  return Object.fromEntries(Object.entries(PAGE_SIZES).map(([k, v]) => [k, k.endsWith('Bytes') ? v : n])) as unknown as PageSizes;
}

/**
 * The site-root path of page `n` (1-based) of a list whose first page is `first`:
 * `countries/mex.html` → `countries/mex/2.html`. Page 1 is `first` itself.
 */
export function pagedPath(first: string, n: number): string {
  if (n === 1) return first;
  if (!first.endsWith('.html')) throw new Error(`pagedPath: ${first} is not an .html page`);
  return `${first.slice(0, -'.html'.length)}/${n}.html`;
}

/** One static page of a list. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  /** Site-root path of this page. */
  path: string;
  /** Site-root paths of every page of the list, in order (one entry when the list fits one page). */
  paths: string[];
  items: T[];
  /** 0-based position of this page's first item in the whole list. */
  offset: number;
  /** Items in the whole list. */
  total: number;
}

/**
 * `items` cut into pages of at most `size`, the first at `first` and the others at
 * {@link pagedPath} (or `pathOf`). Always at least one page, so an empty list still has its page.
 */
export function paginate<T>(items: readonly T[], size: number, first: string, pathOf: (n: number) => string = (n) => pagedPath(first, n)): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`paginate: page size ${size} is not a positive integer`);
  const count = Math.max(1, Math.ceil(items.length / size));
  const paths = Array.from({ length: count }, (_, i) => (i === 0 ? first : pathOf(i + 1)));
  return paths.map((path, i) => ({ number: i + 1, path, paths, items: items.slice(i * size, (i + 1) * size), offset: i * size, total: items.length }));
}

/**
 * Like {@link paginate}, but a page also ends before its items' summed `weightOf` would pass
 * `maxWeight` (an estimate of their bytes). An item heavier than that alone gets a page of its own.
 */
export function paginateWeighted<T>(
  items: readonly T[],
  limits: { maxItems: number; maxWeight: number; weightOf: (item: T) => number },
  first: string,
  pathOf: (n: number) => string = (n) => pagedPath(first, n),
): Page<T>[] {
  const { maxItems, maxWeight, weightOf } = limits;
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new Error(`paginateWeighted: page size ${maxItems} is not a positive integer`);
  const chunks: T[][] = [[]];
  let weight = 0;
  for (const item of items) {
    const w = weightOf(item);
    const chunk = chunks.at(-1)!;
    if (chunk.length > 0 && (chunk.length >= maxItems || weight + w > maxWeight)) {
      chunks.push([item]);
      weight = w;
    } else {
      chunk.push(item);
      weight += w;
    }
  }
  const paths = chunks.map((_, i) => (i === 0 ? first : pathOf(i + 1)));
  let offset = 0;
  return chunks.map((chunk, i) => {
    const page = { number: i + 1, path: paths[i]!, paths, items: chunk, offset, total: items.length };
    offset += chunk.length;
    return page;
  });
}

/** What a pager shows: page numbers, with `null` for a gap (…). */
export type PagerItem = number | null;

/**
 * The page numbers a pager links to: the first and last, and the two either side of the
 * current one, with gaps between; at most 9 entries however many pages there are.
 */
export function pagerItems(current: number, count: number): PagerItem[] {
  const shown = new Set([1, count]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  return sorted.flatMap((n, i) => (i > 0 && n - sorted[i - 1]! > 1 ? [null, n] : [n]));
}

/**
 * A stable, readable file-name key for a facet value that may be any text (a body's Chinese
 * name): ASCII letters and digits kept, anything else replaced by a short hash of the whole text,
 * so two names never share a key and the key does not change when other names are added.
 */
export function textKey(text: string): string {
  const ascii = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii !== '' && /^[\x20-\x7e]*$/.test(text)) return ascii;
  // FNV-1a, 32 bits: stable across runs and platforms.
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return `${ascii ? `${ascii}-` : ''}${h.toString(16).padStart(8, '0')}`;
}

/**
 * How many items fall under each key, keys in descending order (years newest first): the
 * summary a split list shows on its first page. Items without a key are left out.
 */
export function countsByKey<T>(items: readonly T[], keyOf: (item: T) => number | undefined): { key: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[0] - a[0]).map(([key, count]) => ({ key, count }));
}
