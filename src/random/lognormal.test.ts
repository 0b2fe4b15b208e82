import { describe, expect, it } from 'vitest';
import { lognormalMean, lognormalParameters, lognormalSampler } from './lognormal.js';
import { RandomStreams } from './random-streams.js';
import { meanOf, quantileOfSorted, sortedSamples } from './testing/sample-statistics.js';
import { ScriptedStream } from './testing/scripted-stream.js';

const stream = (name: string) => new RandomStreams(2, 0).get(name);

describe('lognormal', () => {
  it('has the given median and p99 over 200k draws', () => {
    const sorted = sortedSamples(lognormalSampler(stream('test/lognormal'), 2, 20), 200_000);
    // Standard errors (in log space, sigma = 0.99): median 0.28%, p99 0.83%; tolerances ~3.6 SE.
    expect(Math.abs(quantileOfSorted(sorted, 0.5) / 2 - 1)).toBeLessThan(0.01);
    expect(Math.abs(quantileOfSorted(sorted, 0.99) / 20 - 1)).toBeLessThan(0.03);
  });

  it('has mean exp(mu + sigma²/2), checked against the closed form and a sample', () => {
    // Known answer: sigma = ln(10)/z0.99 = 0.98978537, mean = 2·exp(sigma²/2) = 3.2641021.
    expect(lognormalParameters(2, 20).sigma).toBeCloseTo(0.9897853707470158, 14);
    expect(lognormalMean(2, 20)).toBeCloseTo(3.264102111040703, 12);
    const sampleMean = meanOf(lognormalSampler(stream('test/lognormal-mean'), 2, 20), 200_000);
    expect(Math.abs(sampleMean / lognormalMean(2, 20) - 1)).toBeLessThan(0.02);
  });

  it('uses exactly one draw per sample, the median at u = 1/2', () => {
    const scripted = new ScriptedStream([0.5 - 2 ** -33]);
    const sampler = lognormalSampler(scripted, 2, 20);
    expect(sampler.sample()).toBeCloseTo(2, 12);
    sampler.sample();
    expect(scripted.draws).toBe(2);
  });

  it('is the constant median when p99 equals the median', () => {
    const sampler = lognormalSampler(stream('test/lognormal-flat'), 5, 5);
    expect(Array.from({ length: 5 }, () => sampler.sample())).toEqual([5, 5, 5, 5, 5]);
  });

  it('rejects p99 below the median and a median that is not positive', () => {
    expect(() => lognormalSampler(stream('x'), 2, 1)).toThrow('lognormal needs 0 < median <= p99, got median 2, p99 1');
    expect(() => lognormalMean(0, 1)).toThrow('lognormal needs 0 < median <= p99, got median 0, p99 1');
  });
});
