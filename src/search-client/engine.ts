/**
 * The search page's engine: Pagefind, hosted or offline, over the same index. On http(s) it
 * loads Pagefind's module (pagefind/pagefind.js, by dynamic import); from disk the same code as
 * a classic script (search/offline/pagefind.js) that reads the same index files from `<file>.js`
 * scripts (see scripts/search/classic.ts). Pagefind finds chunks; the engine cuts them into
 * blocks and keeps the blocks that hold the query (match.js), ranked, with facet counts.
 */
import type * as Match from '../../scripts/model/match.ts';
import { searchRanking, type BlockLayout, type SearchRecord } from '../../scripts/model/search-record.ts';

/** Filter values by facet (`报告`, `年份`, …); '' or absent is no filter. */
export type Filters = Record<string, string>;
/** Matches by facet and value. */
export type Counts = Record<string, Record<string, number>>;

/** The facets, in the order the page shows them. */
export const FACETS = ['报告', '年份', '机构', '类型'];

/**
 * How many of Pagefind's best chunks (a report's blocks of one kind, about 5 KB gzip each) a
 * search reads at first, and how many more each "显示更多结果" reads once those are shown. A
 * query found in fewer chunks (every query on the four seeds) is read whole, so its results and
 * counts are exact; beyond, they are those of the chunks read, and the status line says so.
 */
export const CHUNKS = 30;

/** What Pagefind's `data()` gives for one chunk (see scripts/search/chunks.ts for its meta). */
interface ChunkData {
  raw_url: string;
  content: string;
  meta: { sections: string; blocks: string; slug: string; title: string; symbol: string; kind: string };
  filters: Record<string, string | string[]>;
}

/** The parts of Pagefind's API this page uses. */
interface Pagefind {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: object): Promise<void>;
  search(query: string, options: { filters: Filters }): Promise<{ results: { data(): Promise<ChunkData> }[] } | null>;
}

/** Pagefind loaded, with its index folder and a reader of that folder's JSON files. */
interface Loaded {
  pf: Pagefind;
  base: string;
  json: (name: string) => Promise<any>;
}

/**
 * One block of a chunk, read back as the search record it was indexed from: a search hit when
 * it matches. What Pagefind gives back differs from the record written only in kind and filters
 * (the chunk's, as Pagefind returns them), a section looked up by index, and the chunk's rank.
 */
export interface Hit extends Omit<SearchRecord, 'kind' | 'filters' | 'section' | 'keys'>, Match.Block {
  section: string | undefined;
  keys: string[];
  kind: string;
  filters: Record<string, string | string[]>;
  rank: number;
}

/** The blocks a search found, with how many chunks Pagefind found and how many were read. */
interface Found {
  blocks: Hit[];
  found: number;
  read: number;
}

/** What a search gives the page: the hits, best first, their facet counts and the chunks found and read. */
export interface Results {
  counts: Counts;
  hits: Hit[];
  found: number;
  read: number;
}

/** The engine the page searches with. */
export interface Engine {
  search(query: string, filters: Filters, limit?: number): Promise<Results>;
}

/** The shared match rules (match.js, loaded first, sets `self.UNHRSearchText`). */
export const searchText = (): typeof Match => (self as unknown as { UNHRSearchText: typeof Match }).UNHRSearchText;

var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

function loadScript(src: string, here: string): Promise<void> {
  return new Promise(function (resolve, reject) {
    var s = document.createElement('script');
    s.src = new URL(src, here).href;
    s.onload = function () {
      resolve();
    };
    s.onerror = function () {
      reject(new Error('无法加载 ' + src));
    };
    document.head.appendChild(s);
  });
}

/** Pagefind's module did not load: the site was served without its index (built by `npm run build`). */
function noIndex(): never {
  throw new Error('搜索索引（pagefind/pagefind.js）无法加载。索引在构建网站时生成：请运行 npm run build，再运行 npm run preview 打开网站。');
}

/** Pagefind from disk: its classic script, and the index files as scripts through its `fetch`. */
function loadOffline(here: string): Promise<Loaded> {
  var root = new URL('offline/', here).href;
  return loadScript('offline/pagefind.js', here).then(function () {
    var pf = (self as unknown as { UNHRPagefind: Pagefind & { fetch(url: string): Promise<Response> } }).UNHRPagefind;
    return {
      pf: pf,
      base: root,
      json: function (name: string) {
        return pf.fetch(root + name).then(function (r) {
          return r.json();
        });
      },
    };
  });
}

/** Pagefind hosted: its module, `pagefind/` beside the page's `search/` folder. */
function loadHosted(here: string): Promise<Loaded> {
  var bundle = new URL('../pagefind/', here);
  return import(new URL('pagefind.js', bundle).href).then(function (pf: Pagefind) {
    return {
      pf: pf,
      base: bundle.pathname,
      json: function (name: string) {
        return fetch(new URL(name, bundle).href).then(function (r) {
          if (!r.ok) throw new Error('pagefind/' + name + ': HTTP ' + r.status);
          return r.json();
        });
      },
    };
  }, noIndex);
}

/**
 * Pagefind ready to search: options set, the primary index initialised and the other shards
 * (scripts/search/shards.ts, listed in its shards.json) merged into it.
 */
function connect(loaded: Loaded): Promise<Pagefind> {
  var pf = loaded.pf;
  var options = { basePath: loaded.base, noWorker: true, ranking: searchRanking };
  return pf
    .options(options)
    .then(function () {
      return Promise.all([pf.init(), loaded.json('shards.json')]);
    })
    .then(function (got) {
      return Promise.all(
        (got[1] as string[]).map(function (dir) {
          return pf.mergeIndex(loaded.base + dir, { ranking: options.ranking });
        }),
      );
    })
    .then(function () {
      return pf;
    });
}

