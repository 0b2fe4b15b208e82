import type { MetricSpec } from '../../contract/metric-spec.js';
import { pairedDifference, summarize } from '../../stats/index.js';
import type { RunRecord } from '../run/experiment-runs.js';
import { parameterCells } from '../spec/parameter-cells.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import type { Baseline } from './baseline.js';
import { metricCell, toCsv } from './results-csv.js';

/** A metric over one point's replications: mean and 95% CI half-width (Student t). */
export interface MetricSummary {
  readonly mean: number | undefined;
  /** Undefined with fewer than two values: one replication gives no interval. */
  readonly ci95: number | undefined;
}

/**
 * `X.summary.csv`: one row per point: experiment, point, the parameter columns,
 * replications, then `<metric>_mean` and `<metric>_ci95` for every metric in model order.
 * With a baseline, `<metric>_diff` and `<metric>_diff_ci95` follow for every metric (after all
 * the means, so the columns without a baseline keep their places).
 */
export function summaryCsv(experiment: ResolvedExperiment, metrics: readonly MetricSpec[], records: readonly RunRecord[], baseline?: Baseline): string {
  const metricColumns = metrics.flatMap((metric) => [`${metric.name}_mean`, `${metric.name}_ci95`]);
  const diffColumns = baseline === undefined ? [] : metrics.flatMap((metric) => [`${metric.name}_diff`, `${metric.name}_diff_ci95`]);
  const header = ['experiment', 'point', ...experiment.parameterColumns, 'replications', ...metricColumns, ...diffColumns];
  const byPoint = groupByPoint(records);
  const rows = experiment.points
    .filter((point) => byPoint.has(point.index))
    .map((point) => {
      const pointRecords = byPoint.get(point.index)!;
      const cells = metrics.flatMap((metric) => summaryCells(summarizeMetric(pointRecords, metric.name)));
      const partner = baseline?.partners.get(point.index);
      const partnerRecords = partner === undefined ? undefined : byPoint.get(partner);
      const diffs = baseline === undefined ? [] : metrics.flatMap((metric) => summaryCells(differenceSummary(pointRecords, partnerRecords, metric.name)));
      const parameters = parameterCells(point, experiment.parameterColumns);
      return [experiment.header.name, String(point.index), ...parameters, String(pointRecords.length), ...cells, ...diffs];
    });
  return toCsv([header, ...rows]);
}

/** Summary of one metric over the replications that have a value for it (empty ones are skipped). */
export function summarizeMetric(records: readonly RunRecord[], metric: string): MetricSummary {
  const { mean, ci95 } = summarize(records.map((record) => record.metrics[metric]));
  return { mean, ci95 };
}

/**
 * The paired difference point − baseline, replication by replication (common random numbers:
 * replication r of both points saw the same random streams); empty without a partner.
 */
export function differenceSummary(records: readonly RunRecord[], baseline: readonly RunRecord[] | undefined, metric: string): MetricSummary {
  if (baseline === undefined) return { mean: undefined, ci95: undefined };
  const byReplication = new Map(baseline.map((record) => [record.run.replication, record.metrics[metric]]));
  const paired = records.filter((record) => byReplication.has(record.run.replication));
  const { mean, ci95 } = pairedDifference(
    paired.map((record) => record.metrics[metric]),
    paired.map((record) => byReplication.get(record.run.replication)),
  );
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
