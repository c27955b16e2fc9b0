/**
 * What a search result is, shared by search indexing (Node imports this module, see scripts/search/text.ts)
 * and the browser (bundled to the classic script `search/match.js`, which sets
 * `self.UNHRSearchText`, so it also runs from file://; see src/integrations/search-client.ts). Pagefind finds chunks; these
 * rules decide which blocks of a chunk are hits, in what order, and what is marked.
 *
 * - UN document symbols and resolution numbers (`A/HRC/40/3`, `48/141`, `2391(2017)`) become one
 *   key each (`uaqhrcq40q3x`): Pagefind drops the punctuation that tells them apart, the key
 *   keeps it, and its end mark stops `A/HRC/40/3` prefix-matching `A/HRC/40/38`.
 * - A block is a hit when it holds every word of the query as Pagefind searched it, so every
 *   result has something to mark.
 */

/** A display run of an excerpt; `hit` marks a query term. */
export interface Run {
  text: string;
  hit: boolean;
}

/** A block found for a query, as rankBlocks orders it. */
export interface Block {
  text: string;
  kind: string;
  keys?: readonly string[];
  rank: number;
}

const SYMBOL = /[A-Za-z0-9][A-Za-z0-9.\-]*(?:\/[A-Za-z0-9][A-Za-z0-9.\-]*)+(?:\s?\(\d{4}\))?|\d+\s?\(\d{4}\)/g;

/** The key of one symbol as written: `A/HRC/40/38` → `uaqhrcq40q38x`. */
export function symbolKey(symbol: string): string {
  const parts = symbol
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return 'u' + parts.join('q') + 'x';
}

/** The symbols written in a text, trailing dots and dashes left out. */
export function symbolsIn(text: string): string[] {
  const out: string[] = [];
  let m: RegExpExecArray | null;
  SYMBOL.lastIndex = 0;
  while ((m = SYMBOL.exec(text))) out.push(m[0].replace(/[.\-]+$/, ''));
  return out;
}

/**
 * The query as the hosted engine (Pagefind) should see it: symbols replaced by their keys,
 * the rest unchanged.
 */
