import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inverseNormalCdf } from './inverse-normal-cdf.js';

/** |actual − expected| within `ulps` units in the last place of expected. */
function expectWithinUlps(actual: number, expected: number, ulps: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(ulps * Number.EPSILON * Math.abs(expected));
}

describe('inverseNormalCdf', () => {
  // Known answers: R's qnorm() and SciPy's scipy.stats.norm.ppf give these doubles, which
  // also agree with a 50-digit mpmath root of ncdf(x) = p. Φ(1) = 0.8413447460685429 is
  // from Abramowitz & Stegun, Handbook of Mathematical Functions, table 26.1.
  it.each([
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
    [0.025, -1.9599639845400545],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
    [1 - 1e-12, 7.0344869100478356],
    [0.8413447460685429, 1],
  ])('maps p = %s to its known quantile %s', (p, z) => {
    expectWithinUlps(inverseNormalCdf(p), z, 4);
  });

  it('maps 1/2 to exactly 0', () => {
    expect(inverseNormalCdf(0.5)).toBe(0);
  });

  it('maps 0 and 1 to the infinities and anything outside [0, 1] to NaN', () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(inverseNormalCdf(-0.1)).toBeNaN();
    expect(inverseNormalCdf(1.1)).toBeNaN();
    expect(inverseNormalCdf(NaN)).toBeNaN();
  });

  it('is exactly antisymmetric about 1/2 where 1 − p is exact, and increasing', () => {
    // p = k·2^-40 makes 1 − p exact, so Φ⁻¹(1 − p) must be exactly −Φ⁻¹(p).
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 39 }), fc.double({ min: 1e-6, max: 0.1, noNaN: true }), (k, step) => {
        const p = k * 2 ** -40;
        expect(inverseNormalCdf(1 - p) + inverseNormalCdf(p)).toBe(0);
        expect(inverseNormalCdf(p + step)).toBeGreaterThan(inverseNormalCdf(p));
      }),
      { seed: 7 },
    );
  });
});
