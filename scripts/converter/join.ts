/**
 * Re-joining lines that the PDF wrapped: no space between CJK characters, one space between
 * Latin words, nothing inside a URL (whether or not it broke at a hyphen), and between Chinese
 * and a Latin letter or digit whatever the paragraph does elsewhere.
 */

import { scriptJoints } from './chars.ts';

/** What ends a URL token: white space, CJK punctuation and ideographs, full-width forms, `<>`. */
const URL_STOP = /[\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff<>]/;
const URL_START = /https?:\/\/|www\d?\./i;
const LATIN_END = /[A-Za-z0-9\u00c0-\u024f%)]$/;
const LATIN_START = /^[A-Za-z0-9\u00c0-\u024f(]/;
const IDEOGRAPH_START = /^[\u4e00-\u9fff]/;
const IDEOGRAPH_END = /[\u4e00-\u9fff]$/;
const URL_CONTINUATION = /^[A-Za-z0-9_\-./?=&%#~+]/;

/** How much of the text before a join the end-anchored tests look at (a URL is never longer). */
const TAIL = 2100;

/** Join `next` onto `prev` as one wrapped line of the same text. */
export function joinLines(prev: string, next: string, knownUrls: ReadonlySet<string> = new Set()): string {
  const joiner = lineJoiner(prev, knownUrls);
  joiner.add(next);
  return joiner.text();
}

export interface LineJoiner {
  add(next: string): void;
  text(): string;
}

/**
 * Joins wrapped lines onto `first` one by one, as repeated `joinLines` would, in time linear in
 * the result: each joint is decided from the last characters only and the pieces are
 * concatenated once at the end (a report can wrap megabytes into one paragraph).
 */
export function lineJoiner(first: string, knownUrls: ReadonlySet<string> = new Set()): LineJoiner {
  const parts: string[] = first ? [first] : [];
  let tail = first.slice(-TAIL);
  // Joints between Chinese and a Latin letter or digit follow the paragraph's own spacing,
  // decided once all its lines are in (see `joint`).
  const across = new Set<number>();
  const seen = scriptJoints(tail);
  const retail = () => {
    let t = '';
    for (let i = parts.length - 1; i >= 0 && t.length < TAIL; i--) t = parts[i] + t;
    tail = t.slice(-TAIL);
  };
  return {
    add(next) {
      if (/\s$/.test(tail)) {
        while (parts.length) {
          const last = parts.pop()!.trimEnd();
          if (last) {
            parts.push(last);
            break;
          }
        }
        retail();
      }
      const b = next.trimStart();
      if (b === '') return;
      if (!parts.length) {
        parts.push(b);
        tail = b.slice(-TAIL);
        return;
      }
      const sep = joint(tail, b, knownUrls);
      if (sep === ACROSS) across.add(parts.push(' ') - 1);
      else if (sep) parts.push(sep);
      parts.push(b);
      const inB = scriptJoints(b);
      seen.tight += inB.tight;
      seen.spaced += inB.spaced;
      tail = (tail + (sep && ' ') + b).slice(-TAIL);
    },
    text: () => {
      const space = seen.tight > seen.spaced ? '' : ' ';
      return parts.map((p, i) => (across.has(i) ? space : p)).join('');
    },
  };
}

/** A joint between Chinese and a Latin letter or digit: decided by the paragraph's spacing. */
const ACROSS = 'across';

/**
 * What goes between the end of one line (`a`, trimmed) and the next (`b`, trimmed): a space,
 * nothing, or, between Chinese and a Latin letter or digit, what the paragraph does elsewhere:
 * UN Chinese documents type no space there (`2026年5月4日`, `第52/9号`), text extracted from a PDF
 * often has one at every such place (`2026 年 5 月 4 日`); the wrap follows whichever the
 * paragraph's own lines do more often, a space when they never meet.
 */
function joint(a: string, b: string, knownUrls: ReadonlySet<string>): '' | ' ' | typeof ACROSS {
  const url = urlAtEnd(a);
  if (url && URL_CONTINUATION.test(b) && continuesUrl(url, b, knownUrls)) return '';
  if (LATIN_END.test(a) && LATIN_START.test(b)) return ' ';
  if ((/[A-Za-z0-9]$/.test(a) && IDEOGRAPH_START.test(b)) || (IDEOGRAPH_END.test(a) && /^[A-Za-z0-9]/.test(b))) return ACROSS;
  return '';
}

/**
 * The URL the text ends with, if any: from the first `http(s)://` or `www.` in the last run of
 * URL characters. A scan back to that run's start, not an end-anchored pattern (which retried
 * from every `www.` and was quadratic).
 */
function urlAtEnd(text: string): string | undefined {
  let start = text.length;
  while (start > 0 && !URL_STOP.test(text[start - 1]!)) start--;
  const run = text.slice(start);
  const m = URL_START.exec(run);
  return m ? run.slice(m.index) : undefined;
}

/**
 * A URL at the end of a line continues on the next line when the joined text is (a prefix of)
 * a known link target, or, with no known target, when the line broke right after a URL
 * separator (`-`, `_`, `/`, `.`) or inside a path segment.
 */
function continuesUrl(head: string, next: string, knownUrls: ReadonlySet<string>): boolean {
  let tail = /^[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff<>]*/.exec(next)![0];
  while (tail && '。，；.'.includes(tail.at(-1)!)) tail = tail.slice(0, -1);
  if (knownUrls.size && substrings(knownUrls).has(head + tail)) return true;
  return /[-_/.]$/.test(head) || /\/[^/]*[A-Za-z0-9]$/.test(head);
}

/** Answers "is this a substring of some known URL?" in time linear in the question. */
interface SubstringIndex {
  has(text: string): boolean;
}

const indexes = new WeakMap<ReadonlySet<string>, SubstringIndex>();

/**
 * The substring index of a set of URLs, built once per set (a report re-joins many lines
 * against the same set): a suffix automaton over the URLs, linear in their total length,
 * where looping over every URL per join was quadratic.
 */
function substrings(urls: ReadonlySet<string>): SubstringIndex {
  let index = indexes.get(urls);
  if (!index) indexes.set(urls, (index = suffixAutomaton([...urls])));
  return index;
}

function suffixAutomaton(words: string[]): SubstringIndex {
  const next: Map<string, number>[] = [new Map()];
  const link: number[] = [-1];
  const len: number[] = [0];
  for (const word of words) {
    let last = 0;
    for (const ch of word) {
      // Generalised construction: a state for this word may already exist (a shared prefix).
      const existing = next[last]!.get(ch);
      if (existing !== undefined && len[existing] === len[last]! + 1) {
        last = existing;
        continue;
      }
      const cur = existing === undefined ? next.push(new Map()) - 1 : -1;
      if (cur >= 0) len[cur] = len[last]! + 1;
      let p = last;
      while (cur >= 0 && p !== -1 && !next[p]!.has(ch)) {
        next[p]!.set(ch, cur);
        p = link[p]!;
      }
      if (cur >= 0 && p === -1) {
        link[cur] = 0;
        last = cur;
        continue;
      }
      const q = next[p]!.get(ch)!;
      if (len[p]! + 1 === len[q]) {
        if (cur >= 0) link[cur] = q;
        last = cur >= 0 ? cur : q;
        continue;
      }
      const clone = next.push(new Map(next[q])) - 1;
      len[clone] = len[p]! + 1;
      link[clone] = link[q]!;
      while (p !== -1 && next[p]!.get(ch) === q) {
        next[p]!.set(ch, clone);
        p = link[p]!;
      }
      link[q] = clone;
      if (cur >= 0) link[cur] = clone;
      last = cur >= 0 ? cur : clone;
    }
  }
  return {
    has(text) {
      let state = 0;
      for (const ch of text) {
        const to = next[state]!.get(ch);
        if (to === undefined) return false;
        state = to;
      }
      return true;
    },
  };
}
