import type { Baseline, MetricSummary, ResolvedExperiment, RunRecord } from '../experiment/index.js';
import { formatNumber, parameterCells, parameterValues, toCsv } from '../experiment/index.js';
import type { TableColumn } from './table-columns.js';
import { columnName, tableRows, type TableRow } from './table-rows.js';

/**
 * The table after a run for another program (`--format csv|json`): one row per point with
 * `point`, the parameter columns under their paths, `replications`, then for each column its
 * figure and interval under the summary CSV's names: `<metric>_mean` and `<metric>_ci95`, or
 * `<metric>_diff` and `<metric>_diff_ci95`. Numbers are written in full (the shortest text
 * that reads back as the same number), as in the summary.
 */
export function tableFields(columns: readonly TableColumn[]): string[] {
  return columns.flatMap((column) => {
    const name = columnName(column);
    return column.diff ? [name, `${name}_ci95`] : [`${name}_mean`, `${name}_ci95`];
  });
}

/** RFC 4180 CSV with a header row (csv-stringify, as every CSV eastwest writes); an empty field is no samples. */
export function tableCsv(experiment: ResolvedExperiment, records: readonly RunRecord[], columns: readonly TableColumn[], baseline?: Baseline): string {
  const header = ['point', ...experiment.parameterColumns, 'replications', ...tableFields(columns)];
  const rows = tableRows(experiment, records, columns, baseline).map((row) => [
    String(row.point.index),
    ...parameterCells(row.point, experiment.parameterColumns),
    String(row.replications),
    ...figures(row, columns).map((value) => (value === undefined ? '' : formatNumber(value))),
  ]);
  return toCsv([header, ...rows]);
}

/**
 * One JSON array with an object per point, one object per line, keys as `tableCsv`'s header.
 * Parameters keep their written type (`1000`, `"ipvs"`, `true`, a distribution as an object);
 * a figure with no samples is `null`, and one that is not finite the string `"NaN"`,
 * `"Infinity"` or `"-Infinity"` (JSON has no such numbers).
 */
export function tableJson(experiment: ResolvedExperiment, records: readonly RunRecord[], columns: readonly TableColumn[], baseline?: Baseline): string {
  const fields = tableFields(columns);
  const objects = tableRows(experiment, records, columns, baseline).map((row) => {
    const parameters = parameterValues(row.point, experiment.parameterColumns).map((value, i) => [experiment.parameterColumns[i], value ?? null]);
    const values = figures(row, columns).map((value, i) => [fields[i], jsonNumber(value)]);
    return JSON.stringify(Object.fromEntries([['point', row.point.index], ...parameters, ['replications', row.replications], ...values]));
  });
  return objects.length === 0 ? '[]\n' : `[\n${objects.join(',\n')}\n]\n`;
}

/** A row's figures in `tableFields` order: each column's value, then its interval. */
function figures(row: TableRow, columns: readonly TableColumn[]): (number | undefined)[] {
  return columns.flatMap((column) => {
    const summary: MetricSummary = row.figures.get(columnName(column))!;
    return [summary.mean, summary.ci95];
  });
}

function jsonNumber(value: number | undefined): number | string | null {
  if (value === undefined) return null;
  return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : String(value);
}
