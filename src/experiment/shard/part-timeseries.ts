import type { MetricSpec } from '../../contract/metric-spec.js';
import type { TimeseriesRow } from '../../contract/scenario-model.js';
import type { Nanoseconds } from '../../engine/time.js';
import { InputError } from '../../input-error.js';
import { parseCsv } from '../output/csv-rows.js';
import { parseSecondsText, TIME_COLUMN, timeseriesCsv } from '../output/timeseries-csv.js';
import type { RunRecord } from '../run/experiment-runs.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { timeseriesBucketCount } from '../spec/timeseries-bucket.js';
import { metricValue } from './part-records.js';
import type { PartTimeseries, ShardPart } from './shard-part.js';

/**
 * The part's runs (read from its CSV by partRecords) with their time series from its
 * `X.part-K-of-N.timeseries.csv`. As with the CSV, cells are the shortest round-trip text of
 * each number, every run must have every bucket of the window in order, and the file must be
 * exactly what the records give back (no edits), so the merged X.timeseries.csv is the single
 * run's, byte for byte.
 */
export function withPartTimeseries(part: ShardPart, experiment: ResolvedExperiment, columns: readonly MetricSpec[], records: readonly RunRecord[]): RunRecord[] {
  const timeseries = part.timeseries;
  if (timeseries === undefined) throw new Error(`withPartTimeseries: ${part.name} has no time series`);
  const [header, ...rows] = parseCsv(timeseries.text);
  const expectedHeader = timeseriesCsv(experiment, columns, [], timeseries.bucketWidth).trimEnd();
  if (header === undefined || header.join(',') !== expectedHeader) {
    throw new InputError(
      `${timeseries.name}: Expected the columns \`${expectedHeader}\`, got \`${header?.join(',') ?? ''}\`; ` +
        `merge with the eastwest version that wrote the parts (${part.meta.codeVersion})`,
    );
  }
  const rowsByRun = groupByRun(rows, header, experiment, timeseries.bucketWidth);
  const withSeries = records.map((record) => ({ ...record, timeseries: rowsByRun.get(record.run.index) ?? [] }));
  const buckets = timeseriesBucketCount(experiment.header.duration, timeseries.bucketWidth);
  const complete = withSeries.every((record) => hasEveryBucket(record.timeseries, buckets));
  if (!complete || timeseriesCsv(experiment, columns, withSeries, timeseries.bucketWidth) !== timeseries.text) {
    throw notAsWritten(part, timeseries, records.length);
  }
  return withSeries;
}

/** Buckets 0 to count − 1, in order: a run's rows as the run wrote them (a cut file lacks some). */
function hasEveryBucket(rows: readonly TimeseriesRow[], count: number): boolean {
  return rows.length === count && rows.every((row, i) => row.bucket === i);
}

/**
 * Rows by run index, in file order. A row of a run the part does not have, or a time that is
 * not a bucket's start, ends up where the check against the file finds it.
 */
function groupByRun(rows: readonly string[][], header: readonly string[], experiment: ResolvedExperiment, width: Nanoseconds): Map<number, TimeseriesRow[]> {
  const firstValue = header.indexOf(TIME_COLUMN) + 1;
  const names = header.slice(firstValue);
  const byRun = new Map<number, TimeseriesRow[]>();
  for (const row of rows) {
    const index = Number(row[1]) * experiment.header.replications + Number(row[2]);
    const values = Object.fromEntries(names.map((name, i) => [name, metricValue(row[firstValue + i])]));
    const series = byRun.get(index) ?? [];
    series.push({ bucket: parseSecondsText(row[firstValue - 1] ?? '') / width, values });
    byRun.set(index, series);
  }
  return byRun;
}

function notAsWritten(part: ShardPart, timeseries: PartTimeseries, runs: number): InputError {
  return new InputError(
    `${timeseries.name}: Expected the time series of the ${runs} runs of shard ${part.shard} of ${part.of} as eastwest wrote them, ` +
      'got rows that differ from them (edited, cut short, or from another run)',
  );
}
