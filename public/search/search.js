/**
 * The search page (search.html): a classic script, so it runs on the hosted site and from
 * file://. On http(s) it asks Pagefind (pagefind/pagefind.js, loaded by dynamic import); from
 * disk, where Pagefind cannot run, it loads the offline MiniSearch index with classic <script>
 * tags. Both engines return the same records (url, report, section, text, filters), and this
 * script draws them the same way. Needs tokenize.js loaded first.
 */
(function () {
  'use strict';
  var T = self.UNHRSearchText;
  var here = document.currentScript.src;
  var FACETS = ['报告', '年份', '机构', '类型'];
  var KIND_ORDER = ['段落', '章节', '注释', '图表'];
  var PAGE = 20;
  /**
   * How many of Pagefind's best chunks are split into blocks for one query. On a site of a few
   * hundred reports every chunk a query finds is read; beyond, the results and counts are those of
   * the best chunks.
   */
  var MAX_CHUNKS = 100;

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var facetsBox = document.getElementById('search-facets');
  var more = document.getElementById('search-more');
  if (!form || !input || !status || !list || !facetsBox) return;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = new URL(src, here).href;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('无法加载 ' + src)); };
      document.head.appendChild(s);
    });
  }

  /**
   * The block records a Pagefind result (one chunk: a report's blocks of one kind, see
   * scripts/search/chunks.ts) stands for, in the shape the offline index stores. The chunk's
   * content is its blocks' texts one after another, each followed by one separator character;
   * its meta gives each block's anchor, place, section and length.
   */
  function blocksOf(d) {
    var sections = JSON.parse(d.meta.sections);
    var page = d.raw_url.split('#')[0];
    var at = 0;
    return JSON.parse(d.meta.blocks).map(function (b) {
      var text = d.content.slice(at, at + b[3]);
      at += b[3] + 1;
      return {
        url: page + '#' + b[0],
        title: d.meta.title,
        symbol: d.meta.symbol,
        section: sections[b[2]],
        place: b[1],
        kind: d.meta.kind,
        filters: d.filters,
        text: text,
        keys: b[4],
      };
    });
  }

  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

  function countFacets(records) {
    var counts = {};
    FACETS.forEach(function (k) { counts[k] = {}; });
    records.forEach(function (r) {
      FACETS.forEach(function (k) {
        var v = r.filters[k];
        v = Array.isArray(v) ? v[0] : v;
        if (v) counts[k][v] = (counts[k][v] || 0) + 1;
      });
    });
    return counts;
  }

  function matchesFilters(r, filters) {
    return FACETS.every(function (k) {
      var v = r.filters[k];
      v = Array.isArray(v) ? v[0] : v;
      return !filters[k] || v === filters[k];
    });
  }

  /**
   * Pagefind on the hosted site. Pagefind finds chunks (a report's blocks of one kind); each chunk
   * found is split into its blocks and a block is a hit when it holds every query word itself, so
   * results, filters and counts are per block, as offline. Pagefind segments the index with jieba
   * and the query with Intl.Segmenter; blocks that hold the query as written come first
   * (外地办事处 before 外地 … 办事处). Where the two segmenters disagree and nothing matches,
   * each character is searched as a word prefix and the blocks that hold the query as written
   * are kept. The blocks of a query are kept for the filter and count searches that follow it.
   */
  function hostedEngine() {
    var options = { excerptLength: 30, ranking: { metaWeights: { title: 0, symbol: 0, kind: 0, sections: 0, blocks: 0 } } };
    var bundle = new URL('../pagefind/', here);
    // The index is in shards (scripts/search/shards.ts): the primary one at pagefind/, the others
    // listed in pagefind/shards.json and merged into it.
    var shards = fetch(new URL('shards.json', bundle).href).then(function (r) {
      if (!r.ok) throw new Error('pagefind/shards.json: HTTP ' + r.status);
      return r.json();
    });
    var ready = import(new URL('pagefind.js', bundle).href).then(function (pf) {
      return pf
        .options(options)
        .then(function () { return pf.init(); })
        .then(function () { return shards; })
        .then(function (list) {
          return Promise.all(list.map(function (dir) { return pf.mergeIndex(new URL(dir, bundle).pathname, options); }));
        })
        .then(function () { return pf; });
    });
    /** Blocks of the first MAX_CHUNKS chunks of a Pagefind search that pass `keep`, in Pagefind's order. */
    function blocksFound(pf, q, keep) {
      return pf.search(q).then(function (res) {
        var some = res ? res.results.slice(0, MAX_CHUNKS) : [];
        return Promise.all(some.map(function (r) { return r.data(); })).then(function (data) {
          var out = [];
          data.forEach(function (d) { blocksOf(d).forEach(function (b) { if (keep(b)) out.push(b); }); });
          return out;
        });
      });
    }
    var cache = { query: null, blocks: null };
    function blocksFor(pf, query) {
      if (cache.query === query) return cache.blocks;
      var q = T.hostedQuery(query);
      var blocks = !q ? Promise.resolve([]) : blocksFound(pf, q, function (b) { return T.blockMatches(b, query); }).then(function (found) {
        if (found.length || !CJK.test(q)) return found;
        var chars = q.replace(/\s+/g, '').split('').filter(function (c) { return CJK.test(c); }).join(' ');
        return blocksFound(pf, chars, function (b) { return T.holdsPhrase(b.text, query); });
      }).then(function (found) {
        return T.rankHits(found, query).map(function (i) { return found[i]; });
      }, function (err) {
        if (cache.blocks === blocks) cache = { query: null, blocks: null };
        throw err;
      });
      cache = { query: query, blocks: blocks };
      return blocks;
    }
    return {
      search: function (query, filters) {
        return ready.then(function (pf) { return blocksFor(pf, query); }).then(function (blocks) {
          var hits = blocks.filter(function (b) { return matchesFilters(b, filters); });
          return {
            counts: countFacets(hits),
            hits: hits.map(function (b) { return { load: function () { return Promise.resolve(b); } }; }),
          };
        });
      },
    };
  }

  /**
   * MiniSearch over the offline index, for file:// (classic scripts only). The index comes in
   * shards (scripts/search/offline.ts): the manifest names them, all are loaded at once, each is
   * searched with the same options and their hits are merged by score, as one index would
   * order them (scores of different shards are close, not equal: rankHits decides the top).
   */
  function offlineEngine() {
    var shards = loadScript('offline/manifest.js').then(function () {
      var m = self.UNHROfflineManifest;
      return Promise.all(m.shards.map(function (n) { return loadScript('offline/' + n + '.js'); })).then(function () { return m; });
    });
    var ready = Promise.all([loadScript('minisearch.js'), shards]).then(function (loaded) {
      var m = loaded[1];
      return m.shards.map(function (n) {
        var ms = self.MiniSearch.loadJS(self.UNHROfflineShards[n], {
          fields: m.fields,
          storeFields: m.storeFields,
          tokenize: T.tokenize,
          processTerm: function (t) { return t; },
        });
        // The loaded index holds everything: let the parsed JSON go.
        delete self.UNHROfflineShards[n];
        return ms;
      });
    });
    return {
      search: function (query, filters) {
        return ready.then(function (indexes) {
          var terms = T.tokenizeQuery(query);
          if (!terms.length) return { hits: [], counts: {} };
          var options = {
            tokenize: T.tokenizeQuery,
            processTerm: function (t) { return t; },
            combineWith: 'AND',
            prefix: function (t) { return t.length === 1; },
            boost: { heading: 20 },
          };
          var all = [];
          indexes.forEach(function (ms) { all = all.concat(ms.search(query, options)); });
          all.sort(function (a, b) { return b.score - a.score; });
          var hits = all.filter(function (r) { return matchesFilters(r, filters); });
          hits = T.rankHits(hits, query).map(function (i) { return hits[i]; });
          var counts = countFacets(hits);
          return {
            counts: counts,
            hits: hits.map(function (r) {
              return { load: function () { return Promise.resolve(r); } };
            }),
          };
        });
      },
    };
  }

  var engine = location.protocol === 'file:' ? offlineEngine() : hostedEngine();
  /** For tests and the benchmark: the engine this page uses. */
  self.UNHRSearchEngine = engine;

  function readState() {
    var p = new URLSearchParams(location.search);
    var filters = {};
    FACETS.forEach(function (k) { filters[k] = p.get(k) || ''; });
    return { q: (p.get('q') || '').trim(), filters: filters };
  }

  function writeState(state, push) {
    var p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    FACETS.forEach(function (k) { if (state.filters[k]) p.set(k, state.filters[k]); });
    var url = location.pathname + (p.toString() ? '?' + p.toString() : '');
    try {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    } catch (e) {
      /* file:// may refuse history changes; the page still works. */
    }
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function marked(runs) {
    var frag = document.createDocumentFragment();
    runs.forEach(function (r) {
      frag.appendChild(r.hit ? el('mark', { text: r.text }) : document.createTextNode(r.text));
    });
    return frag;
  }

  function sortValues(facet, values) {
    if (facet === '类型') return values.sort(function (a, b) { return KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b); });
    if (facet === '年份') return values.sort().reverse();
    return values.sort();
  }

  function drawFacets(state, counts) {
    facetsBox.textContent = '';
    FACETS.forEach(function (facet) {
      var c = counts[facet] || {};
      var values = Object.keys(c).filter(function (v) { return c[v] > 0 || v === state.filters[facet]; });
      if (state.filters[facet] && values.indexOf(state.filters[facet]) < 0) values.push(state.filters[facet]);
      var box = el('fieldset', { class: 'facet' }, [el('legend', { text: facet })]);
      var opts = [''].concat(sortValues(facet, values));
      opts.forEach(function (v) {
        var id = 'f-' + facet + '-' + (v || 'all');
        var radio = el('input', { type: 'radio', name: facet, value: v, id: id });
        if ((state.filters[facet] || '') === v) radio.checked = true;
        var n = v ? (c[v] || 0) : null;
        var label = el('label', { for: id }, [document.createTextNode(v || '全部')]);
        if (n !== null) label.appendChild(el('span', { class: 'count', text: String(n) }));
        box.appendChild(el('div', { class: 'facet-option' }, [radio, label]));
      });
      facetsBox.appendChild(box);
    });
    facetsBox.hidden = false;
  }

  function drawResult(d, terms) {
    var kind = { heading: '章节', paragraph: '段落', note: '注释', figure: '图表' }[d.kind] || '';
    var href = d.url + '';
    var hash = href.indexOf('#');
    var withQ = (hash < 0 ? href : href.slice(0, hash)) + '?q=' + encodeURIComponent(state.q) + (hash < 0 ? '' : href.slice(hash));
    var link = el('a', { href: withQ, class: 'result-link' }, [marked(T.markRuns(d.section || d.title, terms))]);
    var where = [d.symbol ? d.title + '（' + d.symbol + '）' : d.title, d.place, kind].filter(Boolean).join(' · ');
    return el('li', { class: 'result', 'data-url': d.url }, [
      el('h2', { class: 'result-title' }, [link]),
      el('p', { class: 'result-where', text: where }),
      el('p', { class: 'result-excerpt' }, [marked(T.excerpt(d.text, terms, 110))]),
    ]);
  }

  var state = readState();
  var token = 0;
  var shown = 0;
  var current = [];

  function showMore(terms) {
    var batch = current.slice(shown, shown + PAGE);
    shown += batch.length;
    return Promise.all(batch.map(function (h) { return h.load(); })).then(function (data) {
      data.forEach(function (d) { list.appendChild(drawResult(d, terms)); });
      if (more) more.hidden = shown >= current.length;
    });
  }

  /**
   * Counts for each filter value: the number of results if that value were chosen, with the
   * other filters kept. A filter that is set is counted again without its own value.
   */
  function facetCounts(state, counts) {
    var set = FACETS.filter(function (k) { return state.filters[k]; });
    return Promise.all(set.map(function (k) {
      var others = {};
      FACETS.forEach(function (j) { others[j] = j === k ? '' : state.filters[j]; });
      return engine.search(state.q, others, true).then(function (res) { return res.counts[k] || {}; });
    })).then(function (own) {
      var out = {};
      FACETS.forEach(function (k) { out[k] = counts[k] || {}; });
      set.forEach(function (k, i) { out[k] = own[i]; });
      return out;
    });
  }

  function run() {
    var mine = ++token;
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
    return engine.search(state.q, state.filters).then(function (res) {
      if (mine !== token) return;
      return facetCounts(state, res.counts).then(function (counts) {
        return { hits: res.hits, counts: counts };
      });
    }).then(function (res) {
      if (!res || mine !== token) return;
      current = res.hits;
      shown = 0;
      drawFacets(state, res.counts);
      var terms = T.highlightTerms(state.q);
      return showMore(terms).then(function () {
        if (mine !== token) return;
        var n = current.length;
        status.textContent = n === 0 ? '没有找到与“' + state.q + '”相符的结果。请换一个词语，或取消筛选条件。' : '找到 ' + n + ' 条结果。';
        document.documentElement.dataset.searchMs = String(Math.round(performance.now() - started));
        document.documentElement.dataset.searchDone = String(mine);
      });
    }).catch(function (err) {
      status.textContent = '搜索出错：' + err.message;
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    state.q = input.value.trim();
    writeState(state, true);
    run();
  });
  var typing;
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
    var t = e.target;
    if (!t || t.type !== 'radio') return;
    state.filters[t.name] = t.value;
    writeState(state, false);
    var focusId = t.id;
    run().then(function () {
      var again = document.getElementById(focusId);
      if (again) again.focus();
    });
  });
  /** Arrow keys: from the box down into the results, and between results. */
  function moveFocus(e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    var links = Array.prototype.slice.call(list.querySelectorAll('.result-link'));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    if (document.activeElement === input) {
      if (e.key !== 'ArrowDown') return;
      at = -1;
    } else if (at < 0) return;
    e.preventDefault();
    var next = e.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else if (next < links.length) links[next].focus();
  }
  input.addEventListener('keydown', moveFocus);
  list.addEventListener('keydown', moveFocus);
  if (more) more.addEventListener('click', function () { showMore(T.highlightTerms(state.q)); });
  self.addEventListener('popstate', function () {
    state = readState();
    input.value = state.q;
    run();
  });

  input.value = state.q;
  run();
})();
