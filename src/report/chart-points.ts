import { InputError } from '../input-error.js';
import type { ChartChoice } from './chart-choice.js';
import { columnCells, errorColumnOf, valueColumnOf, type ResultsTable } from './results-table.js';

/** One mark of a panel: neutral field names, since vega-lite reads a dot in a field name as nesting (`cluster.services`). */
export interface ChartPoint {
  readonly x: number | string;
  readonly y: number;
  /** The error bar (mean ± ci95), where the table has one for the row. */
  readonly lower?: number;
  readonly upper?: number;
  readonly color?: string;
  /** `proxy.minSyncPeriod=1s, churn.preStopDelay=0s`: the small chart the row goes to. */
  readonly facet?: string;
}

/** How the x axis reads its values. */
export interface XScale {
  readonly type: 'linear' | 'log' | 'nominal';
  /** Nominal values in the order of first appearance (the experiment's order), for the axis and legend. */
  readonly order: readonly string[];
  /** Numeric values, distinct and ascending (for ticks at the swept values). */
  readonly values: readonly number[];
}

/** A log x scale is chosen without --log-x when positive values span at least this factor (two decades). */
export const AUTO_LOG_SPAN = 100;

/**
 * The x scale: nominal for text (`proxy.mode`, `1s`) and for `point` (a label, not a
 * quantity); otherwise linear, or log when asked or when the values are all positive and span
 * two decades or more (10 to 10,000 Services would otherwise crowd all but one into a corner).
 */
export function xScaleOf(table: ResultsTable, choice: ChartChoice): XScale {
  const cells = columnCells(table, choice.x).filter((cell) => cell !== '');
  const numbers = cells.map(Number);
  const numeric = choice.x !== 'point' && cells.length > 0 && numbers.every(Number.isFinite);
  if (!numeric) {
    if (choice.logX) throw new InputError(`--log-x: the x column \`${choice.x}\` holds text (${[...new Set(cells)].slice(0, 3).join(', ')}), which has no log scale`);
    return { type: 'nominal', order: [...new Set(cells)], values: [] };
  }
  const positive = numbers.every((value) => value > 0);
  if (choice.logX && !positive) throw new InputError(`--log-x: the x column \`${choice.x}\` has values <= 0, which have no logarithm`);
  const span = Math.max(...numbers) / Math.min(...numbers);
  const values = [...new Set(numbers)].sort((a, b) => a - b);
  return { type: choice.logX || (positive && span >= AUTO_LOG_SPAN) ? 'log' : 'linear', order: [], values };
}

/**
 * The marks of one panel (value `y`): a row with no number for it (no samples) is left out;
 * on a log y scale so is a value <= 0, and an error bar reaching below 0 stops at the value.
 * Says what it left out through `notes`.
 */
export function chartPoints(table: ResultsTable, choice: ChartChoice, y: string, scale: XScale, notes: string[]): ChartPoint[] {
  const xs = columnCells(table, choice.x);
  const ys = columnCells(table, valueColumnOf(table, y));
  const errorColumn = errorColumnOf(table, y);
  const errors = errorColumn === undefined ? undefined : columnCells(table, errorColumn);
  const colors = choice.color === undefined ? undefined : columnCells(table, choice.color);
  const facetCells = choice.facets.map((column) => columnCells(table, column));
  const points: ChartPoint[] = [];
  let notPositive = 0;
  table.rows.forEach((_, row) => {
    const value = numberOf(ys[row]);
    if (value === undefined || xs[row] === '') return;
    if (choice.logY && value <= 0) {
      notPositive += 1;
      return;
    }
    const error = errors === undefined ? undefined : numberOf(errors[row]);
    const lower = error === undefined ? undefined : choice.logY && value - error <= 0 ? value : value - error;
    points.push({
      x: scale.type === 'nominal' ? xs[row] : Number(xs[row]),
      y: value,
      ...(error === undefined ? {} : { lower, upper: value + error }),
      ...(colors === undefined ? {} : { color: colors[row] }),
      ...(facetCells.length === 0 ? {} : { facet: choice.facets.map((column, i) => `${column}=${facetCells[i][row]}`).join(', ') }),
    });
  });
  if (notPositive > 0) notes.push(`${y}: left out ${notPositive} value${notPositive === 1 ? '' : 's'} <= 0, which a log scale cannot show`);
  return points;
}

function numberOf(cell: string): number | undefined {
  if (cell === '') return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}
