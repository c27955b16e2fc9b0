/**
 * Chunks: the block records of one report and one kind, packed in page order into groups of at
 * most `chunkChars` characters. Pagefind writes one fragment file per record it is given, so
 * giving it chunks instead of blocks keeps the hosted index to a few files per report (a 1000-
 * report site stays far under a static host's file limit). The search page splits a chunk hit
 * back into its blocks (`src/search-client/search.ts`), so readers still land on the block.
 *
 * A chunk never mixes kinds or reports, so its filters (report, year, body, kind) are exactly
 * those of each of its blocks, and filter counts taken over the split blocks stay exact.
 */
import type { BlockLayout, SearchRecord } from '../model/search-record.ts';

/** Text characters per chunk (about 12 KB of UTF-8 Chinese, 5 KB gzip); a longer block is a chunk alone. */
export const chunkChars = 4000;

/** Blocks of one report and one kind that Pagefind indexes as one record. */
export interface SearchChunk {
  slug: string;
  kind: SearchRecord['kind'];
  /** In page order. */
  blocks: SearchRecord[];
}

/** Pack records into chunks: per report × kind, in page order, each at most `cap` text characters. */
export function chunkRecords(records: readonly SearchRecord[], cap = chunkChars): SearchChunk[] {
  const groups = new Map<string, SearchRecord[]>();
  for (const r of records) {
    const key = `${r.slug}\u0000${r.kind}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const out: SearchChunk[] = [];
  for (const group of groups.values()) {
    let current: SearchChunk | undefined;
    let chars = 0;
    for (const r of group) {
      if (!current || chars + r.text.length > cap) {
        current = { slug: r.slug, kind: r.kind, blocks: [] };
        out.push(current);
        chars = 0;
      }
      current.blocks.push(r);
      chars += r.text.length + 1;
    }
  }
  return out;
}

/** How a block is found from its chunk's page: its anchor there, or its own address (no `#`) elsewhere. */
export function anchorIn(chunkUrl: string, url: string): string {
  const [page, anchor = ''] = url.split('#');
  return page === chunkUrl.split('#')[0] ? anchor : url;
}

/** The content Pagefind indexes, and the meta that lets the browser split it again. */
export function chunkPayload(chunk: SearchChunk): { content: string; sections: string[]; layout: BlockLayout[] } {
  const sections: string[] = [];
  const layout = chunk.blocks.map((b): BlockLayout => {
    let s = sections.indexOf(b.section);
    if (s < 0) s = sections.push(b.section) - 1;
    return [anchorIn(chunk.blocks[0]!.url, b.url), b.place, s, b.text.length, b.keys];
  });
  const keys = [...new Set(chunk.blocks.flatMap((b) => b.keys))].sort();
  const content = chunk.blocks.map((b) => b.text).join('\n') + (keys.length ? `\n${keys.join(' ')}` : '');
  return { content, sections, layout };
}
