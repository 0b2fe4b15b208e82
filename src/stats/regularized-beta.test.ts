import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularizedBeta } from './regularized-beta.js';

const unit = fc.double({ min: 0.001, max: 0.999, noNaN: true });
const shape = fc.double({ min: 0.1, max: 200, noNaN: true });

describe('regularizedBeta', () => {
  it('matches the binomial tail for whole parameters: I_0.4(2, 3) = P(Bin(4, 0.4) >= 2) = 0.5248', () => {
    // Abramowitz & Stegun 26.5.24: I_x(a, n − a + 1) = Σ_{j ≥ a} C(n, j) x^j (1 − x)^(n − j).
    expect(regularizedBeta(0.4, 2, 3)).toBeCloseTo(0.5248, 14);
  });

  it('gives x^a when b = 1 and 1 − (1 − x)^b when a = 1 (property)', () => {
    fc.assert(
      fc.property(unit, shape, (x, s) => {
        expect(regularizedBeta(x, s, 1)).toBeCloseTo(x ** s, 12);
        expect(regularizedBeta(x, 1, s)).toBeCloseTo(1 - (1 - x) ** s, 12);
      }),
      { seed: 20240507, numRuns: 300 },
    );
  });

  it('is one half at x = 1/2 when a = b, by symmetry', () => {
    for (const a of [0.5, 1, 7, 123.25]) expect(regularizedBeta(0.5, a, a)).toBeCloseTo(0.5, 13);
  });

  it('satisfies I_x(a, b) = 1 − I_{1−x}(b, a) (property)', () => {
    fc.assert(
      fc.property(unit, shape, shape, (x, a, b) => {
        expect(regularizedBeta(x, a, b) + regularizedBeta(1 - x, b, a)).toBeCloseTo(1, 12);
      }),
      { seed: 20240508, numRuns: 300 },
    );
  });

  it('is 0 at x = 0 and 1 at x = 1', () => {
    expect(regularizedBeta(0, 3, 4)).toBe(0);
    expect(regularizedBeta(1, 3, 4)).toBe(1);
  });

  it('rejects x outside [0, 1] and parameters that are not positive', () => {
    expect(() => regularizedBeta(1.5, 1, 1)).toThrow('Expected x between 0 and 1, got `1.5`');
    expect(() => regularizedBeta(0.5, 0, 1)).toThrow('Expected beta parameters > 0, got a = `0`, b = `1`');
  });
});
