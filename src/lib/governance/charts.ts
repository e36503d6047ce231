/**
 * Bar charts laid out at build time (d3-scale for bands, the value axis and its ticks):
 * the page renders the shapes as inline SVG, with no script in the browser. Every bar
 * carries its category, series and value, and the page prints the same numbers as a table.
 */
import { scaleBand, scaleLinear } from 'd3-scale';

export interface ChartSeries {
  name: string;
  values: readonly number[];
}

export interface Bar {
  category: string;
  series: string;
  /** Index of the series: 0 is drawn solid, 1 hatched, so the two differ without colour. */
  seriesIndex: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarChart {
  width: number;
  height: number;
  /** Plot area. */
  left: number;
  top: number;
  right: number;
  bottom: number;
  bars: Bar[];
  yTicks: { y: number; label: string }[];
  /** Category labels (thinned when there are many). */
  xLabels: { x: number; label: string }[];
  /** Whether values are written above the bars (few categories only). */
  valueLabels: boolean;
  series: string[];
}

const WIDTH = 720;
const HEIGHT = 260;
// The right margin leaves room for half of the last category label, which is centred on its bar.
const MARGIN = { top: 16, right: 28, bottom: 40, left: 40 };

export function barChart(categories: readonly string[], series: readonly ChartSeries[], labelOf: (c: string) => string = (c) => c): BarChart {
  const left = MARGIN.left;
  const right = WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = HEIGHT - MARGIN.bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = scaleBand<string>().domain(categories).range([left, right]).paddingInner(0.2).paddingOuter(0.1);
  const inner = scaleBand<number>().domain(series.map((_, i) => i)).range([0, x.bandwidth()]).paddingInner(0.1);
  const y = scaleLinear().domain([0, max]).nice(5).range([bottom, top]);
  const round = (n: number) => Math.round(n * 10) / 10;
  const bars = series.flatMap((s, i) =>
    categories.map((category, j) => {
      const value = s.values[j] ?? 0;
      return { category, series: s.name, seriesIndex: i, value, x: round(x(category)! + inner(i)!), y: round(y(value)), width: round(inner.bandwidth()), height: round(bottom - y(value)) };
    }),
  );
  const step = Math.ceil(categories.length / 8);
  return {
    width: WIDTH,
    height: HEIGHT,
    left,
    top,
    right,
    bottom,
    bars,
    yTicks: y.ticks(5).filter(Number.isInteger).map((t) => ({ y: round(y(t)), label: String(t) })),
    xLabels: categories.filter((_, i) => (categories.length - 1 - i) % step === 0).map((c) => ({ x: round(x(c)! + x.bandwidth() / 2), label: labelOf(c) })),
    valueLabels: categories.length * series.length <= 16,
    series: series.map((s) => s.name),
  };
}
