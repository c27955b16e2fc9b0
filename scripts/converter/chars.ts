/**
 * Character tests as loops over UTF-16 code units, for the hot paths that would otherwise run a
 * regular expression over every line (the text accounting, the blank-run cap). Each gives exactly
 * what its regular-expression form gives (tests/converter/chars.test.ts compares them on random text).
 */

/** Whether a UTF-16 code unit is white space as JavaScript's `\s` defines it. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** `text.replace(/\s+/g, '').length`: the non-whitespace code units of a string. */
export function nonSpaceLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return n;
}

/** Whether `text` holds a run of at least `n` white-space code units. */
export function hasSpaceRun(text: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) run = 0;
    else if (++run >= n) return true;
  }
  return false;
}

/** Ideographs (with extension A and compatibility forms), CJK punctuation and full-width forms. */
function chinese(c: number): boolean {
  return (
    (c >= 0x3001 && c <= 0x303f) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff01 && c <= 0xffef)
  );
}

function latinOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Whether two neighbouring characters (UTF-16 code units, either order) are Chinese on one side
 * and a Latin letter or digit on the other: where UN Chinese documents type no space, and
 * extractions and PDFs often show one (readers/script-gaps.ts, join.ts).
 */
export function acrossScripts(a: number, b: number): boolean {
  return (chinese(a) && latinOrDigit(b)) || (latinOrDigit(a) && chinese(b));
}

function ideograph(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * How often `text` sets an ideograph and a Latin letter or digit side by side (`tight`) and with
 * spaces between (`spaced`). Punctuation is left out: no extraction spaces `《2030` or `.pdf。`.
 */
export function scriptJoints(text: string): { tight: number; spaced: number } {
  let tight = 0;
  let spaced = 0;
  let last = -1;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      gap = true;
      continue;
    }
    if (last >= 0 && ((ideograph(last) && latinOrDigit(c)) || (latinOrDigit(last) && ideograph(c)))) {
      if (gap) spaced++;
      else tight++;
    }
    last = c;
    gap = false;
  }
  return { tight, spaced };
}
