import { stringify } from 'csv-stringify/sync';
import type { MetricSpec } from '../../contract/metric-spec.js';
import type { RunRecord } from '../run/experiment-runs.js';
import { parameterCells } from '../spec/parameter-cells.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { formatNumber } from '../spec/written-value.js';

/**
 * `X.csv`: one row per run, sorted by point then replication (docs/design.md, Contracts). Columns:
 * experiment, point, replication, seed, the parameter columns, then the model's metrics in
 * the model's order; a metric with no samples is an empty field, never a made-up 0.
 */
export function resultsCsv(experiment: ResolvedExperiment, metrics: readonly MetricSpec[], records: readonly RunRecord[]): string {
  const header = ['experiment', 'point', 'replication', 'seed', ...experiment.parameterColumns, ...metrics.map((m) => m.name)];
  const rows = [...records]
    .sort((a, b) => a.run.index - b.run.index)
    .map((record) => resultRow(experiment, metrics, record));
  return toCsv([header, ...rows]);
}

function resultRow(experiment: ResolvedExperiment, metrics: readonly MetricSpec[], record: RunRecord): string[] {
  const { run } = record;
  const point = experiment.points[run.point];
  return [
    experiment.header.name,
    String(run.point),
    String(run.replication),
    String(experiment.header.seed),
    ...parameterCells(point, experiment.parameterColumns),
    ...metrics.map((metric) => metricCell(record.metrics[metric.name])),
  ];
}

export function metricCell(value: number | undefined): string {
  return value === undefined ? '' : formatNumber(value);
}

/** RFC 4180 CSV with `\n` line ends; csv-stringify quotes only fields that need it. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], { record_delimiter: 'unix' });
}
