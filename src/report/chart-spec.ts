import type { ChartChoice } from './chart-choice.js';
import type { ChartPoint, XScale } from './chart-points.js';

/** One panel: a value on y and its marks. */
export interface ChartPanel {
  readonly y: string;
  readonly yTitle: string;
  readonly points: readonly ChartPoint[];
}

export interface ChartLayout {
  readonly title: string;
  readonly xTitle: string;
  readonly choice: ChartChoice;
  readonly xScale: XScale;
  /** Means with error bars (a summary): one mark per row, no averaging. */
  readonly summarized: boolean;
  /** A time series: lines only, the mean over replications per bucket. */
  readonly overTime: boolean;
}

/** Small multiples per row of a panel before they wrap. */
const FACET_COLUMNS = 3;
const WIDTH = 360;
const HEIGHT = 220;

type Spec = Record<string, unknown>;

/**
 * The vega-lite spec of a chart: one panel per value, stacked. Each panel draws a symbol per
 * row of the table (its mean, with the 95% interval as a rule, for a summary), and on a numeric
 * x a line through the means per colour; a time series draws only the lines. The remaining
 * swept parameters split a panel into small multiples sharing its axes.
 */
export function chartSpec(layout: ChartLayout, panels: readonly ChartPanel[]): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: layout.title, anchor: 'start' },
    background: 'white',
    vconcat: panels.map((panel) => panelSpec(layout, panel)),
    config: { legend: { labelLimit: 0, titleLimit: 0 }, axis: { titleLimit: 0 } },
  };
}

function panelSpec(layout: ChartLayout, panel: ChartPanel): Spec {
  const layers = { width: WIDTH, height: HEIGHT, layer: layersOf(layout, panel) };
  const data = { values: panel.points };
  if (layout.choice.facets.length === 0) return { data, ...layers };
  const order = [...new Set(panel.points.map((point) => point.facet ?? ''))];
  return {
    data,
    facet: { field: 'facet', type: 'nominal', title: null, sort: order, header: { labelLimit: 0, labelFontSize: 11 } },
    columns: Math.min(FACET_COLUMNS, order.length),
    spec: layers,
  };
}

function layersOf(layout: ChartLayout, panel: ChartPanel): Spec[] {
  const nominal = layout.xScale.type === 'nominal';
  const colorOrder = [...new Set(panel.points.map((point) => point.color ?? ''))];
  const x = xEncoding(layout);
  const color = layout.choice.color === undefined ? {} : { color: { field: 'color', type: 'nominal', title: layout.choice.color, sort: colorOrder } };
  const offset = nominal && layout.choice.color !== undefined ? { xOffset: { field: 'color', type: 'nominal', sort: colorOrder } } : {};
  const yScale = layout.choice.logY ? { type: 'log' } : linearYScale(panel.points);
  const y = { field: 'y', type: 'quantitative', title: panel.yTitle, scale: yScale };
  const meanY = layout.summarized ? y : { ...y, aggregate: 'mean' };
  const layers: Spec[] = [];
  if (!nominal) layers.push({ mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y: meanY, ...color } });
  if (!layout.overTime) layers.push({ mark: { type: 'point', filled: true, size: 36, opacity: 0.9 }, encoding: { x, y, ...color, ...offset } });
  if (panel.points.some((point) => point.lower !== undefined)) {
    layers.push({
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: { x, y: { field: 'lower', type: 'quantitative', scale: yScale }, y2: { field: 'upper' }, ...color, ...offset },
    });
  }
  return layers;
}

/**
 * Differences between points are what a chart is for, so a linear y axis starts near the data,
 * not at 0; a value that is the same everywhere (0 errors) gets an axis from 0 instead of one
 * whose ticks all round to it.
 */
function linearYScale(points: readonly ChartPoint[]): Spec {
  const values = points.flatMap((point) => [point.y, point.lower ?? point.y, point.upper ?? point.y]);
  const constant = values.every((value) => value === values[0]);
  if (!constant) return { zero: false };
  return values[0] === 0 || values.length === 0 ? { domain: [0, 1] } : { zero: true };
}

/** Ticks at the swept values themselves when there are few, so each point sits on a labelled tick. */
const MAX_TICKS_AT_VALUES = 12;

function xEncoding(layout: ChartLayout): Spec {
  const { xScale, xTitle } = layout;
  if (xScale.type === 'nominal') return { field: 'x', type: 'nominal', title: xTitle, sort: xScale.order, axis: { labelAngle: 0 } };
  const scale = xScale.type === 'log' ? { type: 'log' } : { zero: false };
  const axis = xScale.values.length <= MAX_TICKS_AT_VALUES ? { axis: { values: xScale.values } } : {};
  return { field: 'x', type: 'quantitative', title: xTitle, scale, ...axis };
}
