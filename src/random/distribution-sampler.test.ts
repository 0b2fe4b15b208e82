import { describe, expect, it } from 'vitest';
import { makeSampler } from './distribution-sampler.js';
import type { DistributionSpec } from './distribution-spec.js';
import { distributionMean } from './distribution-summary.js';
import { RandomStreams } from './random-streams.js';
import { meanOf } from './testing/sample-statistics.js';
import { CountingStream } from './testing/scripted-stream.js';

const SPECS: readonly DistributionSpec[] = [
  { dist: 'exponential', mean: 3 },
  { dist: 'lognormal', median: 2, p99: 20 },
  { dist: 'uniform', min: 2, max: 6 },
  { dist: 'boundedPareto', min: 1, max: 100, alpha: 1.3 },
  { dist: 'empirical', values: [1, 2, 6] },
];

describe('makeSampler', () => {
  it.each(SPECS)('draws exactly one uniform per sample for $dist, keeping common random numbers aligned', (spec) => {
    const stream = new CountingStream(new RandomStreams(1, 0).get('test/count'));
    const sampler = makeSampler(spec, stream);
    for (let i = 0; i < 1000; i++) sampler.sample();
    expect(stream.draws).toBe(1000);
  });

  it('draws nothing for a constant', () => {
    const stream = new CountingStream(new RandomStreams(1, 0).get('test/count'));
    expect(makeSampler({ dist: 'constant', value: 4 }, stream).sample()).toBe(4);
    expect(stream.draws).toBe(0);
  });

  it.each(SPECS)('makes a sampler for $dist whose sample mean matches distributionMean (200k draws, 3%)', (spec) => {
    const sampler = makeSampler(spec, new RandomStreams(1, 0).get(`test/${spec.dist}`));
    expect(Math.abs(meanOf(sampler, 200_000) / distributionMean(spec) - 1)).toBeLessThan(0.03);
  });
});
