import type { MetricSpec } from '../../contract/metric-spec.js';
import type { RunRecord } from '../run/experiment-runs.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { runTableCsv, type RunTable } from './run-table.js';

/** The column that names a row's Service class. */
export const CLASS_COLUMN = 'class';

/**
 * The per-class figures as a table of rows per run: a row's cell is its class's name; a run
 * read back is complete with at least one class, each once (a scenario has at least one
 * class, and a class named twice is not a run's; a class row cut off is the checksums' to find).
 */
export const CLASS_TABLE: RunTable<'classes'> = {
  name: 'classes',
  what: 'class table',
  rowColumn: CLASS_COLUMN,
  rowCell: (row) => row.name,
  rowOf: (cell, values) => ({ name: cell, values }),
  isComplete: (rows) => rows.length > 0 && new Set(rows.map((row) => row.name)).size === rows.length,
};

/**
 * `X.classes.csv` (docs/design.md, Contracts, Output files): one row per run and Service
 * class, sorted by point, replication, then the scenario's class order. Columns: X.csv's run
 * columns, `class`, then the scenario's per-class columns in their order; no samples is an
 * empty field. Like X.csv it depends only on the experiment and the records.
 */
export function classesCsv(experiment: ResolvedExperiment, columns: readonly MetricSpec[], records: readonly RunRecord[]): string {
  return runTableCsv(experiment, CLASS_TABLE, columns, records);
}
