import type { Baseline, ExperimentPoint, MetricSummary, ResolvedExperiment, RunRecord } from '../experiment/index.js';
import { differenceSummary, groupByPoint, summarizeMetric } from '../experiment/index.js';
import type { TableColumn } from './table-columns.js';

/** One point of the table after a run: its replications and the figures of each column. */
export interface TableRow {
  readonly point: ExperimentPoint;
  readonly replications: number;
  /** By column name (`columnName`). */
  readonly figures: ReadonlyMap<string, MetricSummary>;
}

/** `request_latency_p50_ms`, or `request_latency_p50_ms_diff` for its difference from the baseline. */
export function columnName(column: TableColumn): string {
  return column.diff ? `${column.metric}_diff` : column.metric;
}

/**
 * The rows of the table: every point with runs, in point order, with each column's mean (and
 * 95% CI) over replications, or its paired difference from the baseline point, as the summary
 * CSV computes them, so the table and the summary agree to the last digit.
 */
export function tableRows(experiment: ResolvedExperiment, records: readonly RunRecord[], columns: readonly TableColumn[], baseline?: Baseline): TableRow[] {
  const byPoint = groupByPoint(records);
  return experiment.points
    .filter((point) => byPoint.has(point.index))
    .map((point) => {
      const own = byPoint.get(point.index)!;
      const partner = baseline?.partners.get(point.index);
      const partnerRecords = partner === undefined ? undefined : byPoint.get(partner);
      const figures = new Map(
        columns.map((column) => [columnName(column), column.diff ? differenceSummary(own, partnerRecords, column.metric) : summarizeMetric(own, column.metric)]),
      );
      return { point, replications: own.length, figures };
    });
}
