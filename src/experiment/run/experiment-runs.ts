import type { MetricValues } from '../../contract/metric-spec.js';
import type { TimeseriesRow } from '../../contract/scenario-model.js';

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
