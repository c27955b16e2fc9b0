/**
 * Numbers the Chinese way for chart labels: `6.08亿`, `89.7万`, `3.99亿美元`, `43.15%`, `1,128`.
 * Pure, shared by the SVG labels, the data tables and the text alternatives.
 */
import { format } from 'd3-format';

const significant = format('.4~r');
const plain = format(',~r');

/** `value` with 万/亿 above ten thousand, then its unit (`%`, `美元`, or a measure word after a space). */
export function formatZh(value: number, unit = ''): string {
  const abs = Math.abs(value);
  let number: string;
  if (abs >= 1e8) number = `${significant(value / 1e8)}亿`;
  else if (abs >= 1e4) number = `${significant(value / 1e4)}万`;
  else number = plain(value);
  if (!unit) return number;
  return unit === '%' || unit === '美元' ? `${number}${unit}` : `${number} ${unit}`;
}
