import type { MetricSpec, MetricValues } from '../../contract/metric-spec.js';
import { sortRecords, tableRows, type RunRecord, type RunTableName, type RunTableRow } from '../run/experiment-runs.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { metricCell, runCells, runColumns, toCsv } from './results-csv.js';

/**
 * A table of rows per run written beside X.csv (docs/design.md, Contracts, Output files):
 * X.timeseries.csv (a row per bucket) and X.classes.csv (a row per Service class). Both are
 * written, journaled, sharded, merged and checked by one mechanism; what differs is here: the
 * column that tells a run's rows apart, how a row's cell there is written and read back, and
 * when a run's rows read back from a file are all it had.
 */
export interface RunTable<N extends RunTableName = RunTableName> {
  readonly name: N;
  /** In messages: `time series`, `class table`. */
  readonly what: string;
  /** The column between the run columns and the figures: `time_s`, `class`. */
  readonly rowColumn: string;
  /** A row's cell under `rowColumn`. */
  rowCell(row: RunTableRow<N>): string;
  /** A row read back from its cell under `rowColumn` and its figures; a cell no row gives makes a row the check against the file finds. */
  rowOf(cell: string, values: MetricValues): RunTableRow<N>;
  /** Whether a run's rows as read back are all a run gives (a file cut short lacks some). */
  isComplete(rows: readonly RunTableRow<N>[]): boolean;
}

/**
 * The table's CSV: one row per run and row of the run, sorted by point and replication, then
 * in the run's order. Columns: X.csv's run columns (experiment, point, replication, seed, the
 * parameter columns), the table's row column, then `columns` in their order; no samples is an
 * empty field. Like X.csv it depends only on the experiment and the records.
 */
export function runTableCsv<N extends RunTableName>(experiment: ResolvedExperiment, table: RunTable<N>, columns: readonly MetricSpec[], records: readonly RunRecord[]): string {
  const header = [...runColumns(experiment), table.rowColumn, ...columns.map((column) => column.name)];
  const rows = sortRecords(records).flatMap((record) => {
    const run = runCells(experiment, record.run);
    return (tableRows(record, table.name) ?? []).map((row) => [...run, table.rowCell(row), ...columns.map((column) => metricCell(row.values[column.name]))]);
  });
  return toCsv([header, ...rows]);
}
