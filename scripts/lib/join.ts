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

/** Join `next` onto `prev` as one wrapped line of the same text. */
export function joinLines(prev: string, next: string, knownUrls: ReadonlySet<string> = new Set()): string {
  const a = prev.replace(/\s+$/, '');
  const b = next.replace(/^\s+/, '');
  if (a === '') return b;
  if (b === '') return a;
  const url = URL_TOKEN.exec(a);
  if (url && URL_CONTINUATION.test(b) && continuesUrl(url[0], b, knownUrls)) return a + b;
  if (LATIN_END.test(a) && LATIN_START.test(b)) return `${a} ${b}`;
  // UN Chinese typesetting puts a space between an ideograph and a Latin word or number.
  if ((/[A-Za-z0-9]$/.test(a) && IDEOGRAPH_START.test(b)) || (IDEOGRAPH_END.test(a) && /^[A-Za-z0-9]/.test(b))) {
    return `${a} ${b}`;
  }
  return a + b;
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
