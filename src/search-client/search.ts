/**
 * The search page (search.html): a classic script, so it runs on the hosted site and from
 * file://. It wires the page together: the engine (engine.ts: Pagefind hosted or offline, the
 * same index), the state in the address (state.ts), the drawing of results and filters
 * (draw.ts) and the arrow keys (keys.ts). Needs match.js first. Bundled to `search/search.js`
 * (src/integrations/search-client.ts).
 */
import { CHUNKS, createEngine, FACETS, searchText, type Counts, type Engine, type Filters, type Hit } from './engine.ts';
import { drawFacets, drawGroup, groupHits, statusText, type Group } from './draw.ts';
import { arrowKeys } from './keys.ts';
import { readState, writeState, type State } from './state.ts';

/** Reports shown at a time. */
var PAGE = 10;

/** The page's elements the search needs. */
interface Elements {
  form: HTMLElement;
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLElement;
  facetsBox: HTMLElement;
  more: HTMLElement | null;
}

/** One page's search: its elements, engine and state, and what the current search has shown. */
interface Session {
  els: Elements;
  engine: Engine;
  state: State;
  /** Each search's number; a search whose answer comes after a newer one started is dropped. */
  token: number;
  /** Groups drawn, of `current`. */
  shown: number;
  current: Group[];
  /** Chunks the current search reads: CHUNKS, and more after each "显示更多结果" that needs them. */
  limit: number;
  partial: boolean;
  /** When the reader last typed: the time to results is measured from there (data-search-ms). */
  typedAt: number;
}

function elements(): Elements | undefined {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const facetsBox = document.getElementById('search-facets');
  if (!form || !input || !status || !list || !facetsBox) return undefined;
  return { form, input, status, list, facetsBox, more: document.getElementById('search-more') };
}

/** Draw the next page of groups. */
function showMore(s: Session, terms: string[]): void {
  var batch = s.current.slice(s.shown, s.shown + PAGE);
  s.shown += batch.length;
  var all = Boolean(s.state.filters['报告']);
  batch.forEach(function (g) {
    s.els.list.appendChild(drawGroup(g, terms, all, s.state));
  });
  if (s.els.more) s.els.more.hidden = s.shown >= s.current.length && !s.partial;
}

/**
 * Counts for each filter value: the number of results if that value were chosen, with the
 * other filters kept. A filter that is set is counted again without its own value.
 */
function facetCounts(s: Session, counts: Counts): Promise<Counts> {
  var state = s.state;
  var set = FACETS.filter(function (k) {
    return state.filters[k];
  });
  return Promise.all(
    set.map(function (k) {
      var others: Filters = {};
      FACETS.forEach(function (j) {
        others[j] = j === k ? '' : state.filters[j] || '';
      });
      return s.engine.search(state.q, others, s.limit).then(function (res) {
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

/** Draw a search's results (`before`: groups to show again at least), its filters and its status line. */
function draw(s: Session, res: { hits: Hit[]; counts: Counts; found: number; read: number }, before: number, started: number, mine: number): void {
  s.current = groupHits(res.hits);
  s.partial = res.read < res.found;
  s.shown = 0;
  drawFacets(s.els.facetsBox, s.state, res.counts);
  var terms = searchText().highlightTerms(s.state.q);
  do showMore(s, terms);
  while (s.shown < before && s.shown < s.current.length);
  s.els.status.textContent = statusText(s.state.q, s.current.length, res.hits.length, s.partial, res.found, res.read);
  document.documentElement.dataset.searchMs = String(Math.round(performance.now() - started));
  document.documentElement.dataset.searchDone = String(mine);
}

/**
 * Search and draw. `reading` (from "显示更多结果") keeps the chunk limit and shows that many
 * groups again plus a page; any other call is a new search from the best CHUNKS chunks.
 */
function run(s: Session, reading?: boolean): Promise<void> {
  var mine = ++s.token;
  var before = reading ? s.shown : 0;
  if (!reading) s.limit = CHUNKS;
  var started = s.typedAt || performance.now();
  s.typedAt = 0;
  s.els.list.textContent = '';
  if (s.els.more) s.els.more.hidden = true;
  if (!s.state.q) {
    s.els.status.textContent = '输入词语、文件编号或决议编号进行搜索。';
    s.els.facetsBox.hidden = true;
    return Promise.resolve();
  }
  s.els.status.textContent = '正在搜索…';
  return s.engine
    .search(s.state.q, s.state.filters, s.limit)
    .then(function (res) {
      if (mine !== s.token) return;
      return facetCounts(s, res.counts).then(function (counts) {
        return { hits: res.hits, counts: counts, found: res.found, read: res.read };
      });
    })
    .then(function (res) {
      if (res && mine === s.token) draw(s, res, before, started, mine);
    })
    .catch(function (err: unknown) {
      s.els.status.textContent = '搜索出错：' + (err instanceof Error ? err.message : String(err));
    });
}

/** The reader's actions: submit, typing (searched 50 ms after the last key), filters, "显示更多结果", back and forward. */
function listen(s: Session): void {
  var els = s.els;
  var typing: ReturnType<typeof setTimeout> | undefined;
  els.form.addEventListener('submit', function (e) {
    e.preventDefault();
    s.state.q = els.input.value.trim();
    writeState(s.state, true);
    run(s);
  });
  els.input.addEventListener('input', function () {
    s.typedAt = performance.now();
    clearTimeout(typing);
    typing = setTimeout(function () {
      s.state.q = els.input.value.trim();
      writeState(s.state, false);
      run(s);
    }, 50);
  });
  els.facetsBox.addEventListener('change', function (e) {
    var t = e.target as HTMLInputElement | null;
    if (!t || t.type !== 'radio') return;
    s.state.filters[t.name] = t.value;
    writeState(s.state, false);
    var focusId = t.id;
    run(s).then(function () {
      var again = document.getElementById(focusId);
      if (again) again.focus();
    });
  });
  if (els.more)
    els.more.addEventListener('click', function () {
      if (s.shown < s.current.length) return showMore(s, searchText().highlightTerms(s.state.q));
      s.limit += CHUNKS;
      run(s, true);
    });
  self.addEventListener('popstate', function () {
    s.state = readState();
    els.input.value = s.state.q;
    run(s);
  });
}

const here = (document.currentScript as HTMLScriptElement).src;
const els = elements();
if (els) {
  const engine = createEngine(here);
  /** For tests and the benchmark: the engine this page uses. */
  (self as unknown as { UNHRSearchEngine: unknown }).UNHRSearchEngine = engine;
  const session: Session = { els, engine, state: readState(), token: 0, shown: 0, current: [], limit: CHUNKS, partial: false, typedAt: 0 };
  listen(session);
  arrowKeys(els.list, els.input);
  els.input.value = session.state.q;
  run(session);
}
