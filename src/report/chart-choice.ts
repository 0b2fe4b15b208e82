import { InputError } from '../input-error.js';
import { closestName } from '../text/closest-name.js';
import { columnCells, sweptColumns, valueColumnOf, type ResultsTable } from './results-table.js';

/** What the user asked of a chart (`eastwest plot`'s options); anything left out takes its default. */
export interface PlotRequest {
  readonly x?: string;
  /** One panel per value, stacked; none: the defaults. */
  readonly y?: readonly string[];
  readonly color?: string;
  readonly logX?: boolean;
  readonly logY?: boolean;
}

/** A request checked against a table, with the defaults filled in. */
export interface ChartChoice {
  readonly x: string;
  readonly ys: readonly string[];
  readonly color: string | undefined;
  /** The swept columns beyond x and colour: one small chart per combination of their values. */
  readonly facets: readonly string[];
  readonly logX: boolean;
  readonly logY: boolean;
}

/**
 * Checks the request against the table and fills in the defaults: x the first swept parameter
 * (`time_s` in a time series; `point` when nothing is swept), colour the next swept parameter,
 * y `defaultYs` (the model's headline metrics) as far as the table has values for them. Every
 * other swept parameter splits the chart into small multiples, one per combination, so no two
 * points are ever averaged together. A name the table lacks is an InputError naming the option,
 * the columns there are and the closest one.
 */
export function chooseChart(table: ResultsTable, request: PlotRequest, defaultYs: readonly string[]): ChartChoice {
  const swept = sweptColumns(table);
  const x = request.x === undefined ? defaultX(table, swept) : checkKey(table, '--x', request.x);
  const color = request.color === undefined ? swept.find((column) => column !== x) : checkKey(table, '--color', request.color);
  if (color === x) throw new InputError(`--color ${color}: it is the x column too; pick another column for --color, or another --x`);
  const ys = request.y === undefined || request.y.length === 0 ? defaultValues(table, defaultYs) : request.y.map((y) => checkValue(table, y));
  if (ys.length === 0) {
    throw new InputError(`${table.name}: none of its value columns has a number to plot; name one with --y (the columns are ${list(table.valueColumns)})`);
  }
  const facets = swept.filter((column) => column !== x && column !== color);
  return { x, ys, color, facets, logX: request.logX === true, logY: request.logY === true };
}

function defaultX(table: ResultsTable, swept: readonly string[]): string {
  if (table.kind === 'timeseries') return 'time_s';
  return swept[0] ?? 'point';
}

/** The wanted values the table has numbers for; without wanted ones (a model with no headline metrics), every value column with numbers. */
function defaultValues(table: ResultsTable, wanted: readonly string[]): string[] {
  const present = table.valueColumns.filter((value) => hasNumbers(table, value));
  const chosen = present.filter((value) => wanted.includes(value));
  return chosen.length > 0 ? chosen : present;
}

export function hasNumbers(table: ResultsTable, value: string): boolean {
  return columnCells(table, valueColumnOf(table, value)).some((cell) => cell !== '' && Number.isFinite(Number(cell)));
}

function checkKey(table: ResultsTable, option: string, column: string): string {
  if (table.keyColumns.includes(column)) return column;
  throw unknownColumn(table, option, column, table.keyColumns, 'the columns it can take are');
}

function checkValue(table: ResultsTable, value: string): string {
  const name = table.kind === 'summary' ? value.replace(/_mean$/, '') : value;
  if (table.valueColumns.includes(name)) return name;
  throw unknownColumn(table, '--y', value, table.valueColumns, 'its value columns are');
}

function unknownColumn(table: ResultsTable, option: string, column: string, known: readonly string[], what: string): InputError {
  const suggestion = closestName(column, known);
  const hint = suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
  return new InputError(`${option} ${column}: ${table.name} has no column \`${column}\`${hint} (${what} ${list(known)})`);
}

function list(columns: readonly string[]): string {
  return columns.map((column) => `\`${column}\``).join(', ');
}
