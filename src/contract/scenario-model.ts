import type { Nanoseconds } from '../engine/time.js';
import type { MetricSpec, MetricValues } from './metric-spec.js';
import type { ParameterSpec, ParameterValue } from './parameter-spec.js';

/** Every parameter path of the scenario with its parsed value (defaults filled in). */
export type ScenarioValues = ReadonlyMap<string, ParameterValue>;

/** What one run needs besides the scenario: docs/design.md, Contracts (runs, seeds) and Determinism (streams). */
export interface RunSettings {
  /** The experiment seed (the CSV's `seed` column). */
  readonly seed: number;
  /** Replication index from 0; with the seed it keys every random stream. */
  readonly replication: number;
  /** Simulated time before the measured window. */
  readonly warmup: Nanoseconds;
  /** Length of the measured window. */
  readonly duration: Nanoseconds;
  /**
   * Width of a time-series bucket (`run --timeseries 1s`); absent or 0: no time series. It
   * changes what a run reports, never its metrics: the same run gives the same CSV row with or
   * without it.
   */
  readonly timeseriesBucket?: Nanoseconds;
}

/**
 * One time bucket of one run: bucket `bucket` covers [warmup + bucket × width, warmup +
 * (bucket + 1) × width) of simulated time, so rows cover the measured window only, from bucket
 * 0. `values` has exactly the scenario's `timeseries` columns (`undefined`: no samples, empty).
 */
export interface TimeseriesRow {
  readonly bucket: number;
  readonly values: MetricValues;
}

/**
 * One Service class of one run (`cluster.serviceClasses`; docs/design.md, Output files):
 * `values` has exactly the scenario's `classes` columns (`undefined`: no samples, empty).
 */
export interface ClassRow {
  /** The class's name as the experiment file gave it (`default` for the one-class shorthand). */
  readonly name: string;
  readonly values: MetricValues;
}

export interface RunResult {
  readonly metrics: MetricValues;
  /** Things the user should know (a station whose offered load is >= 1). */
  readonly warnings: readonly string[];
  /** Simulation events executed, for events-per-second figures in the meta. */
  readonly events: number;
  /** One row per bucket of the measured window, in bucket order, when settings asked for it. */
  readonly timeseries?: readonly TimeseriesRow[];
  /** One row per Service class, in the order the scenario declared the classes (X.classes.csv). */
  readonly classes?: readonly ClassRow[];
}

/**
 * Told, now and then during a run, how much simulated time is done (from 0 to warmup +
 * duration, a little past it while the last measured requests settle): for a progress display
 * only, never part of a result.
 */
export type RunProgressListener = (simulated: Nanoseconds) => void;

/** A scenario built and ready to run; building (the cluster) is timed apart from running. */
export interface BuiltScenario {
  /** Runs it; `progress`, when given, hears how far the simulated clock has got (it changes nothing). */
  run(progress?: RunProgressListener): RunResult;
}

/**
 * One term of a run's memory estimate: `count` things of about `bytesEach` bytes each
 * (`{ what: 'open connections', count: 180_000, bytesEach: 1024 }`).
 */
export interface MemoryItem {
  readonly what: string;
  readonly count: number;
  readonly bytesEach: number;
}

/**
 * The contract between the experiment layer and the models: the experiment layer validates
 * files against `parameters`, writes `metrics` as columns, and builds and runs scenarios.
 * Models never import the experiment layer; tests may pass a small fake model.
 */
export interface ScenarioModel {
  readonly parameters: readonly ParameterSpec[];
  readonly metrics: readonly MetricSpec[];
  /** The time-series columns, in order (docs/design.md, Output files); `window` says per bucket of what. */
  readonly timeseries?: readonly MetricSpec[];
  /** The per-class columns, in order (X.classes.csv, one row per run and Service class). */
  readonly classes?: readonly MetricSpec[];
  build(values: ScenarioValues, settings: RunSettings): BuiltScenario;
  /**
   * What one run of these values would hold in memory at its peak, term by term, computed from
   * the values alone (nothing is built): `validate` prints it and `run` refuses a run that
   * would not fit (docs/design.md, Contracts). Conservative: each term an upper bound on what
   * it counts, at a byte cost above what was measured. Without it a run is taken to need only
   * the process itself.
   */
  estimateMemory?(values: ScenarioValues, settings: RunSettings): readonly MemoryItem[];
}
