import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBoundedText } from '../experiment/spec/bounded-read.js';
import { readResultsTable, type ResultsTable } from './results-table.js';

/** The largest CSV `plot` reads: a chart of more rows than this would not be read by anyone either. */
export const MAX_PLOT_CSV_BYTES = 64 * 1024 * 1024;

/** The table a chart is drawn from, and a note when it is not the file named. */
export interface PlotInput {
  readonly table: ResultsTable;
  readonly note?: string;
}

/**
 * Reads the CSV to plot. Given the per-run CSV (`X.csv`) with its summary beside it
 * (`X.summary.csv`), the summary is plotted instead: its means and 95% intervals say what the
 * runs say, with the uncertainty shown. Without one, the runs themselves are plotted.
 */
export function readPlotInput(file: string, cwd: string, knownValues: ReadonlySet<string>): PlotInput {
  const table = readTable(file, cwd, knownValues);
  const summary = table.kind === 'runs' && file.endsWith('.csv') ? `${file.slice(0, -'.csv'.length)}.summary.csv` : undefined;
  if (summary === undefined || !existsSync(resolve(cwd, summary))) return { table };
  return { table: readTable(summary, cwd, knownValues), note: `plotting the means and 95% intervals of ${summary}, the summary beside ${file}` };
}

function readTable(file: string, cwd: string, knownValues: ReadonlySet<string>): ResultsTable {
  const text = readBoundedText(resolve(cwd, file), file, MAX_PLOT_CSV_BYTES, 'the CSV');
  return readResultsTable(text, file, knownValues);
}
