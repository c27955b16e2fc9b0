/**
 * The search page (search.html): a classic script, so it runs on the hosted site and from
 * file://. Both ask Pagefind, the same engine over the same index: on http(s) its module
 * (pagefind/pagefind.js, loaded by dynamic import), from disk the same code as a classic script
 * (search/offline/pagefind.js) that reads the same index files from `<file>.js` scripts (see
 * scripts/search/classic.ts). Pagefind finds chunks; this page cuts them into blocks, keeps the
 * blocks that hold the query (match.js) and shows them grouped by report. Needs match.js first.
 * Bundled to `search/search.js` (src/integrations/search-client.ts).
 */
import type * as Match from '../../scripts/model/match.ts';
import type { BlockLayout, SearchRecord } from '../../scripts/model/search-record.ts';

/** Filter values by facet (`报告`, `年份`, …); '' or absent is no filter. */
type Filters = Record<string, string>;
/** Matches by facet and value. */
type Counts = Record<string, Record<string, number>>;

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

/**
 * One block of a chunk, read back as the search record it was indexed from: a search hit when
 * it matches. What Pagefind gives back differs from the record written only in kind and filters
 * (the chunk's, as Pagefind returns them), a section looked up by index, and the chunk's rank.
 */
interface Hit extends Omit<SearchRecord, 'kind' | 'filters' | 'section' | 'keys'>, Match.Block {
  section: string | undefined;
  keys: string[];
  kind: string;
  filters: Record<string, string | string[]>;
  rank: number;
}

interface Found {
  blocks: Hit[];
  found: number;
  read: number;
}

interface State {
  q: string;
  filters: Filters;
}

interface Group {
  key: string;
  first: Hit;
  hits: Hit[];
}

