import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedParetoMean, boundedParetoSampler } from './bounded-pareto.js';
import { RandomStreams } from './random-streams.js';
import { meanOf } from './testing/sample-statistics.js';
import { ScriptedStream } from './testing/scripted-stream.js';

const stream = (name: string) => new RandomStreams(3, 0).get(name);

describe('boundedPareto', () => {
  it('stays within [min, max] for any parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        (min, spread, alpha) => {
          const max = min * spread;
          const sampler = boundedParetoSampler(stream('test/pareto-property'), min, max, alpha);
          for (let i = 0; i < 50; i++) {
            const x = sampler.sample();
            expect(x >= min && x <= max).toBe(true);
          }
        },
      ),
      { seed: 3 },
    );
  });

  it('is its inverse CDF: min at u = 0, the median at u = 1/2, just below max at the last draw', () => {
    const at = (u: number) => boundedParetoSampler(new ScriptedStream([u]), 1, 1000, 1.5).sample();
    expect(at(0)).toBe(1);
    // Known answer: F(x) = (1 − x^−1.5)/(1 − 1000^−1.5) = 1/2 at x = (1 − (1 − 1000^−1.5)/2)^(−2/3).
    expect(at(0.5)).toBeCloseTo(1.5873675874975015, 12);
    expect(at(1 - 2 ** -32)).toBeGreaterThan(999.99);
    expect(at(1 - 2 ** -32)).toBeLessThan(1000);
  });

  // Known answers: numerical integration of x·f(x) over [min, max] with mpmath (30 digits).
  it.each([
    [1, 1000, 1.5, 2.905223541429977],
    [1, 100, 1, 4.651687056553628],
    [2, 50, 2.5, 3.307725138711054],
  ])('has the closed-form mean for min %s, max %s, alpha %s', (min, max, alpha, mean) => {
    expect(boundedParetoMean(min, max, alpha)).toBeCloseTo(mean, 12);
  });

  it('has a mean continuous through alpha = 1', () => {
    const atOne = boundedParetoMean(1, 100, 1);
    expect(boundedParetoMean(1, 100, 1 + 1e-9)).toBeCloseTo(atOne, 7);
    expect(boundedParetoMean(1, 100, 1 - 1e-9)).toBeCloseTo(atOne, 7);
  });

  it('matches its mean over 200k draws (within 3%, about 4 standard errors)', () => {
    const sampleMean = meanOf(boundedParetoSampler(stream('test/pareto'), 1, 1000, 1.5), 200_000);
    expect(Math.abs(sampleMean / 2.905223541429977 - 1)).toBeLessThan(0.03);
  });

  it('rejects min = 0, max below min and alpha <= 0', () => {
    const message = 'bounded Pareto needs 0 < min <= max and alpha > 0, got';
    expect(() => boundedParetoMean(0, 1, 1)).toThrow(`${message} min 0, max 1, alpha 1`);
    expect(() => boundedParetoMean(2, 1, 1)).toThrow(`${message} min 2, max 1, alpha 1`);
    expect(() => boundedParetoSampler(stream('x'), 1, 2, 0)).toThrow(`${message} min 1, max 2, alpha 0`);
  });
});
