/**
 * Numbers split by extraction (docs/un-document-anatomy.md §9.2): the UN's HTML renderings of
 * Word files break a digit run where its formatting changes, leaving one space inside the number
 * (`联合国 · 201 6 年`, `报备的有 7 5 项`). Chinese never sets two numbers side by side before one
 * year or one measure word, and a thousands group is three digits (`35 000 名` stays as it is), so a
 * run, one space and a run of one or two digits before `年` (together a year) or a measure word is
 * one number: the space is removed. Only white space changes, so the text accounting (non-space
 * characters, ledger.ts) is the same before and after.
 */

import { MEASURES } from './figures/mentions.ts';

/** A run, one space, one or two digits, then `年` or a measure word (figures/mentions.ts). */
const SPLIT = new RegExp(`(?<![\\d.,] ?)(\\d{1,3}) (\\d{1,2})(?=\\s?([年${MEASURES}]))`, 'g');

/** `line` with every number split by one space (as above) joined again. */
export function joinSplitNumbers(line: string): string {
  if (!/\d \d/.test(line)) return line;
  return line.replace(SPLIT, (whole: string, head: string, tail: string, after: string) => {
    const joined = head + tail;
    if (after !== '年') return joined;
    return /^(?:19|20)\d\d$/.test(joined) ? joined : whole;
  });
}
