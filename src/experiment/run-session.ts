import type { ScenarioModel } from '../contract/scenario-model.js';
import type { Nanoseconds } from '../engine/time.js';
import { journalPath, openRunJournal, type OpenedJournal, type RunJournal } from './journal/run-journal.js';
import type { Baseline } from './output/baseline.js';
import { writeExperimentOutputs } from './output/experiment-outputs.js';
import { checkExistingResults, refuseInputsAsOutputs, type ExistingResults, type InputFile } from './output/output-guard.js';
import { withOutputLock } from './output/output-lock.js';
import { recoverOutputSet } from './output/output-set.js';
import { SaveFailedError } from './output/save-failed-error.js';
import type { OutputPaths } from './output/output-files.js';
import type { CodeVersion } from './run/code-version.js';
import { describeRun, sortRecords, type RunId, type RunRecord } from './run/experiment-runs.js';
import type { ModelSource } from './run/model-source.js';
import { hasClassColumns } from './run/run-classes.js';
import { runExperiment } from './run/run-experiment.js';
import { RunFailedError } from './run/run-failed-error.js';
import { selectRuns, type RunSelection } from './run/run-selection.js';
import type { ResolvedExperiment } from './spec/resolved-experiment.js';

export interface SessionOptions {
  readonly selection: RunSelection;
  /** Checked with checkWritable before the session starts; with a `classes` path when the scenario declares class columns (hasClassColumns). */
  readonly files: OutputPaths;
  /** Worker threads wanted; fewer are started when fewer runs are left. */
  readonly workers: number;
  readonly modelSource?: ModelSource;
  readonly resume: boolean;
  /** The files the session reads (the experiment file), which no output may be. */
  readonly inputs?: readonly InputFile[];
  /** `--overwrite`: replace what is at the output even if it is another experiment's results or not eastwest's. */
  readonly overwrite?: boolean;
  readonly baseline?: Baseline;
  /** The checked `--timeseries` width (readTimeseriesBucket); `files` must then have a timeseries path. */
  readonly timeseriesBucket?: Nanoseconds;
  /**
   * `--all-params`: every scenario parameter a column of the CSVs. Not in the journal: its
   * records hold figures, not rows, so a resume writes the columns its own options ask for.
   */
  readonly allParams?: boolean;
  readonly codeVersion: CodeVersion;
  readonly commandLine: readonly string[];
  /** Wall clock in milliseconds. */
  readonly clock: () => number;
  /** Before the first run: the runs the journal already had and how many are left to run. */
  readonly onStart?: (start: SessionStart) => void;
  readonly onRunDone?: (record: RunRecord, done: number, total: number) => void;
  /** A run started (or was handed to a worker), and how much simulated time one has done: for progress only. */
  readonly onRunStart?: (run: RunId) => void;
  readonly onRunProgress?: (run: RunId, simulated: Nanoseconds) => void;
  /** Something the user should know that is not an error: a journal record not trusted, a stale lock taken over. */
  readonly onNotice?: (message: string) => void;
}

export interface SessionStart {
  readonly runs: number;
  readonly fromJournal: readonly RunRecord[];
  readonly toRun: number;
  /** The runs to run, in the order they are handed out. */
  readonly runsToRun: readonly RunId[];
  readonly workers: number;
}

/**
 * One `eastwest run` (docs/design.md, Contracts, "Runs, seeds, shards, resume"): refuses an
 * output that is an input, takes the output's lock (one writer per output), refuses what is
 * there unless it is this experiment's results (or `overwrite`), opens the journal beside the output (resuming it when
 * asked), runs the selected runs the journal does not have, appending each to the journal as
 * it finishes (its time series and class rows too), writes the CSV, summary, time series, class table and meta atomically
 * once all are in, and deletes the journal. A failure leaves the journal with every run that
 * finished, and no file at the output paths; the lock goes however the session ends.
 */
