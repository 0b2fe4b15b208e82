import { describe, expect, it } from 'vitest';
import { ScriptedStream } from './testing/scripted-stream.js';
import { WeightedChoice } from './weighted-choice.js';

describe('WeightedChoice', () => {
  it('finds the choice whose share of the total holds the draw, skipping zero weights', () => {
    const choice = new WeightedChoice([1, 0, 2, 1], new ScriptedStream([0, 0.24, 0.25, 0.74, 0.75, 0.99]));
    expect(Array.from({ length: 6 }, () => choice.sample())).toEqual([0, 0, 2, 2, 3, 3]);
  });

  it('draws nothing when one choice has all the weight', () => {
    const stream = new ScriptedStream([]);
    const choice = new WeightedChoice([0, 5, 0], stream);
    expect([choice.sample(), choice.sample()]).toEqual([1, 1]);
  });

  it('refuses weights that sum to nothing', () => {
    expect(() => new WeightedChoice([0, 0], new ScriptedStream([]))).toThrow(/positive total/);
  });
});
