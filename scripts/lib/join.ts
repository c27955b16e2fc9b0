/**
 * Re-joining lines that the PDF wrapped: no space between CJK characters, one space between
 * Latin words, nothing inside a URL (whether or not it broke at a hyphen).
 */

const URL_TOKEN = /(?:https?:\/\/|www\d?\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff<>]*$/i;
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
      if (sep) parts.push(sep);
      parts.push(b);
      tail = (tail + sep + b).slice(-TAIL);
    },
    text: () => parts.join(''),
  };
}

/** What goes between the end of one line (`a`, trimmed) and the next (`b`, trimmed): a space or nothing. */
function joint(a: string, b: string, knownUrls: ReadonlySet<string>): '' | ' ' {
  const url = URL_TOKEN.exec(a);
  if (url && URL_CONTINUATION.test(b) && continuesUrl(url[0], b, knownUrls)) return '';
  if (LATIN_END.test(a) && LATIN_START.test(b)) return ' ';
  // UN Chinese typesetting puts a space between an ideograph and a Latin word or number.
  if ((/[A-Za-z0-9]$/.test(a) && IDEOGRAPH_START.test(b)) || (IDEOGRAPH_END.test(a) && /^[A-Za-z0-9]/.test(b))) return ' ';
  return '';
}

/**
 * A URL at the end of a line continues on the next line when the joined text is (a prefix of)
 * a known link target, or, with no known target, when the line broke right after a URL
 * separator (`-`, `_`, `/`, `.`) or inside a path segment.
 */
function continuesUrl(head: string, next: string, knownUrls: ReadonlySet<string>): boolean {
  const tail = /^[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff<>]*/.exec(next)![0].replace(/[。，；.]+$/, '');
  const joined = head + tail;
  for (const known of knownUrls) {
    if (known.endsWith(joined) || known.includes(joined)) return true;
  }
  return /[-_/.]$/.test(head) || /\/[^/]*[A-Za-z0-9]$/.test(head);
}
