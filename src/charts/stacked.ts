/**
 * One stacked bar for parts of a whole that add up to 100 % (shares): segments side by side in
 * proportion, then a legend row per part (swatch, label, value), so that no label has to fit
 * inside a thin segment. Pure, like bars.ts; the Astro component only writes the SVG.
 */
import { scaleLinear } from 'd3-scale';
import { textWidth, wrapLabel } from './bars.ts';
import { formatZh } from './format.ts';

export interface StackedDatum {
  label: string;
  value: number;
}

export interface StackedGeometry {
  width: number;
  height: number;
  fontSize: number;
  segments: { x: number; y: number; width: number; height: number; colour: number }[];
  legend: {
    swatch: { x: number; y: number; size: number };
    label: { lines: string[]; x: number; y: number; lineHeight: number };
    value: { text: string; x: number; y: number };
    colour: number;
  }[];
}

/** Whether shares read as one whole: at least two, none negative, adding up to 100 (±0.5). */
export function isWhole(values: readonly number[]): boolean {
  return values.length >= 2 && values.every((v) => v >= 0) && Math.abs(values.reduce((t, v) => t + v, 0) - 100) <= 0.5;
}

export function stackedBar(data: readonly StackedDatum[], options: { width?: number; fontSize?: number; unit?: string | undefined } = {}): StackedGeometry {
  const width = options.width ?? 340;
  const fontSize = options.fontSize ?? 14;
  const lineHeight = Math.round(fontSize * 1.3);
  const barHeight = Math.round(fontSize * 1.6);
  const total = data.reduce((t, d) => t + d.value, 0) || 1;
  const x = scaleLinear().domain([0, total]).range([0, width]);
  let at = 0;
  const segments = data.map((d, i) => {
    const seg = { x: round(x(at)), y: 0, width: round(x(at + d.value) - x(at)), height: barHeight, colour: i };
    at += d.value;
    return seg;
  });
  const swatch = Math.round(fontSize * 0.8);
  const values = data.map((d) => formatZh(d.value, options.unit));
  const valueRoom = Math.max(...values.map((v) => textWidth(v))) * fontSize;
  const labelX = swatch + 6;
  const labelEm = (width - labelX - valueRoom - 8) / fontSize;
  let y = barHeight + Math.round(fontSize * 0.9);
  const legend = data.map((d, i) => {
    const lines = wrapLabel(d.label, labelEm);
    const baseline = y + fontSize;
    const row = {
      swatch: { x: 0, y: round(baseline - swatch), size: swatch },
      label: { lines, x: labelX, y: round(baseline), lineHeight },
      value: { text: values[i]!, x: round(width - textWidth(values[i]!) * fontSize), y: round(baseline) },
      colour: i,
    };
    y += lines.length * lineHeight + Math.round(fontSize * 0.3);
    return row;
  });
  return { width, height: round(y + 2), fontSize, segments, legend };
}

const round = (n: number) => Math.round(n * 100) / 100;
