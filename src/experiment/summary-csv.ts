import type { MetricSpec } from '../contract/metric-spec.js';
import { summarize } from '../stats/index.js';
import type { RunRecord } from './experiment-runs.js';
import { parameterCells } from './parameter-cells.js';
import { metricCell, toCsv } from './results-csv.js';
import type { ResolvedExperiment } from './resolved-experiment.js';

/** A metric over one point's replications: mean and 95% CI half-width (Student t). */
export interface MetricSummary {
  readonly mean: number | undefined;
  /** Undefined with fewer than two values: one replication gives no interval. */
  readonly ci95: number | undefined;
}

/**
 * `X.summary.csv`: one row per point: experiment, point, the parameter columns,
 * replications, then `<metric>_mean` and `<metric>_ci95` for every metric in model order.
 */
export function summaryCsv(experiment: ResolvedExperiment, metrics: readonly MetricSpec[], records: readonly RunRecord[]): string {
  const metricColumns = metrics.flatMap((metric) => [`${metric.name}_mean`, `${metric.name}_ci95`]);
  const header = ['experiment', 'point', ...experiment.parameterColumns, 'replications', ...metricColumns];
  const byPoint = groupByPoint(records);
  const rows = experiment.points
    .filter((point) => byPoint.has(point.index))
    .map((point) => {
      const pointRecords = byPoint.get(point.index)!;
      const cells = metrics.flatMap((metric) => summaryCells(summarizeMetric(pointRecords, metric.name)));
      const parameters = parameterCells(point, experiment.parameterColumns);
      return [experiment.header.name, String(point.index), ...parameters, String(pointRecords.length), ...cells];
    });
  return toCsv([header, ...rows]);
}

/** Summary of one metric over the replications that have a value for it (empty ones are skipped). */
export function summarizeMetric(records: readonly RunRecord[], metric: string): MetricSummary {
  const { mean, ci95 } = summarize(records.map((record) => record.metrics[metric]));
  return { mean, ci95 };
}

export function groupByPoint(records: readonly RunRecord[]): Map<number, RunRecord[]> {
  const groups = new Map<number, RunRecord[]>();
  for (const record of [...records].sort((a, b) => a.run.index - b.run.index)) {
    const group = groups.get(record.run.point) ?? [];
    group.push(record);
    groups.set(record.run.point, group);
  }
  return groups;
}

function summaryCells(summary: MetricSummary): string[] {
  return [metricCell(summary.mean), metricCell(summary.ci95)];
}
