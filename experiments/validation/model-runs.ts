/**
 * How the validation cases get their model values: engine runs of the composed scenario (the
 * model as `eastwest run` builds it), points of a shipped experiment file, and the engine's own
 * queue. Every run has a fixed seed; replications vary the replication number, as `eastwest run`
 * does, so the values are the ones an experiment file with the same settings would give.
 */
import { fileURLToPath } from 'node:url';
import { simulateMmc, type MmcOptions } from '../../bench/mmc-model.js';
import { scenarioModel } from '../../models/index.js';
import type { RunResult } from '../../src/contract/scenario-model.js';
import { scenarioValues } from '../../src/contract/scenario-values.js';
import type { Nanoseconds } from '../../src/engine/index.js';
import { loadExperiment } from '../../src/experiment/index.js';
import { summarize } from '../../src/stats/index.js';
import type { Measured } from './validation-case.js';

export type Metrics = RunResult['metrics'];

export interface RunLength {
  readonly warmup: Nanoseconds;
  readonly duration: Nanoseconds;
  readonly replications: number;
  readonly seed?: number;
}

/** The value once, computed on first use: several cases read one set of runs. */
export function once<T>(compute: () => T): () => T {
  let value: { readonly result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}

/** The mean over replications and its 95 % half-width (none for a single run). */
export function measuredOf(values: readonly number[]): Measured {
  const summary = summarize(values);
  if (summary.mean === undefined) throw new Error('no value to summarise');
  return values.length > 1 && summary.ci95 !== undefined ? { value: summary.mean, ci95: summary.ci95 } : { value: summary.mean };
}

/** Every replication's metrics of the scenario `overrides` (paths as in experiment files). */
export function scenarioRuns(overrides: Record<string, unknown>, length: RunLength): Metrics[] {
  const values = scenarioValues(scenarioModel.parameters, overrides);
  return Array.from({ length: length.replications }, (_, replication) =>
    scenarioModel.build(values, { seed: length.seed ?? 1, replication, warmup: length.warmup, duration: length.duration }).run().metrics,
  );
}

/** One metric (or a number derived from a run's metrics) over replications. */
export function scenarioMetric(overrides: Record<string, unknown>, length: RunLength, metric: string | ((metrics: Metrics) => number)): Measured {
  const read = typeof metric === 'string' ? (metrics: Metrics) => numberOf(metrics, metric) : metric;
  return measuredOf(scenarioRuns(overrides, length).map(read));
}

export function numberOf(metrics: Metrics, name: string): number {
  const value = metrics[name];
  if (typeof value !== 'number') throw new Error(`metric ${name} is empty (${String(value)})`);
  return value;
}

/** Mean wait in queue of the engine's own M/M/c (or M/D/c) queue, over seeds 1..seeds. */
export function engineQueueWait(options: Omit<MmcOptions, 'seed'>, seeds: number): Measured {
  return measuredOf(Array.from({ length: seeds }, (_, i) => simulateMmc({ ...options, seed: i + 1 }).meanWait));
}

/** A shipped experiment file of this folder or its parent, resolved as `eastwest run` resolves it. */
export function shippedExperiment(relativePath: string) {
  return loadExperiment(fileURLToPath(new URL(relativePath, import.meta.url)), scenarioModel, { force: true });
}
