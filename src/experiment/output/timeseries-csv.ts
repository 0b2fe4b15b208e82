import type { MetricSpec } from '../../contract/metric-spec.js';
import { NS_PER_S, type Nanoseconds } from '../../engine/time.js';
import type { RunRecord } from '../run/experiment-runs.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { timeseriesBucketCount } from '../spec/timeseries-bucket.js';
import { runTableCsv, type RunTable } from './run-table.js';

/** The column that says where in the measured window a row's bucket starts. */
export const TIME_COLUMN = 'time_s';

/**
 * `X.timeseries.csv` (docs/design.md, Contracts, Output files): one row per run and bucket,
 * sorted by point, replication, then bucket. Columns: X.csv's run columns (experiment, point,
 * replication, seed, the parameter columns), `time_s` (the bucket's start in seconds since the
 * start of the measured window), then the scenario's time-series columns in their order; no
 * samples is an empty field. Like X.csv it depends only on the experiment and the records.
 */
export function timeseriesCsv(experiment: ResolvedExperiment, columns: readonly MetricSpec[], records: readonly RunRecord[], bucketWidth: Nanoseconds): string {
  return runTableCsv(experiment, timeseriesTable(bucketWidth, experiment.header.duration), columns, records);
}

/**
 * The time series as a table of rows per run: a row's cell is its bucket's start; a run read
 * back is complete with every bucket of the measured window (`duration`), 0 to n − 1 in order.
 */
export function timeseriesTable(bucketWidth: Nanoseconds, duration: Nanoseconds): RunTable<'timeseries'> {
  const buckets = timeseriesBucketCount(duration, bucketWidth);
  return {
    name: 'timeseries',
    what: 'time series',
    rowColumn: TIME_COLUMN,
    rowCell: (row) => secondsText(row.bucket * bucketWidth),
    rowOf: (cell, values) => ({ bucket: parseSecondsText(cell) / bucketWidth, values }),
    isComplete: (rows) => rows.length === buckets && rows.every((row, i) => row.bucket === i),
  };
}

/**
 * Whole nanoseconds as seconds in plain decimal, exactly: `1.5`, `0.000001`, `120`. Dividing
 * by 1e9 and printing as X.csv prints numbers gives the same text for most times, but `1e-7`
 * for 100 ns; integer arithmetic keeps every start a plain decimal.
 */
export function secondsText(time: Nanoseconds): string {
  const whole = Math.floor(time / NS_PER_S);
  const fraction = time - whole * NS_PER_S;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(9, '0').replace(/0+$/, '')}`;
}

/** A `time_s` cell back in whole nanoseconds (what secondsText wrote); NaN for any other text. */
export function parseSecondsText(text: string): Nanoseconds {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(text);
  if (match === null) return NaN;
  return Number(match[1]) * NS_PER_S + Number((match[2] ?? '').padEnd(9, '0'));
}
