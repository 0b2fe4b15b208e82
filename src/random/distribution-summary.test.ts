import { describe, expect, it } from 'vitest';
import { describeDistribution, distributionMean, distributionMedian } from './distribution-summary.js';
import { makeSampler } from './distribution-sampler.js';
import { parseDistribution } from './distribution-spec.js';
import { RandomStreams } from './random-streams.js';

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

describe('distributionMedian', () => {
  it('gives the median of every distribution, checked against 200,001 draws', () => {
    const specs = [
      { dist: 'exponential', mean: 10 },
      { dist: 'lognormal', median: 5, p99: 50 },
      { dist: 'uniform', min: 2, max: 8 },
      { dist: 'boundedPareto', min: 1, max: 100, alpha: 1.2 },
    ];
    for (const written of specs) {
      const spec = parseDistribution(written, 'x', 'number');
      const sampler = makeSampler(spec, new RandomStreams(1, 0).get('median'));
      const draws = Float64Array.from({ length: 200_001 }, () => sampler.sample()).sort();
      expect(Math.abs(draws[100_000] - distributionMedian(spec)) / distributionMedian(spec)).toBeLessThan(0.01);
    }
    expect(distributionMedian(parseDistribution({ dist: 'empirical', values: [5, 1, 3, 9] }, 'x', 'number'))).toBe(4);
  });
});
