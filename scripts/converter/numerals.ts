/** Chinese numerals (一 … 九十九) ↔ numbers, and superscript digits → numbers. */

const DIGITS = '〇一二三四五六七八九';

export function fromChinese(text: string): number | undefined {
  if (!/^[〇一二三四五六七八九十百]+$/.test(text)) return undefined;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS.indexOf(ch);
    }
  }
  return total + current;
}

export function toChinese(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

export function fromSuperscript(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 10 + SUPERSCRIPTS.indexOf(ch);
  return n;
}
