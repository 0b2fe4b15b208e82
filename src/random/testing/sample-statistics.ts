/**
 * Statistics of a sampler's draws, for tests only: index counts and chi-square, sorted
 * samples and their quantiles, means (the build leaves testing/ out).
 */
import type { Sampler } from '../sampler.js';

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