/**
 * The block records a Pagefind result (one chunk: a report's blocks of one kind, see
 * scripts/search/chunks.ts) stands for. The chunk's content is its blocks' texts one after
 * another, each followed by one separator character; its meta gives each block's anchor (or
 * its own address, for a block on another page), place, section and length, and its own title
 * and symbol where they are not the chunk's. `rank` is the chunk's place in Pagefind's order.
 */
function blocksOf(d: ChunkData, rank: number): Hit[] {
  var sections: string[] = JSON.parse(d.meta.sections);
  var page = d.raw_url.split('#')[0]!;
  var at = 0;
  return (JSON.parse(d.meta.blocks) as BlockLayout[]).map(function (b): Hit {
    var text = d.content.slice(at, at + b[3]);
    at += b[3] + 1;
    return {
      url: /[./]/.test(b[0]) ? b[0] : b[0] ? page + '#' + b[0] : page,
      slug: d.meta.slug,
      title: b[5] ?? d.meta.title,
      symbol: b[6] ?? d.meta.symbol,
      section: sections[b[2]],
      place: b[1],
      kind: d.meta.kind,
      filters: d.filters,
      text: text,
      keys: b[4],
      rank: rank,
    };
  });
}

/** The one value of a facet of a hit. */
function facetValue(r: Hit, facet: string): string | undefined {
  var v = r.filters[facet];
  return Array.isArray(v) ? v[0] : v;
}

function countFacets(records: Hit[]): Counts {
  var counts: Counts = {};
  FACETS.forEach(function (k) {
    counts[k] = {};
  });
  records.forEach(function (r) {
    FACETS.forEach(function (k) {
      var one = facetValue(r, k);
      var c = counts[k]!;
      if (one) c[one] = (c[one] || 0) + 1;
    });
  });
  return counts;
}

function matchesFilters(r: Hit, filters: Filters): boolean {
  return FACETS.every(function (k) {
    return !filters[k] || facetValue(r, k) === filters[k];
  });
}

/**
 * Blocks of the first `limit` chunks of a Pagefind search that pass `keep`, in Pagefind's
 * order, with the number of chunks found and read. The filters go to Pagefind (a chunk's
 * filters are exactly its blocks'), so a filtered search reads the best chunks of that filter.
 */
function blocksFound(pf: Pagefind, q: string, keep: (b: Hit) => boolean, filters: Filters, limit: number): Promise<Found> {
  return pf.search(q, { filters: filters }).then(function (res) {
    var all = res ? res.results : [];
    var some = all.slice(0, limit);
    return Promise.all(
      some.map(function (r) {
        return r.data();
      }),
    ).then(function (data) {
      var out: Hit[] = [];
      data.forEach(function (d, rank) {
        blocksOf(d, rank).forEach(function (b) {
          if (keep(b)) out.push(b);
        });
      });
      return { blocks: out, found: all.length, read: some.length };
    });
  });
}

/**
 * The ranked blocks of a query: a block is a hit when it holds every query word itself and
 * shows a term to mark. Pagefind segments the index with jieba and the query with
 * Intl.Segmenter; where the two disagree and nothing matches, each character is searched as a
 * word prefix and the blocks that hold the query as written are kept.
 */
function searchBlocks(pf: Pagefind, query: string, filters: Filters, limit: number): Promise<Found> {
  var T = searchText();
  var q = T.hostedQuery(query);
  if (!q) return Promise.resolve({ blocks: [], found: 0, read: 0 });
  var matches = function (b: Hit) {
    return T.blockMatches(b, query) && T.markable(b.text, query);
  };
  return blocksFound(pf, q, matches, filters, limit)
    .then(function (found) {
      if (found.blocks.length || !CJK.test(q)) return found;
      var chars = q
        .replace(/\s+/g, '')
        .split('')
        .filter(function (c) {
          return CJK.test(c);
        })
        .join(' ');
      return blocksFound(
        pf,
        chars,
        function (b) {
          return T.holdsPhrase(b.text, query);
        },
        filters,
        limit,
      );
    })
    .then(function (found) {
      found.blocks = T.rankBlocks(found.blocks, query).map(function (i) {
        return found.blocks[i]!;
      });
      return found;
    });
}

/**
 * The engine of the page whose search script is at `here`: results, filters and counts are per
 * block. The last few searches are kept for the count searches that follow them.
 */
export function createEngine(here: string): Engine {
  var ready = (location.protocol === 'file:' ? loadOffline(here) : loadHosted(here)).then(connect);
  var cache: Record<string, Promise<Found>> = {};
  function blocksFor(pf: Pagefind, query: string, filters: Filters, limit: number): Promise<Found> {
    var key = JSON.stringify([query, filters, limit]);
    const cached = cache[key];
    if (cached) return cached;
    var got = searchBlocks(pf, query, filters, limit).catch(function (err: unknown) {
      delete cache[key];
      throw err;
    });
    if (Object.keys(cache).length > 20) cache = {};
    cache[key] = got;
    return got;
  }
  return {
    /** The blocks that match, best first, the facet counts over them, and how many chunks were found and read (`limit`, default CHUNKS). */
    search: function (query: string, filters: Filters, limit?: number): Promise<Results> {
      var set: Filters = {};
      FACETS.forEach(function (k) {
        if (filters[k]) set[k] = filters[k];
      });
      return ready
        .then(function (pf) {
          return blocksFor(pf, query, set, limit || CHUNKS);
        })
        .then(function (res) {
          var hits = res.blocks.filter(function (b) {
            return matchesFilters(b, filters);
          });
          return { counts: countFacets(hits), hits: hits, found: res.found, read: res.read };
        });
    },
  };
}
