import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Welford } from './welford.js';

function welfordOf(values: number[]): Welford {
  const moments = new Welford();
  for (const value of values) moments.add(value);
  return moments;
}

/** The textbook two-pass formula: mean first, then Σ (x − mean)² / (n − 1). */
function twoPassVariance(values: number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
}

/** Spacing of doubles near 1e9: 2^(29 − 52). */
const ULP_1E9 = 2 ** -23;

describe('Welford', () => {
  it('gives the known mean and sample variance of 2, 4, 4, 4, 5, 5, 7, 9', () => {
    // Wikipedia, "Standard deviation" (basic example): mean 5, Σ (x − 5)² = 32, so s² = 32/7.
    const moments = welfordOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(moments.count).toBe(8);
    expect(moments.mean).toBe(5);
    expect(moments.variance).toBeCloseTo(32 / 7, 14);
    expect(moments.stddev).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it('keeps the variance exact for 1e9 + 4, 7, 13, 16, where the one-pass sum of squares fails', () => {
    // Wikipedia, "Algorithms for calculating variance" (Welford's online algorithm example): 30.
    const values = [4, 7, 13, 16].map((value) => 1e9 + value);
    expect(welfordOf(values).variance).toBe(30);
    const n = values.length;
    const naive =
      (values.reduce((sum, v) => sum + v * v, 0) - values.reduce((sum, v) => sum + v, 0) ** 2 / n) / (n - 1);
    expect(naive).not.toBe(30);
  });

  it('agrees with the two-pass formula for values near 1e9 with small noise (property)', () => {
    const noise = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 200 });
    fc.assert(
      fc.property(noise, (offsets) => {
        const values = offsets.map((offset) => 1e9 + offset);
        const expected = twoPassVariance(values);
        const variance = welfordOf(values).variance ?? Number.NaN;
        // Near 1e9 a double is exact to ULP_1E9, so each algorithm's mean is off by up to half of
        // it, which moves the variance by about ULP_1E9 × s. The one-pass Σx² formula is off by
        // hundreds, so the bound still tells a stable algorithm from an unstable one.
        const bound = 4 * ULP_1E9 * Math.sqrt(expected) + 1e-12;
        expect(Math.abs(variance - expected)).toBeLessThanOrEqual(bound);
      }),
      { seed: 20240504, numRuns: 200 },
    );
  });

  it('agrees with the two-pass formula on values of any sign and scale (property)', () => {
    const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 });
    fc.assert(
      fc.property(values, (list) => {
        const expected = twoPassVariance(list);
        expect(welfordOf(list).variance).toBeCloseTo(expected, Math.max(0, 8 - Math.log10(expected + 1)));
      }),
      { seed: 20240505, numRuns: 200 },
    );
  });

  it('has no mean when empty and no variance with one value', () => {
    expect(new Welford().mean).toBeUndefined();
    const single = welfordOf([3]);
    expect(single.mean).toBe(3);
    expect(single.variance).toBeUndefined();
    expect(single.stddev).toBeUndefined();
  });

  it('merges into the same moments as one pass over both halves', () => {
    const left = [1e9 + 1, 1e9 + 2, 1e9 + 6];
    const right = [1e9 + 3, 1e9 + 8];
    const merged = welfordOf(left);
    merged.merge(welfordOf(right));
    merged.merge(new Welford());
    const whole = welfordOf([...left, ...right]);
    expect(merged.count).toBe(5);
    expect(merged.mean).toBeCloseTo(whole.mean ?? Number.NaN, 6);
    expect(merged.variance).toBeCloseTo(whole.variance ?? Number.NaN, 9);
    const intoEmpty = new Welford();
    intoEmpty.merge(whole);
    expect(intoEmpty.variance).toBe(whole.variance);
  });

  it('rejects NaN and infinite values', () => {
    expect(() => new Welford().add(Number.NaN)).toThrow('Expected a finite number, got `NaN`');
    expect(() => new Welford().add(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});
