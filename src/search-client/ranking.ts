/**
 * How Pagefind ranks chunks for the search page, shared by the index build
 * (scripts/search/pagefind.ts writes the `own` meta field) and the page (search.ts passes the
 * weights to Pagefind, for the primary index and every merged shard).
 */

/**
 * The meta field of a report's chunk and of the document pages' chunks: their own symbol keys
 * (a report's symbols; each document page's symbol and the ways the reports write it). A
 * search for a symbol that hundreds of paragraphs cite still reads the report and its document
 * page among its first chunks.
 */
export const OWN_KEYS = 'own';

/**
 * Matches in the other meta fields count for nothing (they hold the layout the page splits
 * chunks with); matches in the own symbol keys put the report a symbol names and its document
 * page above every chunk that only cites it.
 */
export const searchRanking = { metaWeights: { title: 0, symbol: 0, slug: 0, kind: 0, sections: 0, blocks: 0, [OWN_KEYS]: 10 } };
