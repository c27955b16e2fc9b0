/**
 * The search record: one landing place for search, as search indexing writes it
 * (scripts/search/records.ts) and the search page reads it back from a Pagefind chunk
 * (src/search-client/search.ts): the one definition both sides share, with the layout of a
 * chunk's blocks.
 */

/** The kind filter's values, as readers see them. */
export const kindLabels = {
  heading: '章节',
  paragraph: '段落',
  note: '注释',
  figure: '图表',
  document: '文件',
} as const;

export type RecordKind = keyof typeof kindLabels;

/** One landing place for search. */
export interface SearchRecord {
  /** Relative to the site root: `reports/a-74-36.html#p-11`. */
  url: string;
  slug: string;
  /** Report title. */
  title: string;
  symbol: string;
  /** The section the block sits in (`三. 普遍定期审议`); a heading's own text for a heading. */
  section: string;
  /** Where in the report: `第 11 段`, `第 66 段 (a)` (a list item, after its paragraph), `注 3`, or empty. */
  place: string;
  kind: RecordKind;
  /** The block's text as the page shows it. */
  text: string;
  /** Keys of the document symbols and resolution numbers the block cites or writes. */
  keys: string[];
  filters: { 报告: string; 年份: string; 机构: string; 类型: string };
}

/**
 * Where each block sits in a chunk, for the browser to cut the chunk's content back into blocks:
 * `[anchor id, place, index into sections, text length, symbol keys]`. The id is the block's
 * anchor on the chunk's page; a block on a page of its own (a document page) gives its address. The content is the
 * blocks' texts joined by `\n`, then a line of the chunk's symbol keys.
 */
export type BlockLayout = [id: string, place: string, section: number, length: number, keys: string[]];
