import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../../input-error.js';
import { journalPath } from '../journal/run-journal.js';
import { lockPath } from './output-lock.js';
import { commitPath } from './output-set.js';
import { RUN_TABLE_NAMES, type RunTableName } from '../run/experiment-runs.js';
import { ALL_RUNS, selectionInfix, type RunSelection } from '../run/run-selection.js';
import { writeFailureReason } from './write-failure-reason.js';

/** The files one experiment writes; all sit beside the CSV (docs/design.md, Contracts). */
export interface OutputPaths {
  readonly csv: string;
  /** None for a shard's part: a point's replications may sit in other shards. */
  readonly summary?: string;
  /** Only with `--timeseries`. */
  readonly timeseries?: string;
  /** Only when the scenario declares class columns. */
  readonly classes?: string;
  readonly meta: string;
}

/**
 * `results/<name>.csv` relative to `cwd`, unless `--out` names the CSV; a shard or `--only`
 * inserts its infix before `.csv` (`x.part-2-of-3.csv`, `x.only-12.summary.csv`,
 * `x.part-2-of-3.timeseries.csv`). A table of rows per run (the time series, the class table)
 * has a path only when `options` asks for it.
 */
export function outputPaths(
  name: string,
  out: string | undefined,
  cwd: string,
  selection: RunSelection = ALL_RUNS,
  options: Partial<Record<RunTableName, boolean>> = {},
): OutputPaths {
  const full = resolve(cwd, out ?? join('results', `${name}.csv`));
  if (!full.endsWith('.csv')) throw new InputError('--out', 'a path ending in .csv', out).prefixed(`--out ${out}`);
  const stem = `${full.slice(0, -'.csv'.length)}${selectionInfix(selection)}`;
  return {
    csv: `${stem}.csv`,
    ...(selection.kind === 'shard' ? {} : { summary: `${stem}.summary.csv` }),
    ...Object.fromEntries(RUN_TABLE_NAMES.filter((table) => options[table] === true).map((table) => [table, `${stem}.${table}.csv`])),
    meta: `${stem}.meta.json`,
  };
}

/**
 * Checks, before any run, that the output folder can be created and written and that no
 * output path is a folder; an InputError (exit 2) names the path and why not.
 */
export function checkWritable(paths: OutputPaths): void {
  const folder = dirname(paths.csv);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    for (const path of [...Object.values(paths), journalPath(paths.csv), lockPath(paths.csv), commitPath(paths.csv)]) rejectFolder(path);
    const probe = join(folder, `.${basename(paths.csv)}.${process.pid}.probe`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new InputError(`Cannot write the output \`${paths.csv}\`: ${writeFailureReason(error)}`);
  }
}

function rejectFolder(path: string): void {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isDirectory()) throw new Error(`\`${path}\` is a directory`);
}


export { writeFilesAtomically } from './output-set.js';
