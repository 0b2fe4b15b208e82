import { stringify } from 'csv-stringify/sync';
import type { MetricSpec } from '../../contract/metric-spec.js';
import type { RunId, RunRecord } from '../run/experiment-runs.js';
import { parameterCells } from '../spec/parameter-cells.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { formatNumber } from '../spec/written-value.js';

/**
 * `X.csv`: one row per run, sorted by point then replication (docs/design.md, Contracts). Columns:
 * experiment, point, replication, seed, the parameter columns, then the model's metrics in
 * the model's order; a metric with no samples is an empty field, never a made-up 0.
 */
export function resultsCsv(experiment: ResolvedExperiment, metrics: readonly MetricSpec[], records: readonly RunRecord[]): string {
  const header = [...runColumns(experiment), ...metrics.map((m) => m.name)];
  const rows = [...records]
    .sort((a, b) => a.run.index - b.run.index)
    .map((record) => [...runCells(experiment, record.run), ...metrics.map((metric) => metricCell(record.metrics[metric.name]))]);
  return toCsv([header, ...rows]);
}

/** The columns that say which run a row is of, ahead of its figures: X.csv's and X.timeseries.csv's. */
export function runColumns(experiment: ResolvedExperiment): string[] {
  return ['experiment', 'point', 'replication', 'seed', ...experiment.parameterColumns];
}

/** A run's cells under `runColumns`. */
export function runCells(experiment: ResolvedExperiment, run: RunId): string[] {
  const point = experiment.points[run.point];
  return [
    experiment.header.name,
    String(run.point),
    String(run.replication),
    String(experiment.header.seed),
    ...parameterCells(point, experiment.parameterColumns),
  ];
}

export function metricCell(value: number | undefined): string {
  return value === undefined ? '' : formatNumber(value);
}

/** RFC 4180 CSV with `\n` line ends; csv-stringify quotes only fields that need it. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], { record_delimiter: 'unix' });
}
