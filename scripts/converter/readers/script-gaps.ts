/**
 * Where a PDF's gap between Chinese and Latin letters or digits is a space: almost never. UN
 * Chinese documents are typed without a space between an ideograph and a number or Latin word
 * (`第52/9号决议`, `2026年5月4日`, `见CRC/C/SR.1588`); Word and LibreOffice then set a gap of about
 * a quarter em there (their spacing between Asian and Latin text), which a PDF keeps only as
 * positions. pdf.js turns any gap of 0.1–0.6 em inside a run into a space, so the PDF's text
 * says `第 52/9 号` whether or not a space was typed; a typed space, where one is, is a third of an
 * em or less and cannot be told from the automatic gap (LibreOffice sets the two alike). So a gap
 * between the two scripts inside a line is no space, unless it is wide: an em or more, an
 * ideograph's width left blank, more than either spacing gives (docs/input-formats.md, "Spaces
 * between Chinese and Latin"). White space is not text the accounting counts (ledger.ts counts
 * non-space characters), so no character is lost: the PDF never held a typed space apart from
 * its gap.
 */

import { acrossScripts } from '../chars.ts';

/** A gap between the scripts at least this many ems wide is a space (over 1.2 ems, a tab stop). */
export const WIDE_GAP_EMS = 1;

/** Whether the characters `a` and `b` (either order) are Chinese on one side and a Latin letter or digit on the other. */
export function meetAcrossScripts(a: string, b: string): boolean {
  return acrossScripts(a.charCodeAt(0), b.charCodeAt(0));
}

/** `s` without the spaces pdf.js put between Chinese and a Latin letter or digit inside one run (`第 52/9 号` → `第52/9号`). */
export function closeScriptGaps(s: string): string {
  if (!s.includes(' ')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ' ' && out) {
      let j = i;
      while (j < s.length && s[j] === ' ') j++;
      if (j < s.length && meetAcrossScripts(out.at(-1)!, s[j]!)) {
        i = j - 1;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}
