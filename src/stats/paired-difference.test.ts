import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedDifference } from './paired-difference.js';
import { studentTQuantile } from './student-t.js';
import { Welford } from './welford.js';

/**
 * Half-width of the unpaired (Welch) 95 % interval for mean(x) − mean(b): what one gets by
 * comparing the two points as if their replications were independent.
 */
function unpairedHalfWidth(values: number[], baseline: number[]): number {
  const vx = varianceOfMean(values);
  const vb = varianceOfMean(baseline);
  // Welch–Satterthwaite degrees of freedom (not a whole number; the t quantile takes any ν > 0).
  const df = (vx + vb) ** 2 / (vx ** 2 / (values.length - 1) + vb ** 2 / (baseline.length - 1));
  return studentTQuantile(0.975, df) * Math.sqrt(vx + vb);
}

function varianceOfMean(values: number[]): number {
  const moments = new Welford();
  for (const value of values) moments.add(value);
  return (moments.variance ?? Number.NaN) / values.length;
}

describe('pairedDifference', () => {
  it('gives the mean and interval of the replication-by-replication differences', () => {
    // By hand: d = [1, 2, 1, 3], mean 1.75, s² = 2.75/3; t_{0.975, 3} = 3.182446305 (NIST 3.182),
    // so the half-width is 3.182446305 × √(2.75/3) / 2 = 1.523480181.
    const difference = pairedDifference([10, 12, 11, 15], [9, 10, 10, 12]);
    expect(difference.n).toBe(4);
    expect(difference.mean).toBe(1.75);
    expect(difference.ci95).toBeCloseTo(1.523480181, 8);
  });

  it('uses only replications where both points have a value', () => {
    const difference = pairedDifference([1, undefined, 3, 5], [0, 1, undefined, 4]);
    expect(difference).toEqual({ n: 2, mean: 1, ci95: 0 });
    expect(pairedDifference([undefined], [2])).toEqual({ n: 0, mean: undefined, ci95: undefined });
  });

  it('is much narrower than the unpaired interval when replications share their randomness (property)', () => {
    // Replication i shifts both points by the same large amount (its arrivals, its churn), as
    // common random numbers do; each point adds a little noise of its own.
    const noiseOfOnePoint = fc.double({ min: -1, max: 1, noNaN: true });
    const runs = fc.array(fc.tuple(noiseOfOnePoint, noiseOfOnePoint), { minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(runs, fc.double({ min: -50, max: 50, noNaN: true }), (noise, effect) => {
        const shared = noise.map((_, replication) => 100 * replication);
        const baseline = shared.map((level, replication) => level + noise[replication][0]);
        const values = shared.map((level, replication) => level + effect + noise[replication][1]);
        const paired = pairedDifference(values, baseline);
        expect(paired.mean).toBeCloseTo(effect + mean(noise.map(([b, x]) => x - b)), 9);
        expect(paired.ci95 ?? Number.NaN).toBeLessThan(unpairedHalfWidth(values, baseline) / 10);
      }),
      { seed: 20240510, numRuns: 200 },
    );
  });

  it('is wider than the unpaired interval when the two series move against each other', () => {
    // Var(d) = Var(x) + Var(b) − 2 Cov(x, b): a negative covariance widens the paired interval.
    const values = [1, 2, 3, 4, 5];
    const baseline = [5, 4, 3, 2, 1];
    expect(pairedDifference(values, baseline).ci95 ?? 0).toBeGreaterThan(unpairedHalfWidth(values, baseline));
  });

  it('refuses series of different lengths', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(
      'Expected a value and a baseline for every replication, got 2 values and 1 baselines',
    );
  });
});

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
