/**
 * On every page (classic script, deferred): `/` focuses the search box, and a page opened from
 * a search result (`?q=…#p-12`) marks the query's terms in the text, the landing block first.
 * Bundled to `search/page.js` (src/integrations/search-client.ts); loads `search/match.js` only
 * when there is something to mark.
 */
import type * as Match from '../../scripts/model/match.ts';

const searchText = (): typeof Match => (self as unknown as { UNHRSearchText: typeof Match }).UNHRSearchText;

(function () {
  const here = (document.currentScript as HTMLScriptElement | null)?.src;

  document.addEventListener('keydown', function (e: KeyboardEvent) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    const box = (document.getElementById('search-q') || document.getElementById('site-q')) as HTMLInputElement | null;
    if (!box) return;
    e.preventDefault();
    box.focus();
    box.select();
  });

  let q = '';
  try {
    q = (new URLSearchParams(location.search).get('q') || '').trim();
  } catch {
    return;
  }
  const body = document.querySelector('.report-body');
  if (!q || !body || !here) return;

  function mark(root: Element, terms: string[]): number {
    const T = searchText();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    let count = 0;
    nodes.forEach(function (node) {
      const parent = node.parentElement;
      if (!parent || parent.closest('mark, button, script')) return;
      const runs = T.markRuns(node.nodeValue ?? '', terms);
      if (runs.length === 1 && !runs[0]!.hit) return;
      const frag = document.createDocumentFragment();
      runs.forEach(function (r) {
        if (!r.hit) {
          frag.appendChild(document.createTextNode(r.text));
          return;
        }
        const m = document.createElement('mark');
        m.className = 'search-hit';
        m.textContent = r.text;
        frag.appendChild(m);
        count++;
      });
      parent.replaceChild(frag, node);
    });
    return count;
  }

  const s = document.createElement('script');
  s.src = new URL('match.js', here).href;
  s.onload = function () {
    const terms = searchText().highlightTerms(q);
    if (!terms.length) return;
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) target.classList.add('search-target');
    mark(body, terms);
    if (target) target.scrollIntoView({ block: 'start' });
  };
  document.head.appendChild(s);
})();
