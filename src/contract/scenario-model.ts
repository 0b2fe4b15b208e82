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
}

export interface RunResult {
  readonly metrics: MetricValues;
  /** Things the user should know (a station whose offered load is >= 1). */
  readonly warnings: readonly string[];
  /** Simulation events executed, for events-per-second figures in the meta. */
  readonly events: number;
}

/** A scenario built and ready to run; building (the cluster) is timed apart from running. */
export interface BuiltScenario {
  run(): RunResult;
}

/**
 * The contract between the experiment layer and the models: the experiment layer validates
 * files against `parameters`, writes `metrics` as columns, and builds and runs scenarios.
 * Models never import the experiment layer; tests may pass a small fake model.
 */
export interface ScenarioModel {
  readonly parameters: readonly ParameterSpec[];
  readonly metrics: readonly MetricSpec[];
  build(values: ScenarioValues, settings: RunSettings): BuiltScenario;
}
