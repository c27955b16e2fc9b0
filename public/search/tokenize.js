/**
 * The search text rules, shared by the build (Node loads this file, see
 * scripts/search/tokenize.ts) and the browser (a classic script, so it also runs from file://).
 * One file, so the index and the query are always cut the same way.
 *
 * - UN document symbols and resolution numbers (`A/HRC/40/3`, `48/141`, `2391(2017)`) become one
 *   key each (`uaqhrcq40q3x`): search engines drop the punctuation that tells them apart, the
 *   key keeps it, and its end mark stops `A/HRC/40/3` prefix-matching `A/HRC/40/38`.
 * - Chinese runs become overlapping character pairs (bigrams), the same at index and query
 *   time, so no word list decides what can be found (used by the offline index).
 */
(function (root) {
  'use strict';
  var SYMBOL = /[A-Za-z0-9][A-Za-z0-9.\-]*(?:\/[A-Za-z0-9][A-Za-z0-9.\-]*)+(?:\s?\(\d{4}\))?|\d+\s?\(\d{4}\)/g;
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var WORD = /[a-z0-9]+/g;

  /** The key of one symbol as written: `A/HRC/40/38` → `uaqhrcq40q38x`. */
  function symbolKey(symbol) {
    var parts = symbol.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    return 'u' + parts.join('q') + 'x';
  }

  /** The symbols written in a text, trailing dots and dashes left out. */
  function symbolsIn(text) {
    var out = [];
    var m;
    SYMBOL.lastIndex = 0;
    while ((m = SYMBOL.exec(text))) out.push(m[0].replace(/[.\-]+$/, ''));
    return out;
  }

  /** NFKC (full-width letters and digits become ASCII), lower case. */
  function fold(text) {
    return String(text).normalize('NFKC').toLowerCase();
  }

  function pushCjk(run, out) {
    if (run.length === 1) out.push(run);
    for (var i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }

  /**
   * Index-time tokens: symbol keys, Chinese bigrams (a lone character stays a unigram),
   * and ASCII words and numbers.
   */
  function tokenize(text) {
    var s = fold(text);
    var out = symbolsIn(s).map(symbolKey);
    var m;
    CJK.lastIndex = 0;
    while ((m = CJK.exec(s))) pushCjk(m[0], out);
    WORD.lastIndex = 0;
    while ((m = WORD.exec(s))) out.push(m[0]);
    return out;
  }

  /**
   * Query-time tokens: as `tokenize`, but a symbol in the query stands only for its key
   * (its pieces `a`, `hrc`, `40` would match every symbol of the same series).
   */
  function tokenizeQuery(query) {
    var s = fold(query);
    var out = symbolsIn(s).map(symbolKey);
    s = s.replace(SYMBOL, ' ');
    var m;
    CJK.lastIndex = 0;
    while ((m = CJK.exec(s))) pushCjk(m[0], out);
    WORD.lastIndex = 0;
    while ((m = WORD.exec(s))) out.push(m[0]);
    return out.filter(function (t, i) { return out.indexOf(t) === i; });
  }

  /**
   * The query as the hosted engine (Pagefind) should see it: symbols replaced by their keys,
   * the rest unchanged.
   */
  function hostedQuery(query) {
    var s = String(query).normalize('NFKC').trim();
    return s.replace(SYMBOL, function (sym) { return ' ' + symbolKey(sym.replace(/[.\-]+$/, '')) + ' '; }).replace(/\s+/g, ' ').trim();
  }

  /** What to highlight for a query: its symbols as written, and its other words. */
  function highlightTerms(query) {
    var s = String(query).normalize('NFKC').trim();
    var terms = symbolsIn(s);
    s.replace(SYMBOL, ' ').split(/[\s,，、;；:：。!！?？"“”'‘’()（）]+/).forEach(function (t) {
      if (t) terms.push(t);
    });
    return terms.filter(function (t, i) { return terms.indexOf(t) === i; }).sort(function (a, b) { return b.length - a.length; });
  }

  /**
   * Split a text into runs for display: `[{ text, hit }]`, where `hit` marks a query term.
   * Symbols also match with a space before the year (`2391 (2017)`).
   */
  function markRuns(text, terms) {
    if (!terms.length) return [{ text: text, hit: false }];
    var pattern = terms.map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\(/g, '\\s?\\(');
    }).join('|');
    var re = new RegExp(pattern, 'gi');
    var out = [];
    var last = 0;
    var m;
    while ((m = re.exec(text))) {
      if (m[0] === '') { re.lastIndex++; continue; }
      if (m.index > last) out.push({ text: text.slice(last, m.index), hit: false });
      out.push({ text: m[0], hit: true });
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last), hit: false });
    return out;
  }

  /** A window of about `size` characters around the first hit, with ellipses where cut. */
  function excerpt(text, terms, size) {
    size = size || 120;
    var runs = markRuns(text, terms);
    var at = 0;
    for (var i = 0; i < runs.length; i++) {
      if (runs[i].hit) break;
      at += runs[i].text.length;
    }
    if (at >= text.length) at = 0;
    var start = Math.max(0, Math.min(at - Math.floor(size / 3), text.length - size));
    var end = Math.min(text.length, start + size);
    var cut = (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
    return markRuns(cut, terms);
  }

  function squashed(text) {
    return String(text).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  }

  /** The parts of a query as written, for phrase matching: `外地办事处`, `a/hrc/40/38`. */
  function phraseParts(query) {
    return String(query).normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  }

  /** Does a text hold every part of the query as written (spaces ignored)? */
  function holdsPhrase(text, query) {
    var t = squashed(text);
    var parts = phraseParts(query);
    return parts.length > 0 && parts.every(function (p) { return t.indexOf(p) >= 0; });
  }

  /**
   * The score that orders blocks holding the query as written, the same for both engines:
   * a heading first (the section named by the query), then BM25 over the phrase's occurrences
   * with the block's length in characters.
   */
  function phraseScore(record, query) {
    var t = squashed(record.text);
    var tf = 0;
    phraseParts(query).forEach(function (p) {
      for (var at = t.indexOf(p); at >= 0; at = t.indexOf(p, at + p.length)) tf++;
    });
    var s = (tf * 2.4) / (tf + 1.4 * (0.25 + (0.75 * t.length) / 120));
    return (record.kind === 'heading' ? 10 : 0) + s;
  }

  /**
   * The words of a query as the hosted engine (Pagefind) searches them: symbols as keys, the
   * rest cut by the browser's word segmenter, punctuation dropped, lower case. The last query's
   * words are kept: a search asks for them once per block.
   */
  var lastWords = { query: null, words: [] };
  function hostedWords(query) {
    if (lastWords.query === query) return lastWords.words.slice();
    var q = hostedQuery(query);
    var words = [];
    var parts = typeof Intl !== 'undefined' && Intl.Segmenter
      ? Array.from(new Intl.Segmenter('zh', { granularity: 'word' }).segment(q), function (s) { return s.segment; })
      : q.split(/\s+/);
    parts.forEach(function (w) {
      w = w.replace(/[\p{P}\s]+/gu, ' ').toLowerCase();
      w.split(' ').forEach(function (x) { if (x) words.push(x); });
    });
    lastWords = { query: query, words: words };
    return words.slice();
  }

  /**
   * Does one block match a hosted query? Pagefind matches a chunk of blocks when every query word
   * is somewhere in it; a block of that chunk is a hit when it holds every word itself: a symbol
   * key among its keys, any other word in its text.
   */
  function blockMatches(record, query) {
    var words = hostedWords(query);
    if (!words.length) return false;
    var t = squashed(record.text);
    var keys = record.keys || [];
    return words.every(function (w) {
      return t.indexOf(w) >= 0 || keys.some(function (k) { return k.indexOf(w) === 0; });
    });
  }

  /**
   * Order search hits: records holding the query as written first, by `phraseScore` (ties by
   * address), then the others in the engine's order. `records[i]` is the data of hit i.
   */
  function rankHits(records, query) {
    var idx = records.map(function (r, i) { return i; });
    var held = idx.filter(function (i) { return holdsPhrase(records[i].text, query); });
    var scores = {};
    held.forEach(function (i) { scores[i] = phraseScore(records[i], query); });
    held.sort(function (a, b) {
      return scores[b] - scores[a] || (records[a].url < records[b].url ? -1 : records[a].url > records[b].url ? 1 : 0);
    });
    return held.concat(idx.filter(function (i) { return !(i in scores); }));
  }

  root.UNHRSearchText = {
    holdsPhrase: holdsPhrase,
    hostedWords: hostedWords,
    blockMatches: blockMatches,
    phraseScore: phraseScore,
    rankHits: rankHits,
    symbolKey: symbolKey,
    symbolsIn: symbolsIn,
    tokenize: tokenize,
    tokenizeQuery: tokenizeQuery,
    hostedQuery: hostedQuery,
    highlightTerms: highlightTerms,
    markRuns: markRuns,
    excerpt: excerpt,
  };
})(typeof self !== 'undefined' ? self : globalThis);