export function hostedQuery(query: string): string {
  const s = String(query).normalize('NFKC').trim();
  return s
    .replace(SYMBOL, function (sym) {
      return ' ' + symbolKey(sym.replace(/[.\-]+$/, '')) + ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What to mark for a query: its symbols as written, its parts as written and the words Pagefind
 * searched, but for lone characters (a block can hold 外地 and 办事 apart; both are marked).
 */
export function highlightTerms(query: string): string[] {
  const s = String(query).normalize('NFKC').trim();
  const terms = symbolsIn(s);
  const rest = s.replace(SYMBOL, ' ');
  rest.split(/[\s,，、;；:：。!！?？"“”'‘’()（）]+/).forEach(function (t) {
    if (t) terms.push(t);
  });
  if (rest.trim())
    hostedWords(rest).forEach(function (t) {
      if (t.length > 1) terms.push(t);
    });
  return terms
    .filter(function (t, i) {
      return terms.indexOf(t) === i;
    })
    .sort(function (a, b) {
      return b.length - a.length;
    });
}

/**
 * Split a text into runs for display: `[{ text, hit }]`, where `hit` marks a query term.
 * Symbols also match with a space before the year (`2391 (2017)`).
 */
export function markRuns(text: string, terms: readonly string[]): Run[] {
  if (!terms.length) return [{ text: text, hit: false }];
  const pattern = terms
    .map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\(/g, '\\s?\\(');
    })
    .join('|');
  const re = new RegExp(pattern, 'gi');
  const out: Run[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    if (m.index > last) out.push({ text: text.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

/** A window of about `size` characters around the first hit, with ellipses where cut. */
export function excerpt(text: string, terms: readonly string[], size = 120): Run[] {
  const runs = markRuns(text, terms);
  let at = 0;
  for (const run of runs) {
    if (run.hit) break;
    at += run.text.length;
  }
  if (at >= text.length) at = 0;
  const start = Math.max(0, Math.min(at - Math.floor(size / 3), text.length - size));
  const end = Math.min(text.length, start + size);
  const cut = (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  return markRuns(cut, terms);
}

function squashed(text: string): string {
  return String(text).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The parts of a query as written, for phrase matching: `外地办事处`, `a/hrc/40/38`. */
function phraseParts(query: string): string[] {
  return String(query).normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Does a text hold every part of the query as written (spaces ignored)? */
export function holdsPhrase(text: string, query: string): boolean {
  const t = squashed(text);
  const parts = phraseParts(query);
  return (
    parts.length > 0 &&
    parts.every(function (p) {
      return t.indexOf(p) >= 0;
    })
  );
}

/**
 * The words of a query as the hosted engine (Pagefind) searches them: symbols as keys, the
 * rest cut by the browser's word segmenter, punctuation dropped, lower case. The last query's
 * words are kept: a search asks for them once per block.
 */
let lastWords: { query: string | null; words: string[] } = { query: null, words: [] };
export function hostedWords(query: string): string[] {
  if (lastWords.query === query) return lastWords.words.slice();
  const q = hostedQuery(query);
  const words: string[] = [];
  const parts =
    typeof Intl !== 'undefined' && Intl.Segmenter
      ? Array.from(new Intl.Segmenter('zh', { granularity: 'word' }).segment(q), function (s) {
          return s.segment;
        })
      : q.split(/\s+/);
  parts.forEach(function (w) {
    w = w.replace(/[\p{P}\s]+/gu, ' ').toLowerCase();
    w.split(' ').forEach(function (x) {
      if (x) words.push(x);
    });
  });
  lastWords = { query: query, words: words };
  return words.slice();
}

/**
 * Does one block match a hosted query? Pagefind matches a chunk of blocks when every query word
 * is somewhere in it; a block of that chunk is a hit when it holds every word itself: a symbol
 * key among its keys, any other word in its text. A document page is found by its symbol only
 * (its text names the reports citing it, which are found on their own).
 */
export function blockMatches(record: { text: string; kind?: string; keys?: readonly string[] }, query: string): boolean {
  const words = hostedWords(query);
  if (!words.length) return false;
  const t = record.kind === 'document' ? '' : squashed(record.text);
  const keys = record.keys || [];
  return words.every(function (w: string) {
    return (
      t.indexOf(w) >= 0 ||
      keys.some(function (k) {
        return k.indexOf(w) === 0;
      })
    );
  });
}

/** A block that is only an address (a footnote citing a web page): it never outranks text. */
export function urlOnly(text: string): boolean {
  if (!/(?:https?:\/\/|www\.)\S/.test(text)) return false;
  return (
    String(text)
      .replace(/(?:https?:\/\/|www\.)\S+/g, '')
      .replace(/[\s\p{P}\p{S}\d]+/gu, '').length < 4
  );
}

/**
 * Order the blocks found for a query; returns their indexes. First the page of a document the
 * query names by its symbol, then blocks holding the query as written (a section heading
 * before the text under it), then blocks holding its words apart; blocks that are only an
 * address after every block of text. Ties keep the engine's order (`records[i].rank`:
 * Pagefind's rank of the block's chunk, then page order).
 */
export function rankBlocks(records: readonly Block[], query: string): number[] {
  const keys = symbolsIn(String(query).normalize('NFKC')).map(function (s) {
    return symbolKey(s.replace(/[.\-]+$/, ''));
  });
  function tier(r: Block): number {
    if (
      r.kind === 'document' &&
      keys.length &&
      keys.every(function (k) {
        return (r.keys || []).indexOf(k) >= 0;
      })
    )
      return 0;
    const phrase = holdsPhrase(r.text, query);
    const bare = urlOnly(r.text) ? 1 : 0;
    return 1 + bare * 8 + (phrase ? 0 : 4) + (phrase && r.kind === 'heading' ? 0 : 1);
  }
  const tiers = records.map(tier);
  return records
    .map(function (_r, i) {
      return i;
    })
    .sort(function (a, b) {
      return tiers[a]! - tiers[b]! || records[a]!.rank - records[b]!.rank || a - b;
    });
}

/** Does the text show something to mark for the query? A block that does not is never a result. */
export function markable(text: string, query: string): boolean {
  return markRuns(String(text), highlightTerms(query)).some(function (r) {
    return r.hit;
  });
}
