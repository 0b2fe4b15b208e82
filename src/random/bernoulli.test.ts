import { describe, expect, it } from 'vitest';
import { bernoulli, bernoulliSampler } from './bernoulli.js';
import { RandomStreams } from './random-streams.js';
import { meanOf } from './testing/sample-statistics.js';
import { ScriptedStream } from './testing/scripted-stream.js';

describe('bernoulli', () => {
  it('succeeds with probability p (200k draws, within 4 standard errors)', () => {
    const sampler = bernoulliSampler(new RandomStreams(6, 0).get('test/bernoulli'), 0.3);
    const standardError = Math.sqrt((0.3 * 0.7) / 200_000);
    expect(Math.abs(meanOf(sampler, 200_000) - 0.3)).toBeLessThan(4 * standardError);
  });

  it('never succeeds at p = 0 and always at p = 1, even on the extreme draws', () => {
    expect(bernoulli(new ScriptedStream([0]), 0)).toBe(false);
    expect(bernoulli(new ScriptedStream([1 - 2 ** -32]), 1)).toBe(true);
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => bernoulliSampler(new ScriptedStream([0]), 1.5)).toThrow('bernoulli needs 0 <= p <= 1, got 1.5');
  });
});
