import type { ExperimentHeader } from './experiment-header.js';
import type { ExperimentPoint } from './experiment-points.js';
import type { WrittenScenario } from './scenario-assignments.js';

/** Above this many runs (points × replications) a grid needs `--force` (docs/design.md, Contracts). */
export const MAX_RUNS_WITHOUT_FORCE = 10_000;

/** No grid has more runs, `--force` or not: the points and runs are built in memory before any run. */
export const MAX_RUNS = 1_000_000;

/** Entries of one list in the file (a sweep axis, `cases`), refused before they are read. */
export const MAX_LIST_ENTRIES = 100_000;

/**
 * The resolved experiment as data, values as written (defaults as the tables write them):
 * what the experiment hash is computed over and what the meta file records.
 */
export interface CanonicalExperiment {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly replications: number;
  readonly duration: string;
  readonly warmup: string;
  /** The base scenario: every parameter, after `scenario:` and `--set`. */
  readonly scenario: WrittenScenario;
  /** Axes in file order (an array: the order numbers the points). */
  readonly sweep: readonly { readonly path: string; readonly values: readonly unknown[] }[];
  readonly cases: readonly Readonly<Record<string, unknown>>[];
}

/** An experiment file after `--set`, with defaults filled in and every point built. */
export interface ResolvedExperiment {
  /** The file as named on the command line, for messages and the meta. */
  readonly file: string;
  readonly header: ExperimentHeader;
  /** Swept and case parameter paths: the CSV's parameter columns, in order. */
  readonly parameterColumns: readonly string[];
  readonly points: readonly ExperimentPoint[];
  /** points × replications */
  readonly runCount: number;
  readonly canonical: CanonicalExperiment;
  /** SHA-256 of the canonical JSON of `canonical`. */
  readonly hash: string;
}
