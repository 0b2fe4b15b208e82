import { relative } from 'node:path';
import type { Baseline, OutputPaths, ResolvedExperiment, RunRecord } from '../experiment/index.js';
import { renderSummaryTable } from './summary-table.js';
import type { ColumnChoice } from './table-columns.js';
import type { TableFormat } from './table-format.js';
import { tableCsv, tableJson } from './table-output.js';

/** What the table after a run shows and how: the columns, the format, and the baseline for `_diff` columns. */
export interface TableSettings {
  readonly choice: ColumnChoice;
  readonly format: TableFormat;
  readonly baseline?: Baseline;
}

/** The end of `run` and `merge`, split by stream. */
export interface FinalReport {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * What `run` and `merge` print at the end: the table of means and the files written. As a
 * terminal table both go to stdout; as CSV or JSON only the data does, so it pipes into
 * another program, and the files written go to stderr. A shard's part gets no table (its
 * points lack the other shards' replications), but the merge command that joins the parts.
 */
export function finalReport(experiment: ResolvedExperiment, records: readonly RunRecord[], files: OutputPaths, cwd: string, table: TableSettings): FinalReport {
  const shown = (path: string): string => {
    const near = relative(cwd, path);
    return near.startsWith('..') ? path : near;
  };
  const written = [files.csv, files.summary, files.timeseries, files.classes, files.meta].filter((path): path is string => path !== undefined).map(shown);
  const wrote = [`Wrote ${written[0]}`, ...written.slice(1).map((path) => `      ${path}`)];
  if (files.summary === undefined) {
    const parts = shown(files.csv).replace(/\.part-\d+-of-(\d+)\.csv$/, '.part-*-of-$1.csv');
    const whole = shown(files.csv).replace(/\.part-\d+-of-\d+\.csv$/, '.csv');
    const notes = lines([...wrote, `When every shard is done: eastwest merge ${parts} --out ${whole}`]);
    return table.format === 'table' ? { stdout: notes, stderr: '' } : { stdout: '', stderr: notes };
  }
  const columns = table.choice.groups.flat();
  if (table.format === 'csv') return { stdout: tableCsv(experiment, records, columns, table.baseline), stderr: lines(wrote) };
  if (table.format === 'json') return { stdout: tableJson(experiment, records, columns, table.baseline), stderr: lines(wrote) };
  const replications = new Set(records.map((record) => record.run.replication)).size;
  const differences = table.baseline === undefined ? [] : [`A _diff column is the paired difference from ${table.baseline.text}, ± its 95% CI.`];
  const stdout = lines([
    renderSummaryTable(experiment, records, table.choice, { baseline: table.baseline }),
    '',
    `Means over ${replications} replication${replications === 1 ? '' : 's'}; every metric with its 95% CI is in the summary.`,
    ...differences,
    ...wrote,
  ]);
  return { stdout, stderr: '' };
}

/** Lines of text, each ended by a newline. */
function lines(texts: readonly string[]): string {
  return [...texts, ''].join('\n');
}
