import { describe, expect, it } from 'vitest';
import { exponential, exponentialSampler } from './exponential.js';
import { RandomStreams } from './random-streams.js';
import { meanOf } from './testing/sample-statistics.js';
import { ScriptedStream } from './testing/scripted-stream.js';

describe('exponential', () => {
  it('has the given mean over 200k draws (within 1%, about 4.5 standard errors)', () => {
    const sampler = exponentialSampler(new RandomStreams(1, 0).get('test/exponential'), 3);
    expect(Math.abs(meanOf(sampler, 200_000) / 3 - 1)).toBeLessThan(0.01);
  });

  it('is the inverse CDF −mean·ln(1 − u) of its one draw, finite at u = 0', () => {
    // Known answer: the exponential quantile at u is −mean·ln(1 − u); at u = 1/2, mean·ln 2.
    expect(exponential(new ScriptedStream([0]), 2)).toBe(0);
    expect(exponential(new ScriptedStream([0.5]), 2)).toBeCloseTo(2 * Math.LN2, 15);
    expect(exponential(new ScriptedStream([1 - 2 ** -32]), 1)).toBeCloseTo(32 * Math.LN2, 9);
  });

  it('rejects a mean that is not positive', () => {
    const stream = new ScriptedStream([0.5]);
    expect(() => exponentialSampler(stream, 0)).toThrow('exponential needs a finite mean > 0, got 0');
  });
});
