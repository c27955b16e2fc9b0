/**
 * A series over years as a dot plot joined by a line: x by year (a linear scale, so gaps between
 * years show), y from zero, each dot labelled with its value above it and its year below the
 * axis. Used when a series has more than two points; two points stay bars. Pure (d3-scale, d3-shape).
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { textWidth } from './bars.ts';
import { formatZh } from './format.ts';

export interface DotDatum {
  year: number;
  value: number;
}

export interface DotGeometry {
  width: number;
  height: number;
  fontSize: number;
  /** The SVG path joining the dots in year order. */
  path: string;
  axis: { x1: number; x2: number; y: number };
  dots: { cx: number; cy: number; r: number; value: { text: string; x: number; y: number }; year: { text: string; x: number; y: number } }[];
}

export function dotPlot(
  data: readonly DotDatum[],
  options: { width?: number; height?: number; fontSize?: number; unit?: string | undefined } = {},
): DotGeometry {
  const width = options.width ?? 340;
  const fontSize = options.fontSize ?? 14;
  const sorted = [...data].sort((a, b) => a.year - b.year);
  const texts = sorted.map((d) => formatZh(d.value, options.unit));
  // Room for the widest value label centred on the first and last dot.
  const pad = Math.max(textWidth('2000') * fontSize, ...texts.map((t) => textWidth(t) * fontSize)) / 2 + 2;
  const plotTop = fontSize + 6;
  const axisY = (options.height ?? 180) - fontSize - 8;
  const years = sorted.map((d) => d.year);
  const x = scaleLinear()
    .domain([Math.min(...years), Math.max(...years) === Math.min(...years) ? Math.min(...years) + 1 : Math.max(...years)])
    .range([pad, width - pad]);
  const y = scaleLinear()
    .domain([0, Math.max(...sorted.map((d) => d.value), 0) || 1])
    .range([axisY - 4, plotTop]);
  const points = sorted.map((d) => [round(x(d.year)), round(y(d.value))] as [number, number]);
  const dots = sorted.map((d, i) => ({
    cx: points[i]![0],
    cy: points[i]![1],
    r: 4,
    value: { text: texts[i]!, x: points[i]![0], y: round(points[i]![1] - 8) },
    year: { text: String(d.year), x: points[i]![0], y: round(axisY + fontSize + 4) },
  }));
  return { width, height: round(axisY + fontSize + 8), fontSize, path: line()(points) ?? '', axis: { x1: 0, x2: width, y: axisY }, dots };
}

const round = (n: number) => Math.round(n * 100) / 100;
