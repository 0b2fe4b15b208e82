import { describe, expect, it } from 'vitest';
import { empiricalMean, empiricalSampler } from './empirical.js';
import { RandomStreams } from './random-streams.js';
import { ScriptedStream } from './testing/scripted-stream.js';

describe('empirical', () => {
  it('picks each listed position with equal chance (200k draws, frequencies within 1/150)', () => {
    const sampler = empiricalSampler(new RandomStreams(8, 0).get('test/empirical'), [5, 7, 7]);
    let sevens = 0;
    let fives = 0;
    for (let i = 0; i < 200_000; i++) {
      const value = sampler.sample();
      if (value === 7) sevens++;
      else if (value === 5) fives++;
      else throw new Error(`unlisted value ${value}`);
    }
    expect(Math.abs(fives / 200_000 - 1 / 3)).toBeLessThan(1 / 150);
    expect(Math.abs(sevens / 200_000 - 2 / 3)).toBeLessThan(1 / 150);
  });

  it('maps the extreme draws to the first and last values', () => {
    expect(empiricalSampler(new ScriptedStream([0]), [1, 2, 3]).sample()).toBe(1);
    expect(empiricalSampler(new ScriptedStream([1 - 2 ** -32]), [1, 2, 3]).sample()).toBe(3);
  });

  it('is not affected by later changes to the caller’s array', () => {
    const values = [1, 2];
    const sampler = empiricalSampler(new ScriptedStream([0]), values);
    values[0] = 99;
    expect(sampler.sample()).toBe(1);
  });

  it('has the average of its values as mean, and rejects an empty list', () => {
    expect(empiricalMean([1, 2, 6])).toBe(3);
    expect(() => empiricalSampler(new ScriptedStream([0]), [])).toThrow('empirical needs at least one value');
  });
});
