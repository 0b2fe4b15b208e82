import { describe, expect, it } from 'vitest';
import { RandomStreams } from './random-streams.js';
import type { RandomStream } from './random-stream.js';
import { chiSquare, countIndices } from './testing/sample-statistics.js';
import { weightedChoiceSampler } from './weighted-choice.js';

/** Upper 0.1% point of chi-square with 3 degrees of freedom (NIST/SEMATECH e-Handbook, table 1.3.6.7.4). */
const CHI2_999_DF3 = 16.266;

/** Draws the midpoints of an even grid of `size` steps on [0, 1), in order. */
class ScriptedGrid implements RandomStream {
  readonly name = 'test/grid';
  private index = 0;

  constructor(private readonly size: number) {}

  next(): number {
    return (this.index++ % this.size + 0.5) / this.size;
  }
}

const stream = () => new RandomStreams(5, 0).get('test/weighted');

describe('weightedChoiceSampler', () => {
  it('chooses items in proportion to their weights (chi-square at 0.1%) and never a zero weight', () => {
    const counts = countIndices(weightedChoiceSampler(stream(), [1, 2, 0, 3, 4]), 5, 200_000);
    expect(counts[2]).toBe(0);
    const nonZero = [counts[0], counts[1], counts[3], counts[4]];
    expect(chiSquare(nonZero, [0.1, 0.2, 0.3, 0.4])).toBeLessThan(CHI2_999_DF3);
  });

  it('maps an even grid of draws onto items in exact proportion to the weights', () => {
    // The alias table is exact: over the grid u = (i + 1/2)/M, item j gets weight_j/Σ·M
    // points, give or take one per column the item appears in.
    const weights = [1, 2, 0, 3, 4, 0.5];
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const grid = 6 * 2 ** 14;
    const counts = countIndices(weightedChoiceSampler(new ScriptedGrid(grid), weights), 6, grid);
    weights.forEach((weight, j) => expect(Math.abs(counts[j] - (weight / total) * grid)).toBeLessThanOrEqual(6));
  });

  it('fails the same test against other weights, so the test can tell them apart', () => {
    const counts = countIndices(weightedChoiceSampler(stream(), [1, 2, 3, 4]), 4, 200_000);
    expect(chiSquare(counts, [0.11, 0.2, 0.29, 0.4])).toBeGreaterThan(CHI2_999_DF3);
  });

  it('handles very uneven weights, one item with 99.99% of the mass', () => {
    const counts = countIndices(weightedChoiceSampler(stream(), [9999, 1]), 2, 1_000_000);
    // Expected 100 of 10^6 for item 1; the standard deviation is 10.
    expect(counts[1]).toBeGreaterThan(60);
    expect(counts[1]).toBeLessThan(140);
  });

  it('always chooses the only item', () => {
    const sampler = weightedChoiceSampler(stream(), [0.3]);
    expect(Array.from({ length: 10 }, () => sampler.sample())).toEqual(new Array(10).fill(0));
  });

  it('rejects no weights, a negative weight and weights that are all zero', () => {
    expect(() => weightedChoiceSampler(stream(), [])).toThrow('weighted choice needs at least one weight');
    expect(() => weightedChoiceSampler(stream(), [1, -1])).toThrow(
      'weighted choice needs finite weights >= 0, got 1, -1',
    );
    expect(() => weightedChoiceSampler(stream(), [0, 0])).toThrow('weighted choice needs at least one weight > 0');
  });
});
