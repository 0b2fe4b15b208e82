import { performance } from 'node:perf_hooks';
import type { RunProgressListener, RunSettings, ScenarioModel } from '../../contract/scenario-model.js';
import type { Nanoseconds } from '../../engine/time.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { listRuns, sortRecords, type RunId, type RunRecord } from './experiment-runs.js';
import type { ModelSource } from './model-source.js';
import { throttledProgress } from './progress-throttle.js';
import { RunFailedError } from './run-failed-error.js';
import { runPlanOf, type RunPlan } from './run-plan.js';
import { checkedClasses, hasClassColumns } from './run-classes.js';
import { checkedTimeseries } from './run-timeseries.js';
import { runInWorkers } from './worker-pool.js';

export interface RunnerOptions {
  /** The runs to do; all of them by default (a shard, `--only` or a resume passes fewer). */
  readonly runs?: readonly RunId[];
  /**
   * Worker threads (default 1). With more than one, runs go to threads that import the model
   * from `modelSource`; with one they run in this process. The records are the same either way.
   */
  readonly workers?: number;
  readonly modelSource?: ModelSource;
  /** Called after each run, in the order runs finish, with how many are done so far. */
  readonly onRunDone?: (record: RunRecord, done: number, total: number) => void;
  /** Called as each run begins, in this process or on a worker thread. */
  readonly onRunStart?: (run: RunId) => void;
  /**
   * Called during a run, at most every RUN_PROGRESS_INTERVAL_MS of wall time, with the
   * simulated time it has done: for a progress display (it changes no result).
   */
  readonly onRunProgress?: (run: RunId, simulated: Nanoseconds) => void;
  /** Wall clock in milliseconds; tests pass a fake one (in-process runs only). */
  readonly clock?: () => number;
  /** Width of a time-series bucket (`--timeseries`, checked); absent: no time series. */
  readonly timeseriesBucket?: Nanoseconds;
}

/**
 * Runs the experiment's runs, in this process or on worker threads. Resolves to the records
 * sorted by run index, whatever order they finished in; rejects with RunFailedError naming the
 * first run that threw (or whose worker crashed).
 */
export async function runExperiment(experiment: ResolvedExperiment, model: ScenarioModel, options: RunnerOptions = {}): Promise<RunRecord[]> {
  const runs = options.runs ?? listRuns(experiment.points.length, experiment.header.replications);
  const workers = Math.min(options.workers ?? 1, runs.length);
  const plan = runPlanOf(experiment, options.timeseriesBucket);
  if (workers <= 1) return runInProcess(plan, model, runs, options);
  if (options.modelSource === undefined) throw new Error('runExperiment: more than one worker needs a modelSource the threads can import');
  let done = 0;
  const records = await runInWorkers(plan, options.modelSource, runs, {
    workers,
    onRecord: (record) => options.onRunDone?.(record, (done += 1), runs.length),
    onRunStart: options.onRunStart,
    onRunProgress: options.onRunProgress,
  });
  return sortRecords(records);
}

/**
 * One run after another; between runs it yields to the event loop so signals get through.
 * Progress within a run is reported from inside it (stderr writes are synchronous on Linux).
 */
async function runInProcess(plan: RunPlan, model: ScenarioModel, runs: readonly RunId[], options: RunnerOptions): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (const run of runs) {
    options.onRunStart?.(run);
    const record = runOne(plan, model, run, options.clock, inProcessProgress(run, options));
    records.push(record);
    options.onRunDone?.(record, records.length, runs.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sortRecords(records);
}

/** A throttled listener for the run when anyone asks for progress; its own clock, so a test's fake clock reads stay as they were. */
function inProcessProgress(run: RunId, { onRunProgress }: RunnerOptions): RunProgressListener | undefined {
  if (onRunProgress === undefined) return undefined;
  return throttledProgress(() => performance.now(), (simulated) => onRunProgress(run, simulated));
}

/**
 * Builds and runs one (point, replication), timing the build apart from the run: what a worker
 * thread calls for each run it is handed (it sets `worker`; here it is 0). With a time series
 * asked for, the record carries the run's rows, checked; without, it has none, whatever the
 * model returned. Likewise its class rows, whenever the scenario declares class columns.
 */
export function runOne(plan: RunPlan, model: ScenarioModel, run: RunId, clock = () => performance.now(), progress?: RunProgressListener): RunRecord {
  const point = plan.points[run.point];
  const settings = runSettings(plan, run);
  try {
    const started = clock();
    const built = model.build(point.values, settings);
    const builtAt = clock();
    const result = built.run(progress);
    const buildSeconds = (builtAt - started) / 1000;
    const runSeconds = (clock() - builtAt) / 1000;
    const record: RunRecord = { run, metrics: result.metrics, warnings: result.warnings, events: result.events, buildSeconds, runSeconds, worker: 0 };
    const withSeries = settings.timeseriesBucket ? { ...record, timeseries: checkedTimeseries(result.timeseries, settings) } : record;
    return hasClassColumns(model) ? { ...withSeries, classes: checkedClasses(result.classes) } : withSeries;
  } catch (error) {
    throw new RunFailedError(run, error);
  }
}

/** The settings of one run; `timeseriesBucket` only when asked, so a model sees none otherwise. */
function runSettings(plan: RunPlan, run: RunId): RunSettings {
  const { seed, warmup, duration, timeseriesBucket } = plan.header;
  const settings: RunSettings = { seed, replication: run.replication, warmup, duration };
  return timeseriesBucket ? { ...settings, timeseriesBucket } : settings;
}
