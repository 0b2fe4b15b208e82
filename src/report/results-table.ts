import { parseCsv } from '../experiment/output/csv-rows.js';
import { InputError } from '../input-error.js';

/** Which of an output's CSVs a table is (docs/design.md, Output files). */
export type TableKind = 'runs' | 'summary' | 'timeseries' | 'classes';

/**
 * One of eastwest's result CSVs, read for plotting: its rows as text, and which columns are
 * parameters (what a chart's x, colour and panels can be) and which are values (its y).
 */
export interface ResultsTable {
  /** The file as named on the command line, for messages. */
  readonly name: string;
  readonly kind: TableKind;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /**
   * The columns a chart may put on x or colour, in file order: `point`, the parameter columns
   * (swept or case parameters), then `class` in a class table and `time_s` in a time series.
   */
  readonly keyColumns: readonly string[];
  /** The parameter columns alone: between `seed` (or `point` in a summary) and the first value. */
  readonly parameterColumns: readonly string[];
  /**
   * What a chart may put on y: a metric's name (a summary's `<metric>_mean` and `<metric>_ci95`
   * both go under it), or a summary's `<metric>_diff`.
   */
  readonly valueColumns: readonly string[];
}

/**
 * Reads a CSV eastwest wrote. Where its parameters end is told by a marker column (a summary's
 * `replications`, a time series' `time_s`, a class table's `class`) or, in the per-run CSV, by
 * the first column that is one of `knownValues` (the model's metric names), since parameter
 * paths and metric names never look alike to a reader but do to a parser.
 */
export function readResultsTable(text: string, name: string, knownValues: ReadonlySet<string>): ResultsTable {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined || header[0] !== 'experiment' || header[1] !== 'point') {
    throw new InputError(`${name}: Expected a CSV eastwest wrote (its first columns \`experiment,point\`), got \`${(header ?? []).slice(0, 4).join(',')}\``);
  }
  const perRun = header[2] === 'replication' && header[3] === 'seed';
  const first = perRun ? 4 : 2;
  const marker = findMarker(header, first, perRun, knownValues);
  if (marker === undefined) {
    throw new InputError(
      `${name}: Expected a metric column eastwest knows after the parameters (\`${[...knownValues].slice(0, 3).join('`, `')}\`, ...), found none; ` +
        'plot the CSVs of this eastwest version',
    );
  }
  const parameterColumns = header.slice(first, marker.index);
  const kind = marker.kind;
  const extraKey = kind === 'timeseries' ? ['time_s'] : kind === 'classes' ? ['class'] : [];
  const values = header.slice(kind === 'runs' ? marker.index : marker.index + 1);
  return {
    name,
    kind,
    header,
    rows: rows.filter((row) => row.length === header.length),
    keyColumns: ['point', ...parameterColumns, ...extraKey],
    parameterColumns,
    valueColumns: kind === 'summary' ? summaryValues(values) : values,
  };
}

function findMarker(header: readonly string[], first: number, perRun: boolean, known: ReadonlySet<string>): { index: number; kind: TableKind } | undefined {
  for (let index = first; index < header.length; index++) {
    const column = header[index];
    if (!perRun && column === 'replications') return { index, kind: 'summary' };
    if (perRun && column === 'time_s') return { index, kind: 'timeseries' };
    if (perRun && column === 'class') return { index, kind: 'classes' };
    if (perRun && known.has(column)) return { index, kind: 'runs' };
  }
  return undefined;
}

/** `a_mean, a_ci95, a_diff, a_diff_ci95` → `a, a_diff`. */
function summaryValues(columns: readonly string[]): string[] {
  return columns.filter((column) => !column.endsWith('_ci95')).map((column) => column.replace(/_mean$/, ''));
}

/** The column of a value as the table holds it: a summary's `<metric>_mean`, else the name itself. */
export function valueColumnOf(table: ResultsTable, value: string): string {
  return table.header.includes(`${value}_mean`) ? `${value}_mean` : value;
}

/** A summary's error-bar column for a value (`<metric>_ci95`, `<metric>_diff_ci95`), if the table has one. */
export function errorColumnOf(table: ResultsTable, value: string): string | undefined {
  return table.header.includes(`${value}_ci95`) ? `${value}_ci95` : undefined;
}

/** A column's cells, in row order. */
export function columnCells(table: ResultsTable, column: string): string[] {
  const index = table.header.indexOf(column);
  return table.rows.map((row) => row[index] ?? '');
}

/** The key columns whose cells differ between rows, in file order: what the experiment swept. */
export function sweptColumns(table: ResultsTable): string[] {
  return table.parameterColumns.concat(table.kind === 'classes' ? ['class'] : []).filter((column) => new Set(columnCells(table, column)).size > 1);
}
