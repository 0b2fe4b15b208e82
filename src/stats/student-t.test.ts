import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile, tCritical95 } from './student-t.js';

/**
 * NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2, "Critical values of the Student's
 * t distribution", columns 0.90, 0.95, 0.975, 0.99 and 0.995 (three decimals).
 */
const NIST_TABLE: ReadonlyArray<[number, number[]]> = [
  [1, [3.078, 6.314, 12.706, 31.821, 63.657]],
  [2, [1.886, 2.92, 4.303, 6.965, 9.925]],
  [3, [1.638, 2.353, 3.182, 4.541, 5.841]],
  [4, [1.533, 2.132, 2.776, 3.747, 4.604]],
  [5, [1.476, 2.015, 2.571, 3.365, 4.032]],
  [10, [1.372, 1.812, 2.228, 2.764, 3.169]],
  [20, [1.325, 1.725, 2.086, 2.528, 2.845]],
  [30, [1.31, 1.697, 2.042, 2.457, 2.75]],
  [50, [1.299, 1.676, 2.009, 2.403, 2.678]],
  [100, [1.29, 1.66, 1.984, 2.364, 2.626]],
  [Number.POSITIVE_INFINITY, [1.282, 1.645, 1.96, 2.326, 2.576]],
];
const NIST_COLUMNS = [0.9, 0.95, 0.975, 0.99, 0.995];

/** Rounding to three decimals moves a value by at most half a unit in the last place. */
const HALF_THOUSANDTH = 0.0005 + 1e-12;

describe('tCritical95', () => {
  it.each(NIST_TABLE.map(([df, row]) => [df, row[2]]))(
    'is %s degrees of freedom → %s as in the NIST table',
    (df, value) => {
      expect(Math.abs(tCritical95(df) - value)).toBeLessThanOrEqual(HALF_THOUSANDTH);
    },
  );

  it('gives t_{0.975, 4} = 2.776445105 to ten digits', () => {
    // Value used by the replication summary's known answer; R's qt(0.975, 4) = 2.776445105197793.
    expect(tCritical95(4)).toBeCloseTo(2.776445105197793, 12);
  });

  it('falls as degrees of freedom grow, towards 1.96, without a step at the large-ν switch', () => {
    const values = [1, 2, 3, 9.5, 40, 1e3, 9_999, 1e4, 10_001, 1e6, 1e8, Number.POSITIVE_INFINITY].map(tCritical95);
    for (let index = 1; index < values.length; index += 1) expect(values[index]).toBeLessThan(values[index - 1]);
    // Across the switch to the Cornish–Fisher series t falls by the true step, 2.3726e-8
    // (scipy.stats.t.ppf), give or take Φ⁻¹'s error of 1.15e-9 relative.
    const step = tCritical95(1e4) - tCritical95(10_001);
    expect(Math.abs(step - 2.3726e-8)).toBeLessThan(2.5e-9);
  });
});

describe('studentTQuantile', () => {
  it('matches every column of the NIST table to three decimals', () => {
    for (const [df, row] of NIST_TABLE) {
      row.forEach((value, column) => {
        expect(Math.abs(studentTQuantile(NIST_COLUMNS[column], df) - value)).toBeLessThanOrEqual(HALF_THOUSANDTH);
      });
    }
  });

  it('matches the closed forms for one and two degrees of freedom', () => {
    // ν = 1 is the Cauchy distribution, t = tan(π(p − ½)); for ν = 2, F(t) = ½ + t / (2√(2 + t²)).
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(0.475 * Math.PI), 12);
    expect(studentTCdf(studentTQuantile(0.9, 2), 2)).toBeCloseTo(0.9, 14);
    const t = 1.7;
    expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
  });

  it.each([
    // Bisection on the exact CDF: the round trip is limited by double rounding only.
    ['up to 1e4 degrees of freedom', 0.5, 1e4, 1e-10],
    // Cornish–Fisher around Φ⁻¹: z is off by up to 1.15e-9 relative, which moves a tail of
    // p = 1e-9 (z ≈ 6) by about z² × 1.15e-9 ≈ 4e-8 relative.
    ['from 1e4 to 1e6 degrees of freedom', 1e4, 1e6, 1e-7],
  ])('inverts the CDF for any p %s (property)', (_, minDegrees, maxDegrees, tolerance) => {
    const probabilities = fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true });
    const degrees = fc.oneof(
      fc.integer({ min: Math.ceil(minDegrees), max: maxDegrees }),
      fc.double({ min: minDegrees, max: maxDegrees, noNaN: true }),
    );
    fc.assert(
      fc.property(probabilities, degrees, (p, df) => {
        const tail = Math.min(p, 1 - p);
        const cdf = studentTCdf(studentTQuantile(p, df), df);
        expect(Math.abs(Math.min(cdf, 1 - cdf) - tail)).toBeLessThanOrEqual(tolerance * tail);
      }),
      { seed: 20240509, numRuns: 200 },
    );
  });

  it('is odd around the median', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.01, 7)).toBeCloseTo(-studentTQuantile(0.99, 7), 12);
    expect(studentTCdf(0, 7)).toBe(0.5);
  });

  it('rejects probabilities outside (0, 1) and degrees of freedom that are not positive', () => {
    expect(() => studentTQuantile(1, 3)).toThrow('Expected a probability between 0 and 1 exclusive, got `1`');
    expect(() => tCritical95(0)).toThrow('Expected degrees of freedom > 0, got `0`');
    expect(() => tCritical95(Number.NaN)).toThrow(RangeError);
    expect(() => studentTCdf(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
