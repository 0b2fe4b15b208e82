import type { Baseline, MetricSummary, ResolvedExperiment, RunRecord } from '../experiment/index.js';
import { parameterCells } from '../experiment/index.js';
import type { ColumnChoice } from './table-columns.js';
import { columnName, tableRows } from './table-rows.js';
import { formatTableNumber } from './table-number.js';
import { clip, renderTextTable, textTableWidth, type TextColumn } from './text-table.js';

/** Parameter values longer than this are cut in the terminal table (the CSV has them whole). */
const MAX_PARAMETER_CELL = 24;
/** Parameter headers longer than this lose leading path segments (`serviceTime.median`). */
const MAX_PARAMETER_HEADER = 18;

/**
 * The stdout table after a run: one row per point with its parameter columns and the chosen
 * metric columns: a metric's mean over replications, or with `--baseline` its mean paired
 * difference from the baseline point `±` the 95% CI half-width. Default columns are shown as
 * far as they fit `maxWidth` characters (a group too wide to fit is skipped, so a narrower
 * later one may still show; the first is always shown); chosen ones (`--columns`) all are.
 */
export function renderSummaryTable(
  experiment: ResolvedExperiment,
  records: readonly RunRecord[],
  choice: ColumnChoice,
  options: { readonly baseline?: Baseline; readonly maxWidth?: number } = {},
): string {
  const maxWidth = options.maxWidth ?? 100;
  const data = tableRows(experiment, records, choice.groups.flat(), options.baseline);
  const parameterColumns = experiment.parameterColumns.map((path) => ({ header: shortHeader(path), align: 'left' as const }));
  const columns: TextColumn[] = [{ header: 'point', align: 'right' }, ...parameterColumns];
  const rows = data.map((row) => [
    String(row.point.index),
    ...parameterCells(row.point, experiment.parameterColumns).map((cell) => clip(cell, MAX_PARAMETER_CELL)),
  ]);
  let shown = 0;
  for (const group of choice.groups) {
    const added = group.map((column) => ({ header: columnName(column), align: 'right' as const }));
    const cells = data.map((row) => group.map((column) => (column.diff ? differenceCell : meanCell)(row.figures.get(columnName(column))!)));
    const wider = [...columns, ...added];
    const widerRows = rows.map((row, i) => [...row, ...cells[i]]);
    if (!choice.chosen && shown > 0 && textTableWidth(wider, widerRows) > maxWidth) continue;
    columns.push(...added);
    rows.forEach((row, i) => row.push(...cells[i]));
    shown += 1;
  }
  return renderTextTable(columns, rows);
}

function meanCell(summary: MetricSummary): string {
  return formatTableNumber(summary.mean);
}

/** Significant digits of a difference's 95% CI half-width: it says how far to trust the difference, not more. */
const CI_DIGITS = 2;

/**
 * `-0.05096 ±0.074`: the difference and its 95% CI half-width; the difference alone where
 * the interval is 0 (the baseline points themselves) or there is none (one replication);
 * empty without a baseline partner.
 */
function differenceCell(summary: MetricSummary): string {
  if (summary.mean === undefined) return '';
  const difference = formatTableNumber(summary.mean);
  return summary.ci95 === undefined || summary.ci95 === 0 ? difference : `${difference} ±${formatTableNumber(summary.ci95, CI_DIGITS)}`;
}

/** `workload.serviceTime.median` → `serviceTime.median`; short paths stay whole. */
export function shortHeader(path: string): string {
  const segments = path.split('.');
  while (segments.length > 1 && segments.join('.').length > MAX_PARAMETER_HEADER) segments.shift();
  return segments.join('.');
}
