import { describe, expect, it } from 'vitest';
import { describeDistribution, distributionMean } from './distribution-summary.js';

describe('distributionMean', () => {
  // Known answers: constant value; exponential mean; lognormal 2·exp(sigma²/2) with
  // sigma = ln 10/z0.99; uniform midpoint; bounded Pareto by numerical integration (mpmath);
  // empirical average.
  it.each([
    [{ dist: 'constant', value: 7 } as const, 7],
    [{ dist: 'exponential', mean: 3 } as const, 3],
    [{ dist: 'lognormal', median: 2, p99: 20 } as const, 3.264102111040703],
    [{ dist: 'uniform', min: 2, max: 6 } as const, 4],
    [{ dist: 'boundedPareto', min: 1, max: 100, alpha: 1 } as const, 4.651687056553628],
    [{ dist: 'empirical', values: [1, 2, 6] } as const, 3],
  ])('gives the mean of %o', (spec, mean) => {
    expect(distributionMean(spec)).toBeCloseTo(mean, 12);
  });
});

describe('describeDistribution', () => {
  it('writes fields in their units, as a user writes them', () => {
    expect(describeDistribution({ dist: 'lognormal', median: 2e6, p99: 2e7 }, 'duration')).toBe(
      'lognormal(median 2ms, p99 20ms)',
    );
    expect(describeDistribution({ dist: 'boundedPareto', min: 1e6, max: 1e9, alpha: 1.2 }, 'duration')).toBe(
      'boundedPareto(min 1ms, max 1s, alpha 1.2)',
    );
    expect(describeDistribution({ dist: 'uniform', min: 1, max: 4 }, 'number')).toBe('uniform(min 1, max 4)');
  });

  it('shortens a long empirical list', () => {
    expect(describeDistribution({ dist: 'empirical', values: [1, 2, 3, 4, 5, 6, 7] }, 'number')).toBe(
      'empirical(values 1, 2, 3, 4, 5, … 7 in all)',
    );
  });
});
