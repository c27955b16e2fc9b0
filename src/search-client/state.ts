/**
 * The search page's state in its address: `search.html?q=…&报告=…&类型=…`, so a search can be
 * linked, reloaded and walked back through with the browser's history.
 */
import { FACETS, type Filters } from './engine.ts';

/** The query and the chosen filters. */
export interface State {
  q: string;
  filters: Filters;
}

/** The query string of a state: `q` first, then each chosen filter in facet order. */
export function stateParams(state: State): URLSearchParams {
  var p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  FACETS.forEach(function (k) {
    const v = state.filters[k];
    if (v) p.set(k, v);
  });
  return p;
}

/** The state the page's address holds. */
export function readState(): State {
  var p = new URLSearchParams(location.search);
  var filters: Filters = {};
  FACETS.forEach(function (k) {
    filters[k] = p.get(k) || '';
  });
  return { q: (p.get('q') || '').trim(), filters: filters };
}

/** Put the state in the address: a new history entry (`push`) or in place of the current one. */
export function writeState(state: State, push: boolean): void {
  var p = stateParams(state);
  var url = location.pathname + (p.toString() ? '?' + p.toString() : '');
  try {
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  } catch {
    /* file:// may refuse history changes; the page still works. */
  }
}
