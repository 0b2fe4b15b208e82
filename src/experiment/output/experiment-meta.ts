import { formatDuration, type Nanoseconds } from '../../engine/time.js';
import type { CodeVersion } from '../run/code-version.js';
import type { RunRecord } from '../run/experiment-runs.js';
import { ALL_RUNS, type RunSelection } from '../run/run-selection.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import type { OutputPaths } from './output-files.js';
import { PointWarnings } from './point-warnings.js';

/** What the meta records besides the experiment and its results. */
export interface MetaContext {
  readonly codeVersion: CodeVersion;
  /** The command line as typed (`process.argv` without node). */
  readonly commandLine: readonly string[];
  /** Worker threads used (1: in-process). */
  readonly workers: number;
  /** When the experiment started, ISO 8601 (wall clock: meta only, never the CSV). */
  readonly startedAt: string;
  readonly totalSeconds: number;
  readonly files: OutputPaths;
  /** All runs by default; a shard or `--only`. */
  readonly selection?: RunSelection;
  /** `--baseline` as typed, when given. */
  readonly baseline?: string;
  /** Runs taken from the journal by `--resume` instead of run by this invocation. */
  readonly resumedRuns?: number;
  /** The Node.js version that ran the runs: this process's unless merged from parts. */
  readonly nodeVersion?: string;
  /** The `--timeseries` bucket width, when the runs were asked for a time series. */
  readonly timeseriesBucket?: Nanoseconds;
  /** `--all-params`: every scenario parameter is a column of the CSVs. */
  readonly allParams?: boolean;
}

/**
 * `X.meta.json` (docs/design.md, Contracts): provenance and wall-clock figures, everything that would
 * break byte-identical CSVs if it went there: the fully resolved scenario of every point,
 * the experiment hash, versions, the command line, workers and timings.
 */
export function experimentMeta(experiment: ResolvedExperiment, records: readonly RunRecord[], context: MetaContext): Record<string, unknown> {
  const { codeVersion } = context;
  return {
    experiment: experiment.header.name,
    file: experiment.file,
    experimentHash: experiment.hash,
    codeVersion: codeVersion.label,
    eastwestVersion: codeVersion.version,
    gitCommit: codeVersion.gitCommit,
    gitDirty: codeVersion.dirty,
    nodeVersion: context.nodeVersion ?? process.version,
    commandLine: context.commandLine,
    selection: selectionMeta(context.selection ?? ALL_RUNS),
    baseline: context.baseline ?? null,
    // Written as a duration, as `resolved.duration` is; absent without --timeseries, so such a meta is as before.
    ...(context.timeseriesBucket ? { timeseriesBucket: formatDuration(context.timeseriesBucket) } : {}),
    // Absent without --all-params, so such a meta is as before; merge reads it from a part.
    ...(context.allParams === true ? { allParams: true } : {}),
    workers: context.workers,
    startedAt: context.startedAt,
    files: context.files,
    runs: records.length,
    experimentRuns: experiment.runCount,
    resumedRuns: context.resumedRuns ?? 0,
    resolved: experiment.canonical,
    points: experiment.points.map((point) => ({
      point: point.index,
      origin: point.origin,
      settings: Object.fromEntries(point.settings.map(({ target, value }) => [target.path, value])),
      scenario: point.scenario,
    })),
    warnings: PointWarnings.of(records),
    wallTime: wallTime(records, context.totalSeconds),
  };
}

function selectionMeta(selection: RunSelection): object {
  if (selection.kind !== 'only') return selection;
  return { kind: 'only', only: selection.selectors.map(({ point, replication }) => (replication === undefined ? `${point}` : `${point}/${replication}`)) };
}

function wallTime(records: readonly RunRecord[], totalSeconds: number): object {
  const sum = (pick: (record: RunRecord) => number): number => records.reduce((total, record) => total + pick(record), 0);
  const runSeconds = sum((record) => record.runSeconds);
  const events = sum((record) => record.events);
  const runsPerWorker: Record<string, number> = {};
  for (const { worker } of records) runsPerWorker[worker] = (runsPerWorker[worker] ?? 0) + 1;
  return {
    totalSeconds,
    buildSeconds: sum((record) => record.buildSeconds),
    runSeconds,
    events,
    eventsPerSecond: runSeconds > 0 ? events / runSeconds : null,
    runsPerWorker,
    perRun: records.map(({ run, buildSeconds, runSeconds: seconds, events: count, worker }) => ({
      run: run.index,
      point: run.point,
      replication: run.replication,
      worker,
      buildSeconds,
      runSeconds: seconds,
      events: count,
      eventsPerSecond: seconds > 0 ? count / seconds : null,
    })),
  };
}
