import { hasNumbers } from './chart-choice.js';
import { plotSvg, type PlotContext } from './plot-svg.js';
import type { ResultsTable } from './results-table.js';

/** One chart of a report: its file name in the report folder, what it shows and its SVG. */
export interface ReportChart {
  readonly file: string;
  readonly value: string;
  readonly svg: string;
  /** From the time series rather than the summary. */
  readonly overTime: boolean;
}

/**
 * A report's charts, with plot's defaults: one per headline metric that has a number in the
 * summary (`<metric>.svg`, means and 95% intervals), then with a time series one per column
 * that has a number (`timeseries-<column>.svg`, the mean over replications per bucket). A
 * headline metric with no samples anywhere (network programming latency without churn) gets
 * no chart: index.md names it instead.
 */
export async function reportCharts(summary: ResultsTable, timeseries: ResultsTable | undefined, context: PlotContext, notes: string[]): Promise<ReportChart[]> {
  const charts: ReportChart[] = [];
  for (const value of context.defaultYs.filter((metric) => summary.valueColumns.includes(metric) && hasNumbers(summary, metric))) {
    const chart = await plotSvg(summary, { y: [value] }, context);
    notes.push(...chart.notes);
    charts.push({ file: `${value}.svg`, value, svg: chart.svg, overTime: false });
  }
  for (const value of timeseries?.valueColumns.filter((column) => hasNumbers(timeseries, column)) ?? []) {
    const chart = await plotSvg(timeseries!, { y: [value] }, context);
    notes.push(...chart.notes);
    charts.push({ file: `timeseries-${value}.svg`, value, svg: chart.svg, overTime: true });
  }
  return charts;
}
