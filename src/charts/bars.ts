/**
 * Horizontal bar chart geometry, a pure function of the data (d3-scale, no DOM): each row has
 * its label on its own line(s) above the bar, so long Chinese labels never overlap the bars or
 * each other, and the value is written at the bar's end. The Astro component only writes the SVG.
 */
import { scaleLinear } from 'd3-scale';
import { formatZh } from './format.ts';

export interface BarDatum {
  label: string;
  value: number;
  /** The whole the others are parts of: drawn first, in a neutral colour. */
  total?: boolean;
  /** Palette slot; by default parts take the next colour in turn. */
  colour?: number;
}

export interface BarRow {
  label: { lines: string[]; x: number; y: number; lineHeight: number };
  bar: { x: number; y: number; width: number; height: number };
  value: { text: string; x: number; y: number };
  /** Palette slot (0-based) for parts; `-1` for the total. */
  colour: number;
}

export interface BarGeometry {
  width: number;
  height: number;
  fontSize: number;
  rows: BarRow[];
}

export interface BarOptions {
  /** viewBox width; the SVG scales to its box, so this sets the label size relative to it. */
  width?: number;
  fontSize?: number;
  unit?: string | undefined;
  /** Upper end of the value axis (defaults to the largest value). */
  max?: number;
}

/** Width of a string in em (an upper bound for Noto Sans CJK): CJK and full-width 1, `%` 0.9, capitals 0.7, others 0.6. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f—]/.test(ch) ? 1 : /[%MW@]/.test(ch) ? 0.9 : /[A-Z]/.test(ch) ? 0.7 : 0.6;
  return w;
}

/** Break a label into lines of at most `maxEm` em, never inside a run of Latin letters or digits. */
export function wrapLabel(label: string, maxEm: number): string[] {
  const tokens = label.match(/[A-Za-z0-9.,%/()\-]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidth(line + token) > maxEm) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export function barChart(data: readonly BarDatum[], options: BarOptions = {}): BarGeometry {
  const width = options.width ?? 340;
  const fontSize = options.fontSize ?? 14;
  const lineHeight = Math.round(fontSize * 1.3);
  const barHeight = Math.round(fontSize * 1.1);
  const gap = Math.round(fontSize * 0.8);
  const values = data.map((d) => formatZh(d.value, options.unit));
  const valueRoom = Math.max(...values.map((v) => textWidth(v))) * fontSize + 6;
  const x = scaleLinear()
    .domain([0, options.max ?? (Math.max(...data.map((d) => d.value), 0) || 1)])
    .range([0, width - valueRoom]);

  let y = 0;
  let colour = 0;
  const rows = data.map((d, i): BarRow => {
    const lines = wrapLabel(d.label, width / fontSize);
    const labelY = y + fontSize;
    const barY = y + lines.length * lineHeight + 3;
    const barWidth = Math.max(x(d.value), d.value > 0 ? 1 : 0);
    y = barY + barHeight + gap;
    return {
      label: { lines, x: 0, y: round(labelY), lineHeight },
      bar: { x: 0, y: round(barY), width: round(barWidth), height: barHeight },
      value: { text: values[i]!, x: round(barWidth + 4), y: round(barY + barHeight / 2) },
      colour: d.total ? -1 : (d.colour ?? colour++),
    };
  });
  return { width, height: round(y - gap + 2), fontSize, rows };
}

const round = (n: number) => Math.round(n * 100) / 100;
