/**
 * On every page (classic script, deferred): `/` focuses the search box, and a page opened from
 * a search result (`?q=…#p-12`) marks the query's terms in the text, the landing block first.
 */
(function () {
  'use strict';
  var here = document.currentScript && document.currentScript.src;

  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var box = document.getElementById('search-q') || document.getElementById('site-q');
    if (!box) return;
    e.preventDefault();
    box.focus();
    box.select();
  });

  var q = '';
  try {
    q = (new URLSearchParams(location.search).get('q') || '').trim();
  } catch (e) {
    return;
  }
  var body = document.querySelector('.report-body');
  if (!q || !body || !here) return;

  function mark(root, terms) {
    var T = self.UNHRSearchText;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var count = 0;
    nodes.forEach(function (node) {
      if (node.parentNode.closest('mark, button, script')) return;
      var runs = T.markRuns(node.nodeValue, terms);
      if (runs.length === 1 && !runs[0].hit) return;
      var frag = document.createDocumentFragment();
      runs.forEach(function (r) {
        if (!r.hit) return frag.appendChild(document.createTextNode(r.text));
        var m = document.createElement('mark');
        m.className = 'search-hit';
        m.textContent = r.text;
        frag.appendChild(m);
        count++;
      });
      node.parentNode.replaceChild(frag, node);
    });
    return count;
  }

  var s = document.createElement('script');
  s.src = new URL('match.js', here).href;
  s.onload = function () {
    var terms = self.UNHRSearchText.highlightTerms(q);
    if (!terms.length) return;
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) target.classList.add('search-target');
    mark(body, terms);
    if (target) target.scrollIntoView({ block: 'start' });
  };
  document.head.appendChild(s);
})();
