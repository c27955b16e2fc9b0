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
