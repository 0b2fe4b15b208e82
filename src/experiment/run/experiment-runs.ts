import type { MetricValues } from '../../contract/metric-spec.js';
import type { ClassRow, TimeseriesRow } from '../../contract/scenario-model.js';

/**
 * One run: a point and a replication. `index` numbers runs point-major (point × replications
 * + replication), the order shards, `--only` and the journal will refer to (docs/design.md, Contracts).
 */
export interface RunId {
  readonly index: number;
  readonly point: number;
  readonly replication: number;
}

/** What one run produced; wall-clock figures go to the meta only, never the CSV. */
export interface RunRecord {
  readonly run: RunId;
  readonly metrics: MetricValues;
  readonly warnings: readonly string[];
  readonly events: number;
  /** Wall seconds spent building the scenario (the cluster), reported apart from running. */
  readonly buildSeconds: number;
  readonly runSeconds: number;
  /** Which worker ran it, from 0 (0 when runs go in-process); meta only. */
  readonly worker: number;
  /**
   * One row per bucket of the measured window, buckets 0, 1, ... in order, when the run was
   * asked for a time series (`--timeseries`); absent otherwise, so journals and records of
   * runs without one are as they always were.
   */
  readonly timeseries?: readonly TimeseriesRow[];
  /**
   * One row per Service class, in the scenario's class order, when the scenario declares class
   * columns (X.classes.csv); absent otherwise, as `timeseries` is.
   */
  readonly classes?: readonly ClassRow[];
}

/**
 * The tables of rows per run a record may carry besides its metrics, each kept under its own
 * name (the record's field, the meta's `files` and `checksums` key, the file `X.<name>.csv`),
 * with the field that tells a run's rows apart and its type. Journals, parts and the output
 * set carry every one of them the same way.
 */
export const RUN_TABLES = {
  timeseries: { rowField: 'bucket', type: 'number' },
  classes: { rowField: 'name', type: 'string' },
} as const;

export type RunTableName = keyof typeof RUN_TABLES;

export const RUN_TABLE_NAMES = Object.keys(RUN_TABLES) as RunTableName[];

/** One row of the table `name` as a record holds it: a TimeseriesRow or a ClassRow. */
export type RunTableRow<N extends RunTableName = RunTableName> = NonNullable<RunRecord[N]>[number];

/** The rows of table `name` a record carries (undefined: it has none). */
export function tableRows<N extends RunTableName>(record: RunRecord, name: N): readonly RunTableRow<N>[] | undefined {
  return record[name] as readonly RunTableRow<N>[] | undefined;
}

/** Every run of the experiment in index order. */
export function listRuns(pointCount: number, replications: number): RunId[] {
  const runs: RunId[] = [];
  for (let point = 0; point < pointCount; point++) {
    for (let replication = 0; replication < replications; replication++) {
      runs.push({ index: point * replications + replication, point, replication });
    }
  }
  return runs;
}

/** Records sorted by point, then replication: the CSV's row order whatever order runs finished in. */
export function sortRecords(records: readonly RunRecord[]): RunRecord[] {
  return [...records].sort((a, b) => a.run.index - b.run.index);
}

/** `point 3, replication 1 (run 7)` */
export function describeRun(run: RunId): string {
  return `point ${run.point}, replication ${run.replication} (run ${run.index})`;
}
