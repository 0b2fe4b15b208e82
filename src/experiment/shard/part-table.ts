import type { MetricSpec } from '../../contract/metric-spec.js';
import { InputError } from '../../input-error.js';
import { parseCsv } from '../output/csv-rows.js';
import { runTableCsv, type RunTable } from '../output/run-table.js';
import type { RunRecord, RunTableName, RunTableRow } from '../run/experiment-runs.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { metricValue } from './part-records.js';
import type { PartTable, ShardPart } from './shard-part.js';

/**
 * The part's runs (read from its CSV by partRecords) with their rows of one table per run
 * (`X.part-K-of-N.timeseries.csv`, `X.part-K-of-N.classes.csv`). As with the CSV, cells are
 * the shortest round-trip text of each number, every run's rows must be complete (every bucket
 * of the window in order; at least one class, each once), and the file must be exactly what
 * the records give back (no edits), so the merged table is the single run's, byte for byte.
 */
export function withPartTable<N extends RunTableName>(
  part: ShardPart,
  file: PartTable,
  experiment: ResolvedExperiment,
  table: RunTable<N>,
  columns: readonly MetricSpec[],
  records: readonly RunRecord[],
): RunRecord[] {
  const [header, ...rows] = parseCsv(file.text);
  const expectedHeader = runTableCsv(experiment, table, columns, []).trimEnd();
  if (header === undefined || header.join(',') !== expectedHeader) {
    throw new InputError(
      `${file.name}: Expected the columns \`${expectedHeader}\`, got \`${header?.join(',') ?? ''}\`; ` +
        `merge with the eastwest version that wrote the parts (${part.meta.codeVersion})`,
    );
  }
  const rowsByRun = groupByRun(rows, header, experiment, table);
  const withRows = records.map((record) => ({ ...record, [table.name]: rowsByRun.get(record.run.index) ?? [] }) as RunRecord);
  const complete = records.every((record) => table.isComplete(rowsByRun.get(record.run.index) ?? []));
  if (!complete || runTableCsv(experiment, table, columns, withRows) !== file.text) {
    throw new InputError(
      `${file.name}: Expected the ${table.what} of the ${records.length} runs of shard ${part.shard} of ${part.of} as eastwest wrote them, ` +
        'got rows that differ from them (edited, cut short, or from another run)',
    );
  }
  return withRows;
}

/**
 * Rows by run index, in file order. A row of a run the part does not have, or a row cell that
 * is not one a run gives (a time that is not a bucket's start), ends up where the check
 * against the file finds it.
 */
function groupByRun<N extends RunTableName>(rows: readonly string[][], header: readonly string[], experiment: ResolvedExperiment, table: RunTable<N>): Map<number, RunTableRow<N>[]> {
  const firstValue = header.indexOf(table.rowColumn) + 1;
  const names = header.slice(firstValue);
  const byRun = new Map<number, RunTableRow<N>[]>();
  for (const row of rows) {
    const index = Number(row[1]) * experiment.header.replications + Number(row[2]);
    const values = Object.fromEntries(names.map((name, i) => [name, metricValue(row[firstValue + i])]));
    const runRows = byRun.get(index) ?? [];
    runRows.push(table.rowOf(row[firstValue - 1] ?? '', values));
    byRun.set(index, runRows);
  }
  return byRun;
}
