import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from './random-streams.js';
import { chiSquare, countIndices } from './testing/sample-statistics.js';
import { zipfSampler } from './zipf.js';

/**
 * Upper 0.1% points of chi-square (df = 49 for 50 items, df = 9 for 10), from the NIST/SEMATECH
 * e-Handbook of Statistical Methods, table 1.3.6.7.4 (85.351, 27.877); SciPy's
 * chi2.ppf(0.999, df) agrees. A correct sampler fails at this level one seed in a thousand;
 * the seed is fixed, so the outcome is too.
 */
const CHI2_999_DF49 = 85.351;
const CHI2_999_DF9 = 27.877;
const DRAWS = 200_000;

/** The Zipf pmf over items 0..n−1: (k + 1)^−s / H(n, s). */
function zipfPmf(n: number, s: number): Float64Array {
  const weights = Float64Array.from({ length: n }, (_, k) => (k + 1) ** -s);
  const harmonic = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / harmonic);
}

const stream = (name: string) => new RandomStreams(11, 0).get(name);

describe('zipfSampler', () => {
  it.each([1, 0.8, 1.6])('matches the exact pmf k^-s/H(50, s) for s = %s (chi-square, significance 0.001)', (s) => {
    const counts = countIndices(zipfSampler(stream('test/zipf'), 50, s), 50, DRAWS);
    expect(chiSquare(counts, zipfPmf(50, s))).toBeLessThan(CHI2_999_DF49);
  });

  it('fails the same test against a neighbouring exponent, so the test can tell them apart', () => {
    const counts = countIndices(zipfSampler(stream('test/zipf'), 50, 1), 50, DRAWS);
    expect(chiSquare(counts, zipfPmf(50, 0.9))).toBeGreaterThan(CHI2_999_DF49);
  });

  it('is uniform when s = 0', () => {
    const counts = countIndices(zipfSampler(stream('test/zipf'), 10, 0), 10, DRAWS);
    expect(chiSquare(counts, new Float64Array(10).fill(0.1))).toBeLessThan(CHI2_999_DF9);
  });

  it('draws a million items fast, item 0 as often as 1/H(10^6, 1)', { timeout: 2_000 }, () => {
    const n = 1_000_000;
    let harmonic = 0;
    for (let k = n; k >= 1; k--) harmonic += 1 / k;
    const sampler = zipfSampler(stream('test/zipf-large'), n, 1);
    let first = 0;
    for (let i = 0; i < n; i++) {
      const item = sampler.sample();
      if (item === 0) first++;
      if (item < 0 || item >= n) throw new Error(`item ${item} out of range`);
    }
    // P(item 0) = 1/14.39 = 0.0695; the standard error over 10^6 draws is 0.00025.
    expect(Math.abs(first / n - 1 / harmonic)).toBeLessThan(0.001);
  });

  it('returns an integer in 0..n−1 for any n and s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.double({ min: 0, max: 20, noNaN: true }), (n, s) => {
        const sampler = zipfSampler(stream('test/zipf-property'), n, s);
        for (let i = 0; i < 20; i++) {
          const item = sampler.sample();
          expect(Number.isInteger(item) && item >= 0 && item < n).toBe(true);
        }
      }),
      { seed: 5 },
    );
  });

  it('rejects an item count below 1 or fractional, and a negative exponent', () => {
    expect(() => zipfSampler(stream('x'), 0, 1)).toThrow('Zipf needs an integer count >= 1, got 0');
    expect(() => zipfSampler(stream('x'), 2.5, 1)).toThrow('Zipf needs an integer count >= 1, got 2.5');
    expect(() => zipfSampler(stream('x'), 10, -1)).toThrow('Zipf needs a finite exponent >= 0, got -1');
  });
});
