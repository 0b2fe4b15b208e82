import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from './random-streams.js';
import { chiSquare, countIndices, meanOf } from './testing/sample-statistics.js';
import { uniformMean, uniformSampler } from './uniform.js';
import { uniformIndexSampler } from './uniform-index.js';

const stream = (name: string) => new RandomStreams(4, 0).get(name);

describe('uniform', () => {
  it('stays within [min, max) and has mean (min + max)/2', () => {
    const sampler = uniformSampler(stream('test/uniform'), 10, 30);
    fc.assert(fc.property(fc.constant(0), () => {
      const x = sampler.sample();
      expect(x >= 10 && x < 30).toBe(true);
    }), { seed: 1, numRuns: 1000 });
    // The standard error over 200k draws is 5.8/447 = 0.013.
    expect(Math.abs(meanOf(sampler, 200_000) - uniformMean(10, 30))).toBeLessThan(0.06);
  });

  it('gives every index the same chance (chi-square at 0.1%, df 9: 27.877, NIST table 1.3.6.7.4)', () => {
    const counts = countIndices(uniformIndexSampler(stream('test/index'), 10), 10, 100_000);
    expect(chiSquare(counts, new Float64Array(10).fill(0.1))).toBeLessThan(27.877);
  });

  it('rejects min above max', () => {
    expect(() => uniformSampler(stream('x'), 2, 1)).toThrow('uniform needs finite min <= max, got min 2, max 1');
  });
});
