/**
 * Drawing the search page's results and filters from what the engine found: each report once
 * (a document page is a group of its own) with its best matches under it, the terms marked, and
 * the filters with the number of matches each value would give.
 */
import type * as Match from '../../scripts/model/match.ts';
import { FACETS, searchText, type Counts, type Hit } from './engine.ts';
import { stateParams, type State } from './state.ts';

/** The matches of one report, or one document page. */
export interface Group {
  key: string;
  first: Hit;
  hits: Hit[];
}

/** Matches shown under each report (the rest behind its "all matches" link). */
var PER_GROUP = 3;
var KIND_ORDER = ['报告', '段落', '章节', '注释', '图表', '文件'];

/** An element with attributes (`text` sets its text) and children. */
export function el(tag: string, attrs: Record<string, string>, children?: (Node | null)[]): HTMLElement {
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

/** Text runs with the query's terms in `<mark>`. */
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

/** One facet's fieldset: 全部, then each value with a match (or chosen), with its count. */
function drawFacet(state: State, facet: string, c: Record<string, number>): HTMLElement {
  var chosen = state.filters[facet] || '';
  var values = Object.keys(c).filter(function (v) {
    return (c[v] || 0) > 0 || v === chosen;
  });
  if (chosen && values.indexOf(chosen) < 0) values.push(chosen);
  var box = el('fieldset', { class: 'facet' }, [el('legend', { text: facet })]);
  [''].concat(sortValues(facet, values)).forEach(function (v) {
    var id = 'f-' + facet + '-' + (v || 'all');
    var radio = el('input', { type: 'radio', name: facet, value: v, id: id }) as HTMLInputElement;
    if (chosen === v) radio.checked = true;
    var label = el('label', { for: id }, [document.createTextNode(v || '全部')]);
    if (v) label.appendChild(el('span', { class: 'count', text: String(c[v] || 0) }));
    box.appendChild(el('div', { class: 'facet-option' }, [radio, label]));
  });
  return box;
}

/** Every facet into `box`, which is shown. */
export function drawFacets(box: HTMLElement, state: State, counts: Counts): void {
  box.textContent = '';
  FACETS.forEach(function (facet) {
    box.appendChild(drawFacet(state, facet, counts[facet] || {}));
  });
  box.hidden = false;
}

/** A page address with the query added, for the landing page to mark it. */
function withQuery(href: string, q: string): string {
  var hash = href.indexOf('#');
  return (hash < 0 ? href : href.slice(0, hash)) + '?q=' + encodeURIComponent(q) + (hash < 0 ? '' : href.slice(hash));
}

/** The matches of each report (a document page is a group of its own), in the order of their best match. */
export function groupHits(hits: Hit[]): Group[] {
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

function drawHit(d: Hit, terms: string[], q: string): HTMLElement {
  var T = searchText();
  var kind = ({ heading: '章节', paragraph: '段落', note: '注释', figure: '图表' } as Record<string, string>)[d.kind] || '';
  var where = [d.section, d.place].filter(Boolean).join(' · ') || kind;
  // A heading is its own link text: no excerpt repeats it.
  return el('li', { class: 'result', 'data-url': d.url }, [
    el('a', { href: withQuery(d.url, q), class: 'result-link' }, [marked(T.markRuns(where, terms))]),
    d.kind === 'heading' ? null : el('p', { class: 'result-excerpt' }, [marked(T.excerpt(d.text, terms, 110))]),
  ]);
}

/** The link to every match of a report: the same search with that report's filter. */
function allMatchesLink(g: Group, passages: number, state: State): HTMLElement {
  var report = String(g.first.filters['报告']);
  var p = stateParams(state);
  p.set('报告', report);
  return el('a', { class: 'group-all', href: '?' + p.toString(), 'data-report': report }, [document.createTextNode('本报告全部 ' + passages + ' 处匹配')]);
}

/**
 * What matched in a report, after its symbol, year and body: its passages are counted ("N 处匹配");
 * the report itself (its title, symbols, author, body, session or year) is said in words, never
 * counted as a passage, so a report found by its symbol alone does not read "1 处匹配".
 */
function matchedText(own: boolean, passages: number): string {
  return [own ? '报告本身相符' : '', passages ? passages + ' 处匹配' : ''].filter(Boolean).join(' · ');
}

/** The line under a report's title: symbol, year and body (the terms marked when the report itself matched), then what matched. */
function groupMeta(g: Group, own: Hit | undefined, passages: number, terms: string[]): HTMLElement {
  var T = searchText();
  var d = g.first;
  var doc = d.kind === 'document';
  var f = d.filters || {};
  var fields = (doc ? [d.place] : [d.symbol, f['年份'], f['机构']]).filter(Boolean).join(' · ');
  var matched = doc ? '' : matchedText(Boolean(own), passages);
  var text = [fields, matched].filter(Boolean).join(' · ');
  if (!own) return el('p', { class: 'group-meta', text: text });
  var line = el('p', { class: 'group-meta result', 'data-url': own.url }, [marked(T.markRuns(fields, terms))]);
  if (matched) line.appendChild(document.createTextNode((fields ? ' · ' : '') + matched));
  return line;
}

/**
 * One report: its title, symbol, year and body once, its best matches under it and, when it
 * has more, a link to all of them (the search with this report's filter). When the report
 * itself matches (its symbol or title), that match is the title and the line under it, with
 * the terms marked. `all`: every match, not the best few.
 */
export function drawGroup(g: Group, terms: string[], all: boolean, state: State): HTMLElement {
  var T = searchText();
  var d = g.first;
  var doc = d.kind === 'document';
  var own = g.hits.filter(function (h) {
    return h.kind === 'report';
  })[0];
  var blocks = g.hits.filter(function (h) {
    return h !== own;
  });
  var shownHits = all ? blocks : blocks.slice(0, PER_GROUP);
  var items = [
    el('h2', { class: 'group-title' }, [
      el('a', { href: withQuery(d.url.split('#')[0]!, state.q), class: 'group-link' }, [marked(T.markRuns(d.title, terms))]),
    ]),
    groupMeta(g, own, blocks.length, terms),
  ];
  if (doc) items.push(el('p', { class: 'result-excerpt result', 'data-url': d.url }, [marked(T.excerpt(d.text, terms, 110))]));
  else if (shownHits.length)
    items.push(
      el(
        'ol',
        { class: 'group-hits' },
        shownHits.map(function (h) {
          return drawHit(h, terms, state.q);
        }),
      ),
    );
  if (!doc && shownHits.length < blocks.length) items.push(allMatchesLink(g, blocks.length, state));
  return el('li', { class: 'result-group', 'data-report': g.key }, items);
}

/** The status line after a search: nothing found, or how many matches on how many pages (and how much was read). */
export function statusText(q: string, pages: number, matches: number, partial: boolean, found: number, read: number): string {
  if (matches === 0 && !partial) return '没有找到与“' + q + '”相符的结果。请换一个词语，或取消筛选条件。';
  return (
    '在 ' + pages + ' 个页面中找到 ' + matches + ' 处匹配' + (partial ? '（按相关度读了 ' + found + ' 个文本块中的前 ' + read + ' 个，可显示更多）' : '') + '。'
  );
}