(function () {
  const T = (self as unknown as { UNHRSearchText: typeof Match }).UNHRSearchText;
  const here = (document.currentScript as HTMLScriptElement).src;
  var FACETS = ['报告', '年份', '机构', '类型'];
  var KIND_ORDER = ['段落', '章节', '注释', '图表', '文件'];
  /** Reports shown at a time, and matches shown under each (the rest behind its "all matches" link). */
  var PAGE = 10;
  var PER_GROUP = 3;
  /**
   * How many of Pagefind's best chunks (a report's blocks of one kind, about 5 KB gzip each) a
   * search reads at first, and how many more each "显示更多结果" reads once those are shown. A
   * query found in fewer chunks (every query on the four seeds) is read whole, so its results and
   * counts are exact; beyond, they are those of the chunks read, and the status line says so.
   */
  var CHUNKS = 30;

  const formEl = document.getElementById('search-form');
  const inputEl = document.getElementById('search-q') as HTMLInputElement | null;
  const statusEl = document.getElementById('search-status');
  const listEl = document.getElementById('search-results');
  const facetsEl = document.getElementById('search-facets');
  const more = document.getElementById('search-more');
  if (!formEl || !inputEl || !statusEl || !listEl || !facetsEl) return;
  const form: HTMLElement = formEl;
  const input: HTMLInputElement = inputEl;
  const status: HTMLElement = statusEl;
  const list: HTMLElement = listEl;
  const facetsBox: HTMLElement = facetsEl;

  function loadScript(src: string): Promise<void> {
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

  /**
   * Pagefind, hosted or offline: `{ pf, base, json(name) }`, `base` the index folder and `json`
   * reading one of its JSON files the way Pagefind reads its own.
   */
  function loadPagefind(): Promise<{ pf: Pagefind; base: string; json: (name: string) => Promise<any> }> {
    if (location.protocol === 'file:') {
      var root = new URL('offline/', here).href;
      return loadScript('offline/pagefind.js').then(function () {
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
    });
  }

  /**
   * The block records a Pagefind result (one chunk: a report's blocks of one kind, see
   * scripts/search/chunks.ts) stands for. The chunk's content is its blocks' texts one after
   * another, each followed by one separator character; its meta gives each block's anchor (or
   * its own address, for a block on another page), place, section and length. `rank` is the chunk's place in Pagefind's order.
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
        title: d.meta.title,
        symbol: d.meta.symbol,
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

  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

  function countFacets(records: Hit[]): Counts {
    var counts: Counts = {};
    FACETS.forEach(function (k) {
      counts[k] = {};
    });
    records.forEach(function (r) {
      FACETS.forEach(function (k) {
        var v = r.filters[k];
        var one = Array.isArray(v) ? v[0] : v;
        var c = counts[k]!;
        if (one) c[one] = (c[one] || 0) + 1;
      });
    });
    return counts;
  }

  function matchesFilters(r: Hit, filters: Filters): boolean {
    return FACETS.every(function (k) {
      var v = r.filters[k];
      var one = Array.isArray(v) ? v[0] : v;
      return !filters[k] || one === filters[k];
    });
  }

  /**
   * Pagefind finds chunks (a report's blocks of one kind); each chunk found is split into its
   * blocks and a block is a hit when it holds every query word itself and shows a term to mark,
   * so results, filters and counts are per block. Pagefind segments the index with jieba and the
   * query with Intl.Segmenter; where the two disagree and nothing matches, each character is
   * searched as a word prefix and the blocks that hold the query as written are kept. The last
   * few searches are kept for the count searches that follow them. The index is in shards
   * (scripts/search/shards.ts): the primary one at the bundle's root, the others listed in its
   * shards.json and merged into it.
   */
  function pagefindEngine() {
    var ready = loadPagefind().then(function (loaded) {
      var pf = loaded.pf;
      var options = { basePath: loaded.base, noWorker: true, ranking: { metaWeights: { title: 0, symbol: 0, slug: 0, kind: 0, sections: 0, blocks: 0 } } };
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
    });
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
    var cache: Record<string, Promise<Found>> = {};
    /** The ranked blocks of a query and filters from its first `limit` chunks; the last few are kept. */
    function blocksFor(pf: Pagefind, query: string, filters: Filters, limit: number): Promise<Found> {
      var key = JSON.stringify([query, filters, limit]);
      const cached = cache[key];
      if (cached) return cached;
      var q = T.hostedQuery(query);
      var empty: Found = { blocks: [], found: 0, read: 0 };
      var got = !q
        ? Promise.resolve(empty)
        : blocksFound(
            pf,
            q,
            function (b) {
              return T.blockMatches(b, query) && T.markable(b.text, query);
            },
            filters,
            limit,
          )
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
            .then(
              function (found) {
                found.blocks = T.rankBlocks(found.blocks, query).map(function (i) {
                  return found.blocks[i]!;
                });
                return found;
              },
              function (err) {
                delete cache[key];
                throw err;
              },
            );
      if (Object.keys(cache).length > 20) cache = {};
      cache[key] = got;
      return got;
    }
    return {
      /**
       * `{ hits, counts, found, read }`: the blocks that match, best first, the facet counts over
       * them, and how many chunks Pagefind found and this search read (`limit`, default CHUNKS).
       */
      search: function (query: string, filters: Filters, limit?: number): Promise<{ counts: Counts; hits: Hit[]; found: number; read: number }> {
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

  var engine = pagefindEngine();
  /** For tests and the benchmark: the engine this page uses. */
  (self as unknown as { UNHRSearchEngine: unknown }).UNHRSearchEngine = engine;

  function readState(): State {
    var p = new URLSearchParams(location.search);
    var filters: Filters = {};
    FACETS.forEach(function (k) {
      filters[k] = p.get(k) || '';
    });
    return { q: (p.get('q') || '').trim(), filters: filters };
  }

  function writeState(state: State, push: boolean): void {
    var p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    FACETS.forEach(function (k) {
      const v = state.filters[k];
      if (v) p.set(k, v);
    });
    var url = location.pathname + (p.toString() ? '?' + p.toString() : '');
    try {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    } catch {
      /* file:// may refuse history changes; the page still works. */
    }
  }

  function el(tag: string, attrs: Record<string, string>, children?: (Node | null)[]): HTMLElement {
    var node = document.createElement(tag);
    Object.entries(attrs).forEach(function ([k, v]) {
      if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    });
    (children || []).forEach(function (c) {
      if (c) node.appendChild(c);
    });
    return node;
  }

  function marked(runs: Match.Run[]): DocumentFragment {
    var frag = document.createDocumentFragment();
    runs.forEach(function (r) {
      frag.appendChild(r.hit ? el('mark', { text: r.text }) : document.createTextNode(r.text));
    });
    return frag;
  }

  function sortValues(facet: string, values: string[]): string[] {
    if (facet === '类型')
      return values.sort(function (a, b) {
        return KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b);
      });
    if (facet === '年份') return values.sort().reverse();
    return values.sort();
  }

  function drawFacets(state: State, counts: Counts): void {
    facetsBox.textContent = '';
    FACETS.forEach(function (facet) {
      var c = counts[facet] || {};
      var chosen = state.filters[facet] || '';
      var values = Object.keys(c).filter(function (v) {
        return (c[v] || 0) > 0 || v === chosen;
      });
      if (chosen && values.indexOf(chosen) < 0) values.push(chosen);
      var box = el('fieldset', { class: 'facet' }, [el('legend', { text: facet })]);
      var opts = [''].concat(sortValues(facet, values));
      opts.forEach(function (v) {
        var id = 'f-' + facet + '-' + (v || 'all');
        var radio = el('input', { type: 'radio', name: facet, value: v, id: id }) as HTMLInputElement;
        if ((state.filters[facet] || '') === v) radio.checked = true;
        var n = v ? c[v] || 0 : null;
        var label = el('label', { for: id }, [document.createTextNode(v || '全部')]);
        if (n !== null) label.appendChild(el('span', { class: 'count', text: String(n) }));
        box.appendChild(el('div', { class: 'facet-option' }, [radio, label]));
      });
      facetsBox.appendChild(box);
    });
    facetsBox.hidden = false;
  }

  /** A page address with the query added, for the landing page to mark it. */
  function withQuery(href: string): string {
    var hash = href.indexOf('#');
    return (hash < 0 ? href : href.slice(0, hash)) + '?q=' + encodeURIComponent(state.q) + (hash < 0 ? '' : href.slice(hash));
  }

  /** The matches of each report (a document page is a group of its own), in the order of their best match. */
  function groupHits(hits: Hit[]): Group[] {
    var groups: Group[] = [];
    var byKey: Record<string, Group> = {};
    hits.forEach(function (h) {
      var key = h.kind === 'document' ? h.url : h.slug;
      var g = byKey[key];
      if (!g) groups.push((g = byKey[key] = { key: key, first: h, hits: [] }));
      g.hits.push(h);
    });
    return groups;
  }

  function drawHit(d: Hit, terms: string[]): HTMLElement {
    var kind = ({ heading: '章节', paragraph: '段落', note: '注释', figure: '图表' } as Record<string, string>)[d.kind] || '';
    var where = [d.section, d.place].filter(Boolean).join(' · ') || kind;
    // A heading is its own link text: no excerpt repeats it.
    return el('li', { class: 'result', 'data-url': d.url }, [
      el('a', { href: withQuery(d.url), class: 'result-link' }, [marked(T.markRuns(where, terms))]),
      d.kind === 'heading' ? null : el('p', { class: 'result-excerpt' }, [marked(T.excerpt(d.text, terms, 110))]),
    ]);
  }

  /**
   * One report: its title, symbol, year and body once, its best matches under it and, when it
   * has more, a link to all of them (the search with this report's filter).
   */
  function drawGroup(g: Group, terms: string[], all: boolean): HTMLElement {
    var d = g.first;
    var doc = d.kind === 'document';
    var page = d.url.split('#')[0]!;
    var f = d.filters || {};
    var meta = doc ? [d.place] : [d.symbol, f['年份'], f['机构']];
    var shownHits = all ? g.hits : g.hits.slice(0, PER_GROUP);
    var items = [
      el('h2', { class: 'group-title' }, [el('a', { href: withQuery(page), class: 'group-link' }, [marked(T.markRuns(d.title, terms))])]),
      el('p', { class: 'group-meta', text: meta.filter(Boolean).join(' · ') + (doc ? '' : ' · ' + g.hits.length + ' 处匹配') }),
    ];
    if (doc) items.push(el('p', { class: 'result-excerpt result', 'data-url': d.url }, [marked(T.excerpt(d.text, terms, 110))]));
    else
      items.push(
        el(
          'ol',
          { class: 'group-hits' },
          shownHits.map(function (h) {
            return drawHit(h, terms);
          }),
        ),
      );
    if (!doc && shownHits.length < g.hits.length) {
      var p = new URLSearchParams();
      p.set('q', state.q);
      FACETS.forEach(function (k) {
        const v = state.filters[k];
        if (v) p.set(k, v);
      });
      p.set('报告', String(f['报告']));
      items.push(
        el('a', { class: 'group-all', href: '?' + p.toString(), 'data-report': String(f['报告']) }, [
          document.createTextNode('本报告全部 ' + g.hits.length + ' 处匹配'),
        ]),
      );
    }
    return el('li', { class: 'result-group', 'data-report': g.key }, items);
  }

  var state = readState();
  var token = 0;
  var shown = 0;
  var current: Group[] = [];
  /** Chunks the current search reads: CHUNKS, and more after each "显示更多结果" that needs them. */
  var limit = CHUNKS;
  var partial = false;

  function showMore(terms: string[]): void {
    var batch = current.slice(shown, shown + PAGE);
    shown += batch.length;
    var all = Boolean(state.filters['报告']);
    batch.forEach(function (g) {
      list.appendChild(drawGroup(g, terms, all));
    });
    if (more) more.hidden = shown >= current.length && !partial;
  }

  /**
   * Counts for each filter value: the number of results if that value were chosen, with the
   * other filters kept. A filter that is set is counted again without its own value.
   */
  function facetCounts(state: State, counts: Counts): Promise<Counts> {
    var set = FACETS.filter(function (k) {
      return state.filters[k];
    });
    return Promise.all(
      set.map(function (k) {
        var others: Filters = {};
        FACETS.forEach(function (j) {
          others[j] = j === k ? '' : state.filters[j] || '';
        });
        return engine.search(state.q, others, limit).then(function (res) {
          return res.counts[k] || {};
        });
      }),
    ).then(function (own) {
      var out: Counts = {};
      FACETS.forEach(function (k) {
        out[k] = counts[k] || {};
      });
      set.forEach(function (k, i) {
        out[k] = own[i]!;
      });
      return out;
    });
  }

  /**
   * Search and draw. `reading` (from "显示更多结果") keeps the chunk limit and shows that many
   * groups again plus a page; any other call is a new search from the best CHUNKS chunks.
   */
  function run(reading?: boolean): Promise<void> {
    var mine = ++token;
    var before = reading ? shown : 0;
    if (!reading) limit = CHUNKS;
    var started = typedAt || performance.now();
    typedAt = 0;
    list.textContent = '';
    if (more) more.hidden = true;
    if (!state.q) {
      status.textContent = '输入词语、文件编号或决议编号进行搜索。';
      facetsBox.hidden = true;
      return Promise.resolve();
    }
    status.textContent = '正在搜索…';
    return engine
      .search(state.q, state.filters, limit)
      .then(function (res) {
        if (mine !== token) return;
        return facetCounts(state, res.counts).then(function (counts) {
          return { hits: res.hits, counts: counts, found: res.found, read: res.read };
        });
      })
      .then(function (res) {
        if (!res || mine !== token) return;
        current = groupHits(res.hits);
        partial = res.read < res.found;
        shown = 0;
        drawFacets(state, res.counts);
        var terms = T.highlightTerms(state.q);
        do showMore(terms);
        while (shown < before && shown < current.length);
        var n = res.hits.length;
        status.textContent =
          n === 0 && !partial
            ? '没有找到与“' + state.q + '”相符的结果。请换一个词语，或取消筛选条件。'
            : '在 ' +
              current.length +
              ' 个页面中找到 ' +
              n +
              ' 处匹配' +
              (partial ? '（按相关度读了 ' + res.found + ' 个文本块中的前 ' + res.read + ' 个，可显示更多）' : '') +
              '。';
        document.documentElement.dataset.searchMs = String(Math.round(performance.now() - started));
        document.documentElement.dataset.searchDone = String(mine);
      })
      .catch(function (err: unknown) {
        status.textContent = '搜索出错：' + (err instanceof Error ? err.message : String(err));
      });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    state.q = input.value.trim();
    writeState(state, true);
    run();
  });
  var typing: ReturnType<typeof setTimeout> | undefined;
  /** When the reader last typed: the time to results is measured from there (data-search-ms). */
  var typedAt = 0;
  input.addEventListener('input', function () {
    typedAt = performance.now();
    clearTimeout(typing);
    typing = setTimeout(function () {
      state.q = input.value.trim();
      writeState(state, false);
      run();
    }, 50);
  });
  facetsBox.addEventListener('change', function (e) {
    var t = e.target as HTMLInputElement | null;
    if (!t || t.type !== 'radio') return;
    state.filters[t.name] = t.value;
    writeState(state, false);
    var focusId = t.id;
    run().then(function () {
      var again = document.getElementById(focusId);
      if (again) again.focus();
    });
  });
  /**
   * Arrow keys, right after a search (nothing focused yet) or from the box: down into the
   * results, then between report titles and their matches; up from the first goes back to the box.
   */
  function moveFocus(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var links = Array.from(list.querySelectorAll<HTMLElement>('.group-link, .result-link'));
    if (!links.length) return;
    var active = document.activeElement;
    var at = links.indexOf(active as HTMLElement);
    if (active === input || !active || active === document.body) {
      if (e.key !== 'ArrowDown') return;
      at = -1;
    } else if (at < 0) return;
    e.preventDefault();
    var next = e.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else if (next < links.length) links[next]!.focus();
  }
  document.addEventListener('keydown', moveFocus);
  if (more)
    more.addEventListener('click', function () {
      if (shown < current.length) return showMore(T.highlightTerms(state.q));
      limit += CHUNKS;
      run(true);
    });
  self.addEventListener('popstate', function () {
    state = readState();
    input.value = state.q;
    run();
  });

  input.value = state.q;
  run();
})();
