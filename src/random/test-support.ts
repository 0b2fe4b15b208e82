/**
 * Helpers for tests only (statistical checks, scripted streams, seeded uniform sources);
 * the build leaves this file out.
 */
import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';
import { RandomStreams } from './random-streams.js';

/** A stream that returns the given values in turn (cycling) and counts its draws. */
export class ScriptedStream implements RandomStream {
  readonly name = 'test/scripted';
  draws = 0;

  constructor(private readonly values: readonly number[]) {}

  next(): number {
    return this.values[this.draws++ % this.values.length];
  }
}

/** A stream that wraps another and counts its draws. */
export class CountingStream implements RandomStream {
  draws = 0;

  constructor(private readonly inner: RandomStream) {}

  get name(): string {
    return this.inner.name;
  }

  next(): number {
    this.draws++;
    return this.inner.next();
  }
}

/** How often each index 0..size−1 comes out of `draws` samples of an index sampler. */
export function countIndices(sampler: Sampler, size: number, draws: number): Float64Array {
  const counts = new Float64Array(size);
  for (let i = 0; i < draws; i++) counts[sampler.sample()]++;
  return counts;
}

/** Pearson's chi-square statistic of observed counts against expected probabilities. */
export function chiSquare(observed: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < observed.length; i++) total += observed[i];
  let statistic = 0;
  for (let i = 0; i < observed.length; i++) {
    const expected = total * probabilities[i];
    statistic += ((observed[i] - expected) * (observed[i] - expected)) / expected;
  }
  return statistic;
}

/** `draws` samples, sorted, for quantile checks. */
export function sortedSamples(sampler: Sampler, draws: number): Float64Array {
  const values = new Float64Array(draws);
  for (let i = 0; i < draws; i++) values[i] = sampler.sample();
  return values.sort();
}

/** The empirical q-quantile of sorted values (nearest rank). */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export function meanOf(sampler: Sampler, draws: number): number {
  let total = 0;
  for (let i = 0; i < draws; i++) total += sampler.sample();
  return total / draws;
}

/** A seeded uniform source in [0, 1) for tests that take a plain function (one named stream). */
export function uniformSource(seed: number, name = 'test/uniform'): () => number {
  const stream = new RandomStreams(seed, 0).get(name);
  return () => stream.next();
}