export async function runSession(experiment: ResolvedExperiment, model: ScenarioModel, options: SessionOptions): Promise<RunRecord[]> {
  refuseInputsAsOutputs(options.files, options.inputs ?? []);
  const lockOptions = { commandLine: options.commandLine, onNotice: options.onNotice };
  return withOutputLock(options.files.csv, lockOptions, () => lockedSession(experiment, model, options));
}

async function lockedSession(experiment: ResolvedExperiment, model: ScenarioModel, options: SessionOptions): Promise<RunRecord[]> {
  const runs = selectRuns(options.selection, experiment.points.length, experiment.header.replications);
  const identity = {
    experiment: experiment.header.name,
    experimentHash: experiment.hash,
    codeVersion: options.codeVersion.label,
    file: experiment.file,
    timeseriesBucket: options.timeseriesBucket,
    classes: hasClassColumns(model),
  };
  recoverOutputSet(options.files, options.onNotice);
  const existing = checkExistingResults(options.files, experiment.header.name, options.overwrite === true);
  const opened = openRunJournal(journalPath(options.files.csv), identity, runs, options.resume);
  try {
    const records = await completeRuns(experiment, model, options, runs, opened, existing);
    opened.journal.remove();
    return records;
  } catch (error) {
    throw afterFailure(error, opened.journal);
  } finally {
    opened.journal.close();
  }
}

/** Runs what the journal lacks, journaling each run as it finishes, then writes the outputs. */
async function completeRuns(
  experiment: ResolvedExperiment,
  model: ScenarioModel,
  options: SessionOptions,
  runs: readonly RunId[],
  opened: OpenedJournal,
  existing: ExistingResults,
): Promise<RunRecord[]> {
  const { journal, finished } = opened;
  for (const damaged of opened.damaged) options.onNotice?.(damaged.message);
  const done = new Set(finished.map((record) => record.run.index));
  const missing = runs.filter((run) => !done.has(run.index));
  const workers = Math.max(1, Math.min(options.workers, missing.length));
  options.onStart?.({ runs: runs.length, fromJournal: finished, toRun: missing.length, runsToRun: missing, workers });
  const startedAt = new Date().toISOString();
  const started = options.clock();
  const fresh = await runExperiment(experiment, model, {
    runs: missing,
    workers,
    modelSource: options.modelSource,
    clock: options.clock,
    timeseriesBucket: options.timeseriesBucket,
    onRunStart: options.onRunStart,
    onRunProgress: options.onRunProgress,
    onRunDone: (record, count, total) => {
      try {
        journal.add(record);
      } catch (error) {
        throw new SaveFailedError(`${describeRun(record.run)} to the journal`, error);
      }
      options.onRunDone?.(record, count, total);
    },
  });
  const records = sortRecords([...finished, ...fresh]);
  const { codeVersion, commandLine, selection, files, baseline, timeseriesBucket, allParams } = options;
  const totalSeconds = (options.clock() - started) / 1000;
  const context = {
    codeVersion, commandLine, selection, files, workers, startedAt, totalSeconds,
    baseline: baseline?.text, resumedRuns: finished.length, timeseriesBucket, allParams,
  };
  try {
    writeExperimentOutputs(experiment, model, records, context, { baseline, remove: existing.leftovers });
  } catch (error) {
    throw new SaveFailedError(`the results (${files.csv} and the files beside it)`, error);
  }
  return records;
}

/**
 * A failed run, or finished runs that could not be saved, say where the finished runs are; a
 * journal with none is removed, so a rerun needs no --resume.
 */
function afterFailure(error: unknown, journal: RunJournal): unknown {
  if (journal.runs === 0) journal.remove();
  const runs = journal.runs === 1 ? '1 finished run is' : `${journal.runs} finished runs are`;
  if (error instanceof SaveFailedError) {
    if (journal.runs === 0) return error.withAftermath('no run had finished, and nothing was kept');
    return error.withAftermath(`${runs} kept in ${journal.path}: once the output can be written, rerun with --resume to save them without running them again`);
  }
  if (!(error instanceof RunFailedError) || journal.runs === 0) return error;
  return new RunFailedError(error.run, error.cause, `No result files were written; ${runs} kept in ${journal.path}: rerun with --resume to do only the rest.`);
}
