import { performance } from 'node:perf_hooks';
import type { RunSettings, ScenarioModel } from '../contract/scenario-model.js';
import { describeRun, listRuns, sortRecords, type RunId, type RunRecord } from './experiment-runs.js';
import type { ResolvedExperiment } from './resolved-experiment.js';

/** A run that threw; the command line prints which run and exits 1. */
export class RunFailedError extends Error {
  constructor(
    readonly run: RunId,
    override readonly cause: unknown,
  ) {
    super(`Run failed: ${describeRun(run)}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RunFailedError';
  }
}

export interface RunnerOptions {
  /** The runs to do; all of them by default (a later `--only`, shard or resume passes fewer). */
  readonly runs?: readonly RunId[];
  /** Called after each run with how many are done, for progress and warnings. */
  readonly onRunDone?: (record: RunRecord, done: number, total: number) => void;
  /** Wall clock in milliseconds; tests pass a fake one. */
  readonly clock?: () => number;
}

/**
 * Runs the experiment in this process, one run after another, point-major. Resolves to the
 * records sorted by run index; rejects with RunFailedError on the first run that throws.
 * Between runs it yields to the event loop so progress output and signals get through.
 */
export async function runExperiment(
  experiment: ResolvedExperiment,
  model: ScenarioModel,
  options: RunnerOptions = {},
): Promise<RunRecord[]> {
  const runs = options.runs ?? listRuns(experiment.points.length, experiment.header.replications);
  const records: RunRecord[] = [];
  for (const run of runs) {
    const record = runOne(experiment, model, run, options.clock);
    records.push(record);
    options.onRunDone?.(record, records.length, runs.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sortRecords(records);
}

/** Builds and runs one (point, replication), timing the build apart from the run. */
export function runOne(experiment: ResolvedExperiment, model: ScenarioModel, run: RunId, clock = () => performance.now()): RunRecord {
  const point = experiment.points[run.point];
  const { seed, warmup, duration } = experiment.header;
  const settings: RunSettings = { seed, replication: run.replication, warmup, duration };
  try {
    const started = clock();
    const built = model.build(point.values, settings);
    const builtAt = clock();
    const result = built.run();
    const buildSeconds = (builtAt - started) / 1000;
    const runSeconds = (clock() - builtAt) / 1000;
    return { run, metrics: result.metrics, warnings: result.warnings, events: result.events, buildSeconds, runSeconds };
  } catch (error) {
    throw new RunFailedError(run, error);
  }
}
