import type { MetricSpec } from '../contract/metric-spec.js';
import { axisTitle } from './axis-title.js';
import { chooseChart, type PlotRequest } from './chart-choice.js';
import { chartPoints, xScaleOf } from './chart-points.js';
import { chartSpec } from './chart-spec.js';
import { renderSvg } from './render-svg.js';
import { columnCells, type ResultsTable } from './results-table.js';

/** What a chart is titled and measured by, besides the table. */
export interface PlotContext {
  /** Every column spec the model declares (metrics, time-series and class columns), for units. */
  readonly specs: readonly MetricSpec[];
  /** y when the request names none: the model's headline metrics. */
  readonly defaultYs: readonly string[];
}

export interface PlotResult {
  readonly svg: string;
  /** The values on y, one panel each, in order. */
  readonly ys: readonly string[];
  /** What the chart left out, for stderr. */
  readonly notes: readonly string[];
}

/**
 * A chart of an eastwest table as SVG text (`eastwest plot`, and `eastwest report`'s charts):
 * the request checked and completed (chart-choice.ts), one panel per value on y, stacked.
 * A request the table cannot satisfy is an InputError naming the option.
 */
export async function plotSvg(table: ResultsTable, request: PlotRequest, context: PlotContext): Promise<PlotResult> {
  const choice = chooseChart(table, request, context.defaultYs);
  const xScale = xScaleOf(table, choice);
  const notes: string[] = [];
  const panels = choice.ys.map((y) => ({ y, yTitle: axisTitle(y, context.specs), points: chartPoints(table, choice, y, xScale, notes) }));
  const layout = {
    title: `${table.rows[0]?.[0] ?? ''}: ${subtitle(table)}`,
    xTitle: choice.x === 'time_s' ? axisTitle('time_s', context.specs) : choice.x,
    choice,
    xScale,
    summarized: table.kind === 'summary',
    overTime: table.kind === 'timeseries',
  };
  const svg = await renderSvg(chartSpec(layout, panels));
  return { svg, ys: choice.ys, notes };
}

/** What the marks are, for the chart's title. */
function subtitle(table: ResultsTable): string {
  if (table.kind === 'timeseries') return 'mean over replications, per time bucket';
  if (table.kind !== 'summary') return 'each run; line through the means';
  const single = columnCells(table, 'replications').every((cell) => cell === '1');
  return single ? 'one replication per point, no interval' : 'mean and 95% CI over replications';
}
